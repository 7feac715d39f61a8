import { create } from 'zustand';
import type { Edge, LayerNode } from '../../shared/graph/types';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
}

interface UiState {
  toasts: Toast[];
  shortcutsOpen: boolean;
  startOpen: boolean;
  layoutDirection: 'RIGHT' | 'DOWN';
  clipboard: { nodes: LayerNode[]; edges: Edge[] } | null;
  /** Nodes glide to their new places for a moment (after a rewrite made room), instead of jumping. */
  animatingLayout: boolean;
  animateLayout(): void;
  notify(message: string, kind?: Toast['kind']): void;
  dismiss(id: number): void;
  set(partial: Partial<Pick<UiState, 'shortcutsOpen' | 'startOpen' | 'layoutDirection' | 'clipboard'>>): void;
}

let nextToast = 1;

/** Window-level UI state that is not part of the document (and so not undoable). */
export const useUiStore = create<UiState>((set, get) => ({
  toasts: [],
  shortcutsOpen: false,
  startOpen: true,
  layoutDirection: 'RIGHT',
  clipboard: null,
  animatingLayout: false,
  animateLayout() {
    set({ animatingLayout: true });
    setTimeout(() => set({ animatingLayout: false }), 450);
  },
  notify(message, kind = 'info') {
    const id = nextToast++;
    set({ toasts: [...get().toasts.slice(-3), { id, kind, message }] });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 4000);
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
  set: (partial) => set(partial),
}));
