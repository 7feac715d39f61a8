import { create } from 'zustand';
import type { Graph } from '../../shared/graph/types';

/** A second network picked to compare the open one against (a template or a file), not a rewrite of it. */
interface CompareState {
  other: { name: string; graph: Graph } | null;
  setOther(other: { name: string; graph: Graph } | null): void;
}

export const useCompareStore = create<CompareState>((set) => ({
  other: null,
  setOther: (other) => set({ other }),
}));
