import { type Analysis, formatShape, type ReceptiveField } from '../analysis';
import type { Shape } from '../graph/types';
import { type Phrase, type PhraseValue, phrase, phraseText, type Text } from './phrase';
import type { RewritePlan, RewriteRule } from './rewrite';
import type { CostChange, RewriteReport } from './types';

/** One planned rewrite to prove: the rule, its plan and the node it was asked for. */
export interface ProofItem {
  rule: RewriteRule<unknown>;
  plan: RewritePlan;
  nodeId: string;
  nodeName: string;
}

/** `at`: the item that failed; null where the failure is the network's and several were made together. */
export type Proof = { ok: true; reports: RewriteReport[] } | { ok: false; at: number | null; message: Text };

/**
 * Proves rewrites made together by comparing the analyses of the network before
 * and after all of them: the new network has no errors, each rewritten part's output
 * has its old shape (and, for rules that promise it, receptive field), every node
 * outside the rewritten parts keeps its shape and receptive field, and the network's
 * totals change by exactly the sum of what the rewritten parts cost before and after.
 * With one item this is runRewrite's proof.
 */
export function proveTogether(before: Analysis, after: Analysis, items: readonly ProofItem[]): Proof {
  const single = items.length === 1 ? 0 : null;
  const fail = (at: number | null, message: Text): Proof => ({ ok: false, at, message });
  const error = after.diagnostics.find((d) => d.severity === 'error');
  if (error)
    return fail(
      single,
      phrase('refusal.proofError', { name: after.nodes[error.nodeId ?? '']?.name ?? '', message: error.message }),
    );
  for (const [i, { plan }] of items.entries()) {
    const oldShape = before.nodes[plan.outputBefore]!.outputShape;
    const newShape = after.nodes[plan.outputAfter]!.outputShape;
    if (!sameShape(oldShape, newShape))
      return fail(
        i,
        phrase('refusal.proofOutputShape', { before: formatShape(oldShape), after: formatShape(newShape) }),
      );
  }
  const interior = new Set(items.flatMap((item) => item.plan.interior ?? []));
  const keepsField = items.every((item) => item.rule.keepsReceptiveField);
  for (const id of after.order) {
    const old = before.nodes[id];
    if (!old || interior.has(id)) continue;
    const now = after.nodes[id]!;
    if (!sameShape(old.outputShape, now.outputShape))
      return fail(
        single,
        phrase('refusal.proofShape', {
          name: now.name,
          before: formatShape(old.outputShape),
          after: formatShape(now.outputShape),
        }),
      );
    if (keepsField && !sameField(old.receptiveField, now.receptiveField))
      return fail(
        single,
        phrase('refusal.proofField', {
          name: now.name,
          now: fieldValue(now.receptiveField),
          before: fieldValue(old.receptiveField),
        }),
      );
  }
  const positions = { before: placeIn(before.order), after: placeIn(after.order) };
  const reports: RewriteReport[] = [];
  let params = 0;
  let macs = 0;
  for (const [i, item] of items.entries()) {
    const report = proveOne(before, after, item, positions);
    if ('key' in report) return fail(i, report);
    reports.push(report);
    params += report.params.saved;
    macs += report.macs.saved;
  }
  // Nothing outside the rewritten parts may change cost: the local savings are the network's.
  if (before.totals.params - after.totals.params !== params || before.totals.macs - after.totals.macs !== macs)
    return fail(single, phrase('refusal.proofCosts'));
  return { ok: true, reports };
}

const placeIn = (order: readonly string[]) => new Map(order.map((id, i) => [id, i]));

type Places = { before: Map<string, number>; after: Map<string, number> };

/** A receptive field as a phrase value; '?' where the analysis has none, as formatReceptiveField writes it. */
const fieldValue = (rf: ReceptiveField | null | undefined): PhraseValue => (rf ? { field: rf } : '?');

function proveOne(before: Analysis, after: Analysis, item: ProofItem, at: Places): RewriteReport | Phrase {
  const { rule, plan } = item;
  const oldOut = before.nodes[plan.outputBefore]!;
  const newOut = after.nodes[plan.outputAfter]!;
  const rfBefore = oldOut.receptiveField!;
  const rfAfter = newOut.receptiveField!;
  const rfEqual = sameField(rfBefore, rfAfter);
  if (rule.keepsReceptiveField && !rfEqual)
    return phrase('refusal.proofOwnField', { before: { field: rfBefore }, after: { field: rfAfter } });

  const changes = plan.edit.changes;
  const byPlace = (places: Map<string, number>) => (a: string, b: string) => places.get(a)! - places.get(b)!;
  const removed = [...changes.removedNodes].filter((id) => !after.nodes[id]).sort(byPlace(at.before));
  const added = changes.added
    .map((a) => a.node.id)
    .filter((id) => !before.nodes[id])
    .sort(byPlace(at.after));
  const inside = plan.interior ?? [];
  const region = (a: Analysis, ids: readonly string[], pick: (n: Analysis['nodes'][string]) => number) => {
    let sum = 0;
    for (const id of ids) sum += pick(a.nodes[id]!);
    return sum;
  };
  const params = costChange(
    region(before, [...removed, ...inside], (n) => n.paramCount.total),
    region(after, [...added, ...inside], (n) => n.paramCount.total),
  );
  const macs = costChange(
    region(before, [...removed, ...inside], (n) => n.macs),
    region(after, [...added, ...inside], (n) => n.macs),
  );

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
  const report: RewriteReport = {
    rule: rule.id,
    nodeId: item.nodeId,
    nodeName: item.nodeName,
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
export interface ReportTexts {
  description: Text;
  replacement: Text;
  rfStatement: Text;
  shapeStatement: Text;
  note?: Text;
}

/** The report's fields are its English texts (what --json prints); other languages are made from these. */
export const textsOf = new WeakMap<RewriteReport, ReportTexts>();

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
