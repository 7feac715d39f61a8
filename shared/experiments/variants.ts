import type { Graph } from '../graph/types';
import type { Catalogue, KeyOf } from '../i18n/catalogue';
import { type DiagnosticText, english, said, type TextValue } from '../i18n/diagnosticText';
import { applyEverything } from '../transforms';

/**
 * What an experiment trains: the network as drawn ('original'), its factorized variant
 * (every factorization that keeps the receptive field, as "Apply everything" does), each
 * with or without label smoothing. All variants share the data, seed and schedule.
 */
export interface VariantSpec {
  /** As written: "original", "factorized", "smoothing=0.1", "factorized+smoothing=0.1". */
  name: string;
  factorized: boolean;
  /** Overrides the experiment's label smoothing. */
  labelSmoothing?: number;
}

/** `text`: the error in any language (the English `error` is its rendering). */
export type VariantsResult = { ok: true; variants: VariantSpec[] } | { ok: false; error: string; text: DiagnosticText };

type ExperimentTextKey = KeyOf<Catalogue['diagnostics']['experiment']>;

/** A failed result saying a text of the `diagnostics.experiment` catalogue (shared/i18n/experimentEn.ts). */
function refused(key: ExperimentTextKey, values: Record<string, TextValue> = {}) {
  const text = said(`experiment.${key}`, values);
  return { ok: false as const, error: english(text), text };
}

const usage = said('experiment.usage');

export function parseVariants(text: string): VariantsResult {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) return refused('noVariants', { usage });
  if (names.length > 12) return refused('tooMany', { given: names.length });
  const variants: VariantSpec[] = [];
  for (const name of names) {
    const spec: VariantSpec = { name, factorized: false };
    for (const part of name.split('+').map((p) => p.trim())) {
      const smoothing = /^smoothing=(.+)$/.exec(part);
      if (part === 'original') continue;
      if (part === 'factorized') spec.factorized = true;
      else if (smoothing) {
        const eps = Number(smoothing[1]);
        if (!Number.isFinite(eps) || eps < 0 || eps >= 1)
          return refused('badSmoothing', { name, value: smoothing[1]! });
        spec.labelSmoothing = eps;
      } else return refused('unknown', { name, usage });
    }
    if (variants.some((v) => v.name === name)) return refused('twice', { name });
    variants.push(spec);
  }
  return { ok: true, variants };
}

export type VariantGraph =
  | { ok: true; graph: Graph; rewrites: number }
  | { ok: false; error: string; text: DiagnosticText };

/** The network a variant trains; a factorized variant that changes nothing says so. */
export function variantGraph(graph: Graph, spec: VariantSpec): VariantGraph {
  if (!spec.factorized) return { ok: true, graph, rewrites: 0 };
  const result = applyEverything(graph);
  if (!result.ok) return refused('notFactorized', { name: spec.name, reason: result.diagnostic.message });
  if (result.applied.length === 0) return refused('nothingToFactorize', { name: spec.name });
  return { ok: true, graph: result.graph, rewrites: result.applied.length };
}

/** One row of an experiment's result table. */
export interface VariantResult {
  name: string;
  runId: string | null;
  status: string;
  params: number;
  macs: number;
  /** Milliseconds per training step (batch) on this machine, from the last epoch's throughput. */
  msPerStep: number | null;
  valAccuracy: number | null;
  ece: number | null;
  message: string | null;
  /** The message in any language (absent where only English is known). */
  text?: DiagnosticText;
}
