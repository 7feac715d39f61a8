import { create } from 'zustand';

/** Whether the ImageNet timeline dialog is open (the View menu, the toolbar). */
export const useTimelineStore = create<{ open: boolean; setOpen(open: boolean): void }>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
