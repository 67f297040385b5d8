// Bedside actions: what the learner can do to the patient. Every button sends an action through the
// store, so it is applied by the engine at the current simulated time and appears in the event log.
// Buttons that make no sense now (stopping CPR that is not running) are disabled. What happens to the
// patient (a cardiac arrest, breathing that stops) is the instructor's (the instructor panel).

import { useId, useState, type ReactNode } from 'react';
import type { Action } from '../../models/index.ts';
import { FIO2_MAX, FIO2_MIN, canVentilate, clampFio2, selectBedside } from '../state/patient.ts';
import { useAppStore, useAppView } from './store-context.tsx';

export function BedsidePanel() {
  const fio2Id = useId();
  const noteId = useId();
  const [fio2, setFio2] = useState(FIO2_MAX);
  const apply = useAppStore((s) => s.apply);
  // Which buttons make sense now: the panel re-renders when that changes, not on every tick.
  const view = useAppView(selectBedside);
  const act = (action: Action) => () => apply(action);

  return (
    <section className="panel bedside" aria-labelledby="bedside-heading">
      <h2 id="bedside-heading">Bedside</h2>
      <div className="action-grid action-grid-1">
        <ActionButton
          tone="shock"
          hint="result depends on rhythm"
          onClick={act({ do: 'defibrillate' })}
          disabled={!view.canDefibrillate}
          describedBy={noteId}
        >
          <span aria-hidden="true">⚡</span> Defibrillate
        </ActionButton>
      </div>
      <div className="action-grid action-grid-3">
        <ActionButton
          hint="manual"
          onClick={act({ do: 'startCpr', mode: 'manual' })}
          disabled={!view.canStartCpr.manual}
        >
          Start CPR
        </ActionButton>
        <ActionButton
          hint="mechanical"
          onClick={act({ do: 'startCpr', mode: 'mechanical' })}
          disabled={!view.canStartCpr.mechanical}
        >
          Start CPR
        </ActionButton>
        <ActionButton onClick={act({ do: 'stopCpr' })} disabled={!view.canStopCpr}>
          Stop CPR
        </ActionButton>
      </div>
      <div className="fio2-row">
        <label htmlFor={fio2Id}>FiO₂</label>
        <input
          id={fio2Id}
          type="range"
          min={FIO2_MIN}
          max={FIO2_MAX}
          step={0.01}
          value={fio2}
          onChange={(e) => setFio2(clampFio2(Number(e.target.value)))}
          aria-valuetext={`FiO₂ ${fio2.toFixed(2)}, ${Math.round(fio2 * 100)} % oxygen`}
          data-testid="fio2"
        />
        <output htmlFor={fio2Id} className="fio2-value">
          {fio2.toFixed(2)}
        </output>
      </div>
      <div className="action-grid">
        <ActionButton onClick={act({ do: 'ventilate', fio2 })} disabled={!canVentilate(view, fio2)}>
          Ventilate
        </ActionButton>
        <ActionButton onClick={act({ do: 'stopVentilation' })} disabled={!view.canStopVentilation}>
          Stop ventilation
        </ActionButton>
      </div>
      <p id={noteId} className="visually-hidden">
        A shock can be given any time: whether it restores a beat depends on the rhythm and the
        heart’s temperature. Watch the monitor.
      </p>
    </section>
  );
}

interface ActionButtonProps {
  children: ReactNode;
  onClick: () => void;
  disabled: boolean;
  /** A second, smaller line of visible text. */
  hint?: string;
  tone?: 'danger' | 'shock';
  describedBy?: string;
}

function ActionButton({ children, onClick, disabled, hint, tone, describedBy }: ActionButtonProps) {
  return (
    <button
      type="button"
      className={`button action-button${tone ? ` action-${tone}` : ''}${hint ? ' has-hint' : ''}`}
      onClick={onClick}
      disabled={disabled}
      aria-describedby={describedBy}
    >
      {/* The name is the visible text, both lines (e.g. "Start CPR mechanical"). */}
      <span className="action-text">{children}</span>
      {hint && (
        <>
          {' '}
          <span className="action-hint">{hint}</span>
        </>
      )}
    </button>
  );
}
