import type { ReactNode } from 'react';
import { useModal } from './useModal';

/**
 * The overlay every modal sheet sits in. Render it only while the dialog is open: mounting
 * takes focus, unmounting gives it back (see useModal).
 */
export function ModalDialog({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  const dialog = useModal<HTMLDivElement>(onClose);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={label} ref={dialog} tabIndex={-1}>
      {children}
    </div>
  );
}
