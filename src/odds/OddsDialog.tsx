// "What are the odds?" as a dialog over the run (the default export, loaded on first use). Escape or
// the close button closes it; focus moves into it when it opens and back when it closes.

import './odds.css';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { ComponentProps } from 'react';
import { OddsPanel } from './OddsPanel.tsx';

type Props = ComponentProps<typeof OddsPanel> & { readonly onClose: () => void };

export default function OddsDialog({ onClose, ...panel }: Props) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);
  return createPortal(
    <div className="odds-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="odds-dialog" role="dialog" aria-modal="true" aria-labelledby="odds-heading">
        <button
          ref={closeButton}
          type="button"
          className="button odds-close"
          onClick={onClose}
          data-testid="odds-close"
        >
          Close
        </button>
        <OddsPanel {...panel} />
      </div>
    </div>,
    document.body,
  );
}
