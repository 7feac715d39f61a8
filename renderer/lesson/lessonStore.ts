import { create } from 'zustand';
import type { Lesson } from '../../shared/lessons';

interface LessonState {
  lesson: Lesson | null;
  /** Earlier and undone versions of the lesson, for Undo and Redo in the Lesson tab. */
  past: Lesson[];
  future: Lesson[];
  /** Replaces the lesson with an edited one, as one undoable step. */
  edit(next: Lesson): void;
  undo(): void;
  redo(): void;
  /** The step shown, from 0. */
  index: number;
  presenting: boolean;
  /** White on black with yellow highlights: for projectors in bright rooms. */
  highContrast: boolean;
  present(lesson: Lesson, index?: number): void;
  /** Makes `lesson` the one the Lesson tab edits, without presenting it. */
  open(lesson: Lesson): void;
  go(index: number): void;
  next(): void;
  previous(): void;
  toggleContrast(): void;
  /** Back to editing: the editor's document was never touched. */
  exit(): void;
}

/** The lesson being presented. Presenting never touches the editor's document. */
export const useLessonStore = create<LessonState>((set, get) => ({
  lesson: null,
  past: [],
  future: [],
  edit: (next) => {
    const { lesson, past } = get();
    set({ lesson: next, past: lesson ? [...past, lesson].slice(-100) : past, future: [] });
  },
  undo: () => {
    const { lesson, past, future } = get();
    const previous = past.at(-1);
    if (!previous) return;
    set({ lesson: previous, past: past.slice(0, -1), future: lesson ? [lesson, ...future] : future });
  },
  redo: () => {
    const { lesson, past, future } = get();
    const [next, ...rest] = future;
    if (!next) return;
    set({ lesson: next, past: lesson ? [...past, lesson] : past, future: rest });
  },
  index: 0,
  presenting: false,
  highContrast: false,
  // Another lesson starts its own history; presenting the one being edited keeps it.
  present: (lesson, index = 0) =>
    set({ lesson, index, presenting: true, ...(lesson === get().lesson ? {} : { past: [], future: [] }) }),
  open: (lesson) => set({ lesson, index: 0, past: [], future: [] }),
  go: (index) => {
    const count = get().lesson?.steps.length ?? 0;
    set({ index: Math.max(0, Math.min(count - 1, index)) });
  },
  next: () => get().go(get().index + 1),
  previous: () => get().go(get().index - 1),
  toggleContrast: () => set({ highContrast: !get().highContrast }),
  exit: () => set({ presenting: false }),
}));
