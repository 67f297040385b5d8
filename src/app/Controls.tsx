// Run controls: play/pause, step, skip to the scenario's next event, reset, speed and auto-pause on
// an alarm, with a line saying why the run last stopped by itself. (The temperature unit is in the
// header.)

import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TimedAction } from '../../models/index.ts';
import { formatDuration } from '../state/library.ts';
import type { TemperatureUnit } from '../state/units.ts';
import { formatClock, temperaturesInText } from '../state/units.ts';
import { SPEEDS, type StopReason } from '../worker/protocol.ts';
import { describeAction } from './describe.ts';
import { useAppStore } from './store-context.tsx';

/** A step is one wall-clock second at the chosen speed: 1 s at 1×, 10 min at 600×. */
export function stepSeconds(speed: number): number {
  return Math.max(1, Math.round(speed));
}

/** "1 s", "10 s", then as the library writes lengths: "1 min", "10 min", "1 h 30 min". */
export function durationWords(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : formatDuration(seconds);
}

/** Why the run stopped by itself, in words: "Paused at 0:47:12: alarm: ventricular fibrillation". */
export function stopReasonText(reason: StopReason, unit: TemperatureUnit): string {
  const at = formatClock(reason.atS);
  switch (reason.kind) {
    case 'prompt':
      return reason.text
        ? `Paused at ${at}: ${temperaturesInText(reason.text, unit)} Press Play to go on.`
        : `Paused at ${at} by the scenario: read the event log, then press Play.`;
    case 'alarm':
      return `Paused at ${at} on an alarm: ${reason.messages.join('; ') || 'see the monitor'}.`;
    case 'event':
      return `Skipped to ${at}: ${describeAction(reason.action, unit)}.`;
    case 'step':
      return `Paused at ${at}.`;
    default: {
      const unknown: never = reason;
      return String(unknown);
    }
  }
}

/** The scenario's prompt at time zero (its message and pause), as a stop reason; null if none. */
export function startPrompt(events: readonly TimedAction[]): StopReason | null {
  const atZero = events.filter((e) => e.source === 'scenario' && e.atS === 0);
  if (!atZero.some((e) => e.action.do === 'pause')) return null;
  const message = atZero.filter((e) => e.action.do === 'message').at(-1);
  return message?.action.do === 'message'
    ? { kind: 'prompt', atS: 0, text: message.action.text }
    : { kind: 'prompt', atS: 0 };
}

export function Controls() {
  const speedId = useId();
  const autoPauseId = useId();
  const {
    status,
    speed,
    togglePlay,
    setSpeed,
    speedLock,
    reset,
    step,
    skipToNextEvent,
    autoPauseOnAlarm,
    setAutoPauseOnAlarm,
    stopReason: lastStop,
    unit,
    events,
  } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      speed: s.speed,
      togglePlay: s.togglePlay,
      setSpeed: s.setSpeed,
      speedLock: s.speedLock,
      reset: s.reset,
      step: s.step,
      skipToNextEvent: s.skipToNextEvent,
      autoPauseOnAlarm: s.autoPauseOnAlarm,
      setAutoPauseOnAlarm: s.setAutoPauseOnAlarm,
      stopReason: s.stopReason,
      unit: s.unit,
      events: s.events,
    })),
  );
  // A prompt at time zero stops the run before it starts: shown beside Play as any prompt is.
  const stopReason = lastStop ?? (status === 'ready' ? startPrompt(events) : null);
  const running = status === 'running';
  const canPlay = status === 'ready' || status === 'paused' || running;
  const canReset = status === 'running' || status === 'paused' || status === 'finished';
  const stepS = stepSeconds(speed);

  return (
    <section className="panel controls" aria-label="Controls" id="run-controls" tabIndex={-1}>
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
          className="button button-secondary button-compact"
          onClick={() => step(stepS)}
          disabled={!canPlay}
          data-testid="step"
          title={`Run ${durationWords(stepS)} at once, then pause (one second at ${speed}×)`}
        >
          <span aria-hidden="true" className="button-icon">
            ▶❙
          </span>
          Step {durationWords(stepS)}
        </button>
        <button
          type="button"
          className="button button-secondary button-compact"
          onClick={skipToNextEvent}
          disabled={!canPlay}
          data-testid="skip"
          title="Run at once to the scenario's next event (or an alarm, with pause on alarms), then pause"
        >
          <span aria-hidden="true" className="button-icon">
            ▶▶
          </span>
          Next event
        </button>
        <button
          type="button"
          className="button button-secondary button-compact"
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
            disabled={speedLock !== null}
            aria-describedby={speedLock !== null ? `${speedId}-lock` : undefined}
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
          {speedLock !== null && (
            <span id={`${speedId}-lock`} className="speed-lock" data-testid="speed-lock">
              {speedLock}
            </span>
          )}
        </div>
        <div className="check-field">
          <input
            id={autoPauseId}
            type="checkbox"
            checked={autoPauseOnAlarm}
            onChange={(e) => setAutoPauseOnAlarm(e.target.checked)}
            data-testid="auto-pause"
          />
          <label htmlFor={autoPauseId}>Pause on alarms</label>
        </div>
      </div>
      {/* Always present, so screen readers hear why the run stopped (a prompt's question). */}
      <div role="status" aria-live="polite" className="stop-reason-region">
        {status === 'finished' ? (
          <p className="muted">The scenario has ended. Reset to run it again.</p>
        ) : (
          stopReason &&
          status !== 'running' && (
            <p className="stop-reason" data-testid="stop-reason">
              {stopReasonText(stopReason, unit)}
            </p>
          )
        )}
      </div>
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
