// The instructor panel (behind the header's "Instructor" switch): pause the run, inject a fault into
// the heart-lung machine or an event into the patient, clear a fault, inject any action written as in
// a scenario file, and send a message to the learners. Everything done here is logged with the source "instructor": the run log and debrief keep
// it; the learners' event log shows only the instructor's messages (they find faults by their alarms).

import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  ScenarioError,
  parseAction,
  type ArrestRhythm,
  type FaultKind,
} from '../../models/index.ts';
import { ArrestSelect, FAULTS, FaultSelect } from './FaultSelect.tsx';
import { useAppStore } from './store-context.tsx';

/**
 * No faults, as one array: a selector must return the same value for the same state, and a new `[]`
 * on every call (no snapshot, after a Reset) made React re-render until it gave up (error #185).
 */
const NO_FAULTS: readonly FaultKind[] = Object.freeze([]);

export function InstructorPanel() {
  const faultId = useId();
  const rhythmId = useId();
  const messageId = useId();
  const eventId = useId();
  const eventErrorId = useId();
  const { status, togglePlay, apply, faults, circuit, breathing, live } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      togglePlay: s.togglePlay,
      apply: s.apply,
      faults: s.snapshot?.faults ?? NO_FAULTS,
      circuit: s.snapshot?.circuit ?? 'none',
      breathing: (s.snapshot?.breathing ?? 0) > 0,
      live:
        s.snapshot !== null &&
        (s.status === 'ready' || s.status === 'running' || s.status === 'paused'),
    })),
  );
  const [fault, setFault] = useState<FaultKind>('oxygenator-failure');
  const [rhythm, setRhythm] = useState<ArrestRhythm>('vf');
  const [message, setMessage] = useState('');
  const [event, setEvent] = useState('');
  const [eventError, setEventError] = useState<string | null>(null);
  const chosen = FAULTS.find((f) => f.kind === fault)!;
  const running = status === 'running';

  /** Any action of the scenario format, written as in a scenario file. */
  function inject(e: React.FormEvent) {
    e.preventDefault();
    try {
      const action = parseAction(event, 'event');
      apply(action, 'instructor');
      setEvent('');
      setEventError(null);
    } catch (error) {
      setEventError(
        error instanceof ScenarioError
          ? error.issues
              .map((i) => `${i.path ? `${i.path}: ` : ''}expected ${i.expected}, found ${i.found}`)
              .join('; ')
          : String(error),
      );
    }
  }

  function send(e: React.FormEvent) {
    e.preventDefault();
    const text = message.trim();
    if (!text) return;
    apply({ do: 'message', text }, 'instructor');
    setMessage('');
  }

  return (
    <section
      className="panel instructor-panel"
      aria-labelledby="instructor-heading"
      data-testid="instructor-panel"
    >
      <div className="instructor-head">
        <h2 id="instructor-heading">Instructor</h2>
        <button
          type="button"
          className="button button-small"
          onClick={togglePlay}
          disabled={!live}
          data-testid="instructor-pause"
        >
          {running ? 'Pause the run' : 'Resume'}
        </button>
      </div>
      <p className="muted instructor-note">
        Kept in the run log and debrief; the learners&apos; event log shows only your messages.
      </p>

      <div className="instructor-row">
        <label htmlFor={faultId}>Fault</label>
        <FaultSelect id={faultId} value={fault} onChange={setFault} testId="instructor-fault" />
        <button
          type="button"
          className="button button-small button-warn"
          disabled={!live || faults.includes(fault)}
          onClick={() => apply({ do: 'fault', kind: fault }, 'instructor')}
          data-testid="inject-fault"
        >
          Inject
        </button>
      </div>
      <p className="instructor-hint">
        {circuit === 'none' ? 'Shows once cannulated. ' : ''}Learners see {chosen.fix}.
      </p>
      {faults.length > 0 && (
        <ul className="instructor-faults" aria-label="Active faults">
          {faults.map((kind) => (
            <li key={kind}>
              <span>{FAULTS.find((f) => f.kind === kind)?.label ?? kind}</span>
              <button
                type="button"
                className="button button-small"
                disabled={!live}
                onClick={() => apply({ do: 'clearFault', kind }, 'instructor')}
              >
                Clear
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="instructor-row">
        <label htmlFor={rhythmId}>Arrest</label>
        <ArrestSelect id={rhythmId} value={rhythm} onChange={setRhythm} />
        <button
          type="button"
          className="button button-small button-warn"
          disabled={!live}
          onClick={() => apply({ do: 'cardiacArrest', rhythm }, 'instructor')}
          data-testid="inject-arrest"
        >
          Inject
        </button>
      </div>
      <div className="instructor-row">
        <span>Breathing</span>
        <button
          type="button"
          className="button button-small"
          disabled={!live}
          onClick={() =>
            apply({ do: breathing ? 'stopBreathing' : 'resumeBreathing' }, 'instructor')
          }
        >
          {breathing ? 'Stop breathing' : 'Allow breathing'}
        </button>
      </div>

      <form className="instructor-row" onSubmit={inject}>
        <label htmlFor={eventId}>Event</label>
        <input
          id={eventId}
          type="text"
          value={event}
          maxLength={400}
          spellCheck={false}
          placeholder="{ do: setEnvironment, medium: air, temperatureC: 20 }"
          title="Any action of the scenario format (doc/scenario-format.md), as YAML or JSON"
          aria-invalid={eventError !== null}
          aria-describedby={eventError !== null ? eventErrorId : undefined}
          onChange={(e) => {
            setEvent(e.target.value);
            setEventError(null);
          }}
          data-testid="instructor-event"
        />
        <button type="submit" className="button button-small" disabled={!live || !event.trim()}>
          Inject
        </button>
      </form>
      {eventError !== null && (
        <p id={eventErrorId} className="instructor-error" role="alert">
          {eventError}
        </p>
      )}
      <form className="instructor-row" onSubmit={send}>
        <label htmlFor={messageId}>Message</label>
        <input
          id={messageId}
          type="text"
          value={message}
          maxLength={300}
          placeholder="To the learners"
          onChange={(e) => setMessage(e.target.value)}
          data-testid="instructor-message"
        />
        <button type="submit" className="button button-small" disabled={!live || !message.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
