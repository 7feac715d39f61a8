import type { z } from 'zod';
import { type Analysis, analyzeGraph, formatReceptiveField, formatShape, type ReceptiveField } from '../analysis';
import type { Graph, LayerNode, Shape } from '../graph/types';
import type { Language } from '../i18n';
import { describeZodError } from '../issues';
import { GraphIndex } from './convUnit';
import { type Phrase, phrase, phraseText, type Text } from './phrase';
import type {
  CostChange,
  RewriteReport,
  RewriteResult,
  RuleId,
  TransformDiagnostic,
  TransformDiagnosticCode,
} from './types';

export interface RuleContext {
  graph: Graph;
  analysis: Analysis;
  index: GraphIndex;
  node: LayerNode;
}

/** What a rule built; the runner proves it before anyone sees it. */
export interface RewritePlan {
  graph: Graph;
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
  const proof = prove(rule, analysis, planned.plan);
  if (typeof proof === 'string' || 'key' in proof)
    return fail('proof-failed', phrase('refusal.notMade', { rule: rule.id, name: node.name, reason: proof }));
  const report: RewriteReport = { rule: rule.id, nodeId, nodeName: node.name, ...proof };
  const texts = textsOf.get(proof);
  if (texts) textsOf.set(report, texts);
  return { ok: true, graph: planned.plan.graph, report };
}

type ProvenReport = Omit<RewriteReport, 'rule' | 'nodeId' | 'nodeName'>;

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

function prove<O>(rule: RewriteRule<O>, before: Analysis, plan: RewritePlan): ProvenReport | Text {
  const after = analyzeGraph(plan.graph);
  lastProven = { graph: plan.graph, analysis: after };
  const error = after.diagnostics.find((d) => d.severity === 'error');
  if (error)
    return phrase('refusal.proofError', { name: after.nodes[error.nodeId ?? '']?.name ?? '', message: error.message });

  const oldOut = before.nodes[plan.outputBefore]!;
  const newOut = after.nodes[plan.outputAfter]!;
  if (!sameShape(oldOut.outputShape, newOut.outputShape))
    return `it would change the output shape from ${formatShape(oldOut.outputShape)} to ${formatShape(newOut.outputShape)}`;

  const interior = new Set(plan.interior ?? []);
  const removed = before.order.filter((id) => !after.nodes[id]);
  const added = after.order.filter((id) => !before.nodes[id]);
  for (const id of after.order) {
    const old = before.nodes[id];
    if (!old || interior.has(id)) continue;
    const now = after.nodes[id]!;
    if (!sameShape(old.outputShape, now.outputShape))
      return `'${now.name}' would change shape from ${formatShape(old.outputShape)} to ${formatShape(now.outputShape)}`;
    if (rule.keepsReceptiveField && !sameField(old.receptiveField, now.receptiveField))
      return `'${now.name}' would see ${formatReceptiveField(now.receptiveField)} instead of ${formatReceptiveField(old.receptiveField)}`;
  }
  const rfBefore = oldOut.receptiveField!;
  const rfAfter = newOut.receptiveField!;
  const rfEqual = sameField(rfBefore, rfAfter);
  if (rule.keepsReceptiveField && !rfEqual)
    return `the receptive field would change from ${formatReceptiveField(rfBefore)} to ${formatReceptiveField(rfAfter)}`;

  const region = (a: Analysis, ids: Iterable<string>, pick: (n: Analysis['nodes'][string]) => number) => {
    let sum = 0;
    for (const id of ids) sum += pick(a.nodes[id]!);
    return sum;
  };
  const inside = [...interior];
  const params = costChange(
    region(before, [...removed, ...inside], (n) => n.paramCount.total),
    region(after, [...added, ...inside], (n) => n.paramCount.total),
  );
  const macs = costChange(
    region(before, [...removed, ...inside], (n) => n.macs),
    region(after, [...added, ...inside], (n) => n.macs),
  );
  // Nothing outside the rewritten part may change cost: the local saving is the network's.
  if (
    before.totals.params - after.totals.params !== params.saved ||
    before.totals.macs - after.totals.macs !== macs.saved
  )
    return phrase('refusal.proofCosts');

  const texts: ReportTexts = {
    description: phrase('report.description', { original: plan.original, replacement: plan.replacement }),
    replacement: plan.replacement,
    rfStatement: rfEqual
      ? phrase('report.rfSame', { rf: { field: rfBefore }, reason: plan.rfReason })
      : phrase('report.rfChanged', { before: { field: rfBefore }, after: { field: rfAfter }, reason: plan.rfReason }),
    shapeStatement: phrase('report.shape', { shape: formatShape(newOut.outputShape) }),
    ...(plan.note ? { note: plan.note } : {}),
  };
  const en = (text: Text) => phraseText(text, 'en');
  const report: ProvenReport = {
    description: en(texts.description),
    replacement: en(texts.replacement),
    params,
    macs,
    receptiveField: { before: rfBefore, after: rfAfter, equal: rfEqual, statement: en(texts.rfStatement) },
    outputShape: {
      before: oldOut.outputShape!,
      after: newOut.outputShape!,
      equal: true,
      statement: en(texts.shapeStatement),
    },
    depthAdded: plan.depthAdded,
    removed: removed.map((id) => before.nodes[id]!.name),
    added: added.map((id) => after.nodes[id]!.name),
  };
  if (texts.note) report.note = en(texts.note);
  textsOf.set(report, texts);
  return report;
}

/** A report's sentences, to be made in any language. */
interface ReportTexts {
  description: Text;
  replacement: Text;
  rfStatement: Text;
  shapeStatement: Text;
  note?: Text;
}

/** The report's fields are its English texts (what --json prints); other languages are made from these. */
const textsOf = new WeakMap<RewriteReport | ProvenReport, ReportTexts>();

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

export function costChange(before: number, after: number): CostChange {
  const saved = before - after;
  return { before, after, saved, savedPct: before > 0 ? Math.round((saved / before) * 10_000) / 100 : 0 };
}

function sameShape(a: Shape | null, b: Shape | null): boolean {
  return !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameField(a: ReceptiveField | null, b: ReceptiveField | null): boolean {
  if (!a || !b) return a === b;
  if (a.global || b.global) return a.global === b.global;
  return a.size[0] === b.size[0] && a.size[1] === b.size[1] && a.jump[0] === b.jump[0] && a.jump[1] === b.jump[1];
}
