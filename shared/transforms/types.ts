import type { ReceptiveField } from '../analysis';
import type { Graph, Shape } from '../graph/types';
import type { rules } from './rules';

/** A rewrite's name, as the CLI and the UI use it: a key of the registry in rules.ts. */
export type RuleId = keyof typeof rules;

/** A cost before and after a rewrite; saved = before − after, savedPct its share of before (0–100, two decimals). */
export interface CostChange {
  before: number;
  after: number;
  saved: number;
  savedPct: number;
}

export interface RewriteReport {
  rule: RuleId;
  /** The node the rewrite was asked for. */
  nodeId: string;
  nodeName: string;
  /** One line for people: "conv2d_5 (5×5, 64 → 64) → two 3×3 convolutions". */
  description: string;
  /** What replaces it, the description's part after the arrow: "two stacked 3×3 convolutions". */
  replacement: string;
  /** Parameters and multiply-adds of the nodes the rewrite removed, added or changed; equals the network's change. */
  params: CostChange;
  macs: CostChange;
  /** At the rewritten part's output, measured by re-analysing the new graph. */
  receptiveField: {
    before: ReceptiveField;
    after: ReceptiveField;
    equal: boolean;
    statement: string;
  };
  outputShape: { before: Shape; after: Shape; equal: true; statement: string };
  /** Extra nonlinearities on the longest path through the rewritten part. */
  depthAdded: number;
  /** Names of the nodes the rewrite removed and added. */
  removed: string[];
  added: string[];
  /** Advice from the paper that does not block the rewrite (e.g. where it works best). */
  note?: string;
}

export type TransformDiagnosticCode =
  | 'unknown-node'
  | 'not-applicable'
  | 'invalid-option'
  | 'network-errors'
  | 'proof-failed';

/** Why a rewrite was not made; the message says which precondition failed and what to do. */
export interface TransformDiagnostic {
  nodeId: string | null;
  severity: 'error';
  code: TransformDiagnosticCode;
  /** The rule asked for; null for requests over several rules (apply everything). */
  rule: RuleId | null;
  message: string;
}

export type RewriteResult =
  | { ok: true; graph: Graph; report: RewriteReport }
  | { ok: false; diagnostic: TransformDiagnostic };
