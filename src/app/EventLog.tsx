// What has happened so far: scenario events, messages and learner actions, with simulated times.
// The instructor's faults and events show only with the instructor panel open (learners find a fault
// from the console: its readings and alarms); the instructor's messages always show. A fault from the
// scenario's timeline is hidden from learners too. On the run screen each entry has a "Rewind to this
// moment" button ("What if?": the run goes back to just before that entry, paused). New entries are
// announced to screen readers by a live region of their own, so the buttons are not read with them.

import { useEffect, useMemo, useRef, useState } from 'react';
import { selectCanRewind } from '../state/store.ts';
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

/** More new entries than this at once are a replay (a reload, a rewind), not news: not announced. */
const MAX_ANNOUNCED = 5;

export function EventLog({ canRewind = false }: { canRewind?: boolean }) {
  const allEvents = useAppStore((s) => s.events);
  const rewindAllowed = useAppStore((s) => s.rewindAllowed);
  const unit = useAppStore((s) => s.unit);
  const instructorMode = useAppStore((s) => s.instructorMode);
  const rewindTo = useAppStore((s) => s.rewindTo);
  const rewindable = useAppStore(selectCanRewind);
  const events = useMemo(
    () => (instructorMode ? allEvents : allEvents.filter((e) => !hiddenFromLearners(e))),
    [allEvents, instructorMode],
  );
  const listRef = useRef<HTMLOListElement>(null);
  const announced = useRef(events.at(-1)?.id ?? 0);
  const [announcement, setAnnouncement] = useState('');

  // The entries added since the last announcement, read out (a replay's many at once are not).
  useEffect(() => {
    const fresh = events.filter((e) => e.id > announced.current);
    if (fresh.length === 0) return;
    announced.current = fresh.at(-1)!.id;
    if (fresh.length > MAX_ANNOUNCED) return;
    setAnnouncement(
      fresh
        .map(
          (e) =>
            `${formatClock(e.atS)} ${SOURCE_LABEL[e.source]}: ${describeAction(e.action, unit)}`,
        )
        .join('. '),
    );
  }, [events, unit]);

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
    <section
      className={`panel event-log${canRewind && rewindAllowed ? ' can-rewind' : ''}`}
      aria-labelledby="log-heading"
      id="run-log"
      tabIndex={-1}
    >
      <h2 id="log-heading">Event log</h2>
      <p className="visually-hidden" aria-live="polite" data-testid="log-announcer">
        {announcement}
      </p>
      {events.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ol ref={listRef} className="log-list" aria-labelledby="log-heading" tabIndex={0}>
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
              {canRewind && rewindAllowed && (
                <button
                  type="button"
                  className="button button-small button-ghost log-rewind"
                  disabled={!rewindable}
                  onClick={() => void rewindTo(e.atS)}
                  aria-label={`Rewind to this moment, ${formatClock(e.atS)}`}
                  title="Rewind to this moment: go back to just before this and take another path"
                  data-testid="log-rewind"
                >
                  <span aria-hidden="true">↶</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
