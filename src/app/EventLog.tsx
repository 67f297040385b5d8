// What has happened so far: scenario events, messages and learner actions, with simulated times.
// The instructor's faults and events show only with the instructor panel open (learners find a fault
// from the console: its readings and alarms); the instructor's messages always show. A fault from the
// scenario's timeline is hidden from learners too.

import { useEffect, useMemo, useRef } from 'react';
import { formatClock } from '../state/units.ts';
import { describeAction } from './describe.ts';
import { useAppStore } from './store-context.tsx';

const SOURCE_LABEL = { scenario: 'Scenario', learner: 'You', instructor: 'Instructor' } as const;

/**
 * What learners do not see: the instructor's faults and events (their messages show), and any fault
 * or its clearing, even from the scenario's timeline (a fault is found from the console).
 */
function hiddenFromLearners(e: { source: string; action: { do: string } }): boolean {
  if (e.action.do === 'fault' || e.action.do === 'clearFault') return true;
  return e.source === 'instructor' && e.action.do !== 'message';
}

export function EventLog() {
  const allEvents = useAppStore((s) => s.events);
  const unit = useAppStore((s) => s.unit);
  const instructorMode = useAppStore((s) => s.instructorMode);
  const events = useMemo(
    () => (instructorMode ? allEvents : allEvents.filter((e) => !hiddenFromLearners(e))),
    [allEvents, instructorMode],
  );
  const listRef = useRef<HTMLOListElement>(null);

  // Newest at the bottom; but a message just in (a prompt, then its pause) is shown from its start,
  // not half scrolled out above.
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const bottom = list.scrollHeight - list.clientHeight;
    const entries = Array.from(list.children).slice(-2).reverse();
    const message = entries.find((el) => el.classList.contains('log-message'));
    if (!message) {
      list.scrollTop = bottom;
      return;
    }
    const top = message.getBoundingClientRect().top - list.getBoundingClientRect().top;
    list.scrollTop = Math.min(bottom, list.scrollTop + top - 4);
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
