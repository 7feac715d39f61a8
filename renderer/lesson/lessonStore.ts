import { create } from 'zustand';
import type { Lesson } from '../../shared/lessons';

interface LessonState {
  lesson: Lesson | null;
  /** The step shown, from 0. */
  index: number;
  presenting: boolean;
  /** White on black with yellow highlights: for projectors in bright rooms. */
  highContrast: boolean;
  present(lesson: Lesson, index?: number): void;
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
  index: 0,
  presenting: false,
  highContrast: false,
  present: (lesson, index = 0) => set({ lesson, index, presenting: true }),
  go: (index) => {
    const count = get().lesson?.steps.length ?? 0;
    set({ index: Math.max(0, Math.min(count - 1, index)) });
  },
  next: () => get().go(get().index + 1),
  previous: () => get().go(get().index - 1),
  toggleContrast: () => set({ highContrast: !get().highContrast }),
  exit: () => set({ presenting: false }),
}));
