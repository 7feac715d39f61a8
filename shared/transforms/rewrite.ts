import type { z } from 'zod';
import { type Analysis, analyzeGraph } from '../analysis';
import type { Graph, LayerNode } from '../graph/types';
import type { Language } from '../i18n';
import { describeZodError } from '../issues';
import { GraphIndex } from './convUnit';
import type { GraphEdit } from './graphEdit';
import { type Phrase, phrase, phraseText, type Text } from './phrase';
import { proveTogether, textsOf } from './proof';
import type { RewriteReport, RewriteResult, RuleId, TransformDiagnostic, TransformDiagnosticCode } from './types';

export interface RuleContext {
  graph: Graph;
  analysis: Analysis;
  index: GraphIndex;
  node: LayerNode;
}

/** What a rule built; the runner proves it before anyone sees it. */
export interface RewritePlan {
  /** The new network, as the changes to the input graph: build() makes it. */
  edit: GraphEdit;
  /** In the input graph: the node whose output the rewrite must reproduce. */
  outputBefore: string;
  /** In the new graph: the node that produces it now. */
  outputAfter: string;
  /** Nodes kept from the input that belong to the rewritten part and may change shape or cost. */
  interior?: string[];
  depthAdded: number;
  /** The rewritten part before, e.g. "conv2d_5 (5×5, 64 → 64)". */
  original: Text;
  /** What replaces it, e.g. "two stacked 3×3 convolutions". */
  replacement: Text;
  /** Why the receptive field is what it is, for the report's statement. */
  rfReason: Text;
  note?: Text;
}

export type PlanResult = { ok: true; plan: RewritePlan } | { ok: false; reason: Text };

/** A rewrite describes itself: a new one is its file plus one line in rules.ts. */
export interface RewriteRule<O> {
  /** Its name for people is per language, in shared/i18n/rewritesEn.ts. */
  id: RuleId;
  /** Node kinds worth trying when suggesting for a whole graph. */
  candidateKinds: readonly string[];
  /** The rule promises the same receptive field at its output and everywhere after it; checked. */
  keepsReceptiveField: boolean;
  /** Validates raw options; each field carries its description (see options.ts). */
  options: z.ZodType<O>;
  plan(ctx: RuleContext, options: O): PlanResult;
}

/**
 * Applies one rule to one node and proves the result by re-analysing it: the
 * new graph must have no errors, the rewritten part's output shape must equal
 * the old one, every node outside it must keep its shape (and, for rules that
 * promise it, its receptive field). A rewrite that fails any check returns a
 * diagnostic: never a wrong graph.
 */
export function runRewrite<O>(
  rule: RewriteRule<O>,
  graph: Graph,
  nodeId: string,
  rawOptions: unknown = {},
  analysis: Analysis = analyzeGraph(graph),
): RewriteResult {
  const fail = (code: TransformDiagnosticCode, message: Text, id: string | null = nodeId): RewriteResult => {
    const diagnostic: TransformDiagnostic = {
      nodeId: id,
      severity: 'error',
      code,
      rule: rule.id,
      message: phraseText(message, 'en'),
    };
    if (typeof message !== 'string') diagnosticTexts.set(diagnostic, message);
    return { ok: false, diagnostic };
  };
  const parsed = rule.options.safeParse(rawOptions ?? {});
  if (!parsed.success) {
    return fail(
      'invalid-option',
      phrase('refusal.invalidOption', { rule: rule.id, message: describeZodError(parsed.error) }),
      null,
    );
  }
  const index = GraphIndex.of(graph);
  const node = index.byId.get(nodeId);
  if (!node) return fail('unknown-node', phrase('refusal.unknownNode', { id: nodeId }), null);
  const firstError = analysis.diagnostics.find((d) => d.severity === 'error');
  if (firstError) {
    const where = firstError.nodeId ? `${analysis.nodes[firstError.nodeId]?.name ?? firstError.nodeId}: ` : '';
    return fail('network-errors', phrase('refusal.networkErrorsAt', { where, message: firstError.message }));
  }
  const planned = rule.plan({ graph, analysis, index, node }, parsed.data);
  if (!planned.ok)
    return fail(
      'not-applicable',
      phrase('refusal.notApplicable', { rule: rule.id, name: node.name, reason: planned.reason }),
    );
  const rewritten = planned.plan.edit.build();
  const after = analyzeGraph(rewritten);
  lastProven = { graph: rewritten, analysis: after };
  const item = { rule: rule as RewriteRule<unknown>, plan: planned.plan, nodeId, nodeName: node.name };
  const proof = proveTogether(analysis, after, [item]);
  if (!proof.ok)
    return fail('proof-failed', phrase('refusal.notMade', { rule: rule.id, name: node.name, reason: proof.message }));
  return { ok: true, graph: rewritten, report: proof.reports[0]! };
}

/** A refusal's message as a phrase, where it was made from one: other languages are made from it. */
const diagnosticTexts = new WeakMap<TransformDiagnostic, Phrase>();

/** A diagnostic whose message, English here, reads in other languages from `text`. */
export function localDiagnostic(diagnostic: Omit<TransformDiagnostic, 'message'>, text: Phrase): TransformDiagnostic {
  const made: TransformDiagnostic = { ...diagnostic, message: phraseText(text, 'en') };
  diagnosticTexts.set(made, text);
  return made;
}

/** Why a rewrite was not made, in `language`; its own (English) message where it has no phrase. */
export function diagnosticText(diagnostic: TransformDiagnostic, language: Language): string {
  const text = diagnosticTexts.get(diagnostic);
  return text && language !== 'en' ? phraseText(text, language) : diagnostic.message;
}

/** The analysis of the graph proven last: whoever goes on with that graph need not analyse it again. */
let lastProven: { graph: Graph; analysis: Analysis } | null = null;

/** analyzeGraph(graph), reusing the proof's analysis when the graph is a rewrite's result just proven. */
export function analysisOf(graph: Graph): Analysis {
  return lastProven?.graph === graph ? lastProven.analysis : analyzeGraph(graph);
}

/** A report's sentences in `language`; its own (English) fields where it was not made here (read from a file). */
export function reportText(
  report: RewriteReport,
  language: Language,
): Pick<RewriteReport, 'description' | 'replacement' | 'note'> & { rfStatement: string; shapeStatement: string } {
  const texts = textsOf.get(report);
  if (!texts || language === 'en')
    return {
      description: report.description,
      replacement: report.replacement,
      rfStatement: report.receptiveField.statement,
      shapeStatement: report.outputShape.statement,
      ...(report.note === undefined ? {} : { note: report.note }),
    };
  const local = (text: Text) => phraseText(text, language);
  return {
    description: local(texts.description),
    replacement: local(texts.replacement),
    rfStatement: local(texts.rfStatement),
    shapeStatement: local(texts.shapeStatement),
    ...(texts.note ? { note: local(texts.note) } : {}),
  };
}

export { costChange } from './proof';
