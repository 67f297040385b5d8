// The run screen from the keyboard: its skip links' targets, single-key shortcuts (play or pause,
// step, next event, speed, the tabs, the dialogs) and the `?` dialog that lists them. Shortcuts are
// ignored while typing in a field, with Ctrl, Alt or Meta held, and while a dialog is open.

import { useEffect, useEffectEvent, useRef } from 'react';
import { createPortal } from 'react-dom';
import { SPEEDS } from '../worker/protocol.ts';
import { useAppStoreApi } from './store-context.tsx';

export type RunDialog = 'none' | 'model' | 'odds' | 'keys';

/** Where the skip links go: each element has this id and tabIndex -1. */
export const SKIP_TARGETS: readonly { id: string; label: string }[] = [
  { id: 'run-controls', label: 'Skip to the controls' },
  { id: 'run-monitor', label: 'Skip to the monitor' },
  { id: 'run-interventions', label: 'Skip to the interventions' },
  { id: 'run-log', label: 'Skip to the event log' },
];

/** A tab of the run screen a digit key selects (by its test id). */
const TAB_KEYS: readonly { key: string; testId: string; name: string }[] = [
  { key: '1', testId: 'intervention-tab-bedside', name: 'Bedside actions' },
  { key: '2', testId: 'intervention-tab-hlm', name: 'Heart-lung machine' },
  { key: '3', testId: 'intervention-tab-rewarming', name: 'Warming devices' },
  { key: '4', testId: 'intervention-tab-heat', name: 'Heat balance' },
  { key: '5', testId: 'patient-tab-cells', name: 'Brain cells' },
  { key: '6', testId: 'patient-tab-body', name: 'Body temperatures' },
];

/** The shortcuts as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: readonly string[]; does: string }[] = [
  { keys: ['P'], does: 'Play or pause' },
  { keys: ['S'], does: 'Step (one second at the chosen speed)' },
  { keys: ['N'], does: 'Run to the next event' },
  { keys: ['['], does: 'Slower' },
  { keys: [']'], does: 'Faster' },
  ...TAB_KEYS.map((t) => ({ keys: [t.key], does: `Tab: ${t.name}` })),
  { keys: ['←', '→'], does: 'In a row of tabs: the previous or next tab' },
  { keys: ['O'], does: 'What are the odds? (pauses the run)' },
  { keys: ['M'], does: 'The model explorer (pauses the run)' },
  { keys: ['?'], does: 'This list' },
  { keys: ['Esc'], does: 'Close a dialog' },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return type !== 'checkbox' && type !== 'radio' && type !== 'button' && type !== 'range';
}

/** The run screen's single-key shortcuts, while `enabled` (no dialog open). */
export function useRunShortcuts(
  enabled: boolean,
  open: (dialog: Exclude<RunDialog, 'none'>) => void,
): void {
  const store = useAppStoreApi();
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!enabled || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey)
      return;
    if (typingIn(event.target)) return;
    if (document.querySelector('[aria-modal="true"]')) return;
    const state = store.getState();
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const tab = TAB_KEYS.find((t) => t.key === key);
    let handled = true;
    if (key === 'p') state.togglePlay();
    else if (key === 's') state.step(Math.max(1, Math.round(state.speed)));
    else if (key === 'n') state.skipToNextEvent();
    else if (key === '[' || key === ']') {
      const i = SPEEDS.findIndex((s) => s >= state.speed);
      const at = i < 0 ? SPEEDS.length - 1 : i;
      const next = key === ']' ? (SPEEDS[at] === state.speed ? at + 1 : at) : at - 1;
      const speed = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, next))]!;
      if (speed !== state.speed) state.setSpeed(speed);
    } else if (key === 'o') {
      if (state.scenario) open('odds');
    } else if (key === 'm') open('model');
    else if (key === '?') open('keys');
    else if (tab) {
      const button = document.querySelector<HTMLElement>(`[data-testid="${tab.testId}"]`);
      button?.click();
      button?.focus();
    } else handled = false;
    if (handled) event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** The `?` dialog: every shortcut, and how to reach the parts of the screen. */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'Tab') {
        // One button: focus stays on it.
        event.preventDefault();
        closeButton.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);
  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog keys-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-heading"
        data-testid="keys-dialog"
      >
        <div className="panel-heading">
          <h2 id="keys-heading">Keyboard shortcuts</h2>
          <button ref={closeButton} type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
        <table className="data-table keys-table">
          <caption className="visually-hidden">Keys of the run screen</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.does}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted keys-note">
          Not while typing in a field. Skip links, the next Tab stops after the screen&apos;s
          heading, jump to the controls, the monitor, the interventions and the event log; on a
          focused trend chart, the arrows move in time and + and − zoom.
        </p>
      </div>
    </div>,
    document.body,
  );
}
