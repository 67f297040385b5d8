// Run controls: play/pause, reset and speed. (The temperature unit is in the header.)

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../worker/protocol.ts';
import { useAppStore } from './store-context.tsx';

export function Controls() {
  const speedId = useId();
  const { status, speed, togglePlay, setSpeed, reset } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      speed: s.speed,
      togglePlay: s.togglePlay,
      setSpeed: s.setSpeed,
      reset: s.reset,
    })),
  );
  const running = status === 'running';
  const canPlay = status === 'ready' || status === 'paused' || running;
  const canReset = status === 'running' || status === 'paused' || status === 'finished';

  return (
    <section className="panel controls" aria-label="Controls">
      <div className="control-row">
        <button
          type="button"
          className={`button button-primary play-button${running ? ' is-running' : ''}`}
          onClick={togglePlay}
          disabled={!canPlay}
          data-testid="play-pause"
        >
          <span aria-hidden="true" className="button-icon">
            {running ? '❚❚' : '▶'}
          </span>
          {running ? 'Pause' : 'Play'}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={reset}
          disabled={!canReset}
        >
          <span aria-hidden="true" className="button-icon">
            ↺
          </span>
          Reset
        </button>
      </div>
      <div className="control-row">
        <div className="field field-inline">
          <label htmlFor={speedId}>Speed</label>
          <select
            id={speedId}
            value={String(speed)}
            onChange={(e) => setSpeed(Number(e.target.value))}
            data-testid="speed"
          >
            {!SPEEDS.some((s) => s === speed) && <option value={String(speed)}>{speed}×</option>}
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s}×{' '}
                {s === 1 ? '(real time)' : s === 60 ? '(1 min/s)' : s === 600 ? '(10 min/s)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {status === 'finished' && (
        <p className="muted">The scenario has ended. Reset to run it again.</p>
      )}
    </section>
  );
}

/** °C / °F: how temperatures are shown everywhere (the engine always works in °C). */
export function UnitSwitch() {
  const { unit, setUnit } = useAppStore(useShallow((s) => ({ unit: s.unit, setUnit: s.setUnit })));
  return (
    <div className="segmented" role="group" aria-label="Temperature unit">
      {(['C', 'F'] as const).map((u) => (
        <button
          key={u}
          type="button"
          className="segment"
          aria-pressed={unit === u}
          onClick={() => setUnit(u)}
        >
          °{u}
        </button>
      ))}
    </div>
  );
}
