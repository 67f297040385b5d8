// What has happened so far: scenario events, messages and learner actions, with simulated times.
// The instructor's faults and events show only with the instructor panel open (learners find a fault
// by its alarms); the instructor's messages always show.

import { useEffect, useMemo, useRef } from 'react';
import { formatClock } from '../state/units.ts';
import { describeAction } from './describe.ts';
import { useAppStore } from './store-context.tsx';

const SOURCE_LABEL = { scenario: 'Scenario', learner: 'You', instructor: 'Instructor' } as const;

export function EventLog() {
  const allEvents = useAppStore((s) => s.events);
  const unit = useAppStore((s) => s.unit);
  const instructorMode = useAppStore((s) => s.instructorMode);
  const events = useMemo(
    () =>
      instructorMode
        ? allEvents
        : allEvents.filter((e) => e.source !== 'instructor' || e.action.do === 'message'),
    [allEvents, instructorMode],
  );
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [events]);

  return (
    <section className="panel event-log" aria-labelledby="log-heading" id="run-log" tabIndex={-1}>
      <h2 id="log-heading">Event log</h2>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ol
          ref={listRef}
          className="log-list"
          aria-live="polite"
          aria-labelledby="log-heading"
          tabIndex={0}
        >
          {events.map((e) => (
            <li
              key={e.id}
              className={`log-entry log-${e.action.do}${e.source === 'instructor' ? ' log-from-instructor' : ''}`}
            >
              <time className="log-time">{formatClock(e.atS)}</time>
              <span className="log-text">
                <span className="visually-hidden">{SOURCE_LABEL[e.source]}: </span>
                {describeAction(e.action, unit)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
