import { create } from 'zustand';
import type { Graph } from '../../shared/graph/types';
import type { RewriteReport } from '../../shared/transforms';

interface SavingsState {
  /** The network before the first factorization of this session, for "compare with original". */
  original: { name: string; graph: Graph } | null;
  /** Badge per node a rewrite added: what that rewrite saved. */
  badges: Record<string, { rule: string; macsPct: number; paramsPct: number }>;
  compareOpen: boolean;
  recordRewrites(before: Graph, name: string, reports: RewriteReport[]): void;
  setCompareOpen(open: boolean): void;
  reset(): void;
}

export const useSavingsStore = create<SavingsState>((set, get) => ({
  original: null,
  badges: {},
  compareOpen: false,
  recordRewrites(before, name, reports) {
    const badges = { ...get().badges };
    for (const r of reports) {
      for (const added of r.added)
        badges[added] = { rule: r.rule, macsPct: r.macs.savedPct, paramsPct: r.params.savedPct };
    }
    set({ badges, original: get().original ?? { name, graph: before } });
  },
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  reset: () => set({ original: null, badges: {}, compareOpen: false }),
}));
