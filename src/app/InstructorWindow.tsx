// The instructor's own window (`?instructor=1`): the instructor panel with room to work, the monitor
// and the whole event log, linked to the learners' run in another window of this browser
// (src/state/instructorLink.ts), so the projector shows only the learners' view. In the learners'
// window, the bar above the in-page instructor panel opens it.

import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  linkInstructorToRun,
  linkRunToInstructor,
  openInstructorChannel,
  type LinkStatus,
} from '../state/instructorLink.ts';
import type { AppStore } from '../state/store.ts';
import { Brand, RunClock } from './Chrome.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { EventLog } from './EventLog.tsx';
import { InstructorPanel } from './InstructorPanel.tsx';
import { MonitorPanel } from './MonitorPanel.tsx';
import { useAppStore, useAppStoreApi } from './store-context.tsx';

/** The query parameter that opens the instructor window. */
export const INSTRUCTOR_PARAM = 'instructor';

export function isInstructorWindow(search: string): boolean {
  return new URLSearchParams(search).has(INSTRUCTOR_PARAM);
}

/** The instructor window's address: this page with `?instructor=1` only. */
export function instructorWindowUrl(href: string): string {
  const url = new URL(href);
  url.search = `?${INSTRUCTOR_PARAM}=1`;
  url.hash = '';
  return url.toString();
}

/** In the learners' window: answers an instructor window for as long as the app runs. */
export function useInstructorLink(store: AppStore): void {
  useEffect(() => {
    const channel = openInstructorChannel();
    if (!channel) return;
    const unlink = linkRunToInstructor(store, channel);
    const onHide = () => unlink();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      unlink();
      channel.close();
    };
  }, [store]);
}

/** Above the in-page instructor panel: move it to a window of its own, off the projector. */
export function InstructorWindowBar() {
  const { setInstructorMode, showNotice } = useAppStore(
    useShallow((s) => ({ setInstructorMode: s.setInstructorMode, showNotice: s.showNotice })),
  );
  if (typeof BroadcastChannel !== 'function') return null;
  return (
    <div className="instructor-window-bar">
      <button
        type="button"
        className="button button-small"
        data-testid="open-instructor-window"
        title="Open the instructor panel in a window of its own (drag it to your screen): the class sees only the run"
        onClick={() => {
          const opened = window.open(
            instructorWindowUrl(window.location.href),
            'coldboot-instructor',
            'popup,width=760,height=900',
          );
          if (opened) {
            setInstructorMode(false);
            showNotice(
              'info',
              'The instructor panel is in its own window: move it off the projector. This screen shows only the run.',
            );
          } else {
            showNotice(
              'warn',
              `The browser blocked the window: allow pop-ups for this site, or open ${instructorWindowUrl(window.location.href)} yourself.`,
            );
          }
        }}
      >
        Open in its own window <span aria-hidden="true">↗</span>
      </button>
    </div>
  );
}

const LINK_WORDS: Record<LinkStatus, string> = {
  waiting: 'Looking for the run…',
  connected: 'Linked to the run',
  gone: 'The run’s window has closed',
};

/** The whole instructor window. */
export function InstructorApp() {
  const store = useAppStoreApi();
  const [link, setLink] = useState<LinkStatus>('waiting');
  const { title, hasRun } = useAppStore(
    useShallow((s) => ({ title: s.title, hasRun: s.snapshot !== null })),
  );
  useEffect(() => {
    const channel = openInstructorChannel();
    if (!channel) return;
    const unlink = linkInstructorToRun(store, channel, setLink);
    window.addEventListener('pagehide', unlink);
    return () => {
      window.removeEventListener('pagehide', unlink);
      unlink();
      channel.close();
    };
  }, [store]);
  useEffect(() => {
    document.title = title ? `Instructor: ${title} — ColdBoot` : 'Instructor — ColdBoot';
  }, [title]);
  const supported = typeof BroadcastChannel === 'function';
  return (
    <div className="app instructor-app" data-screen="instructor">
      <header className="app-header has-run">
        <div className="header-main">
          <Brand />
          <h1 className="scenario-title" id="screen-title" title={title}>
            Instructor{title ? `: ${title}` : ''}
          </h1>
        </div>
        <div className="header-run">
          <span
            className={`link-status link-${link}`}
            role="status"
            data-testid="instructor-link"
            data-link={link}
          >
            {supported ? LINK_WORDS[link] : 'This browser cannot link windows'}
          </span>
          {link === 'connected' && <RunClock />}
        </div>
      </header>
      <main className="instructor-layout" aria-label="Instructor">
        {link !== 'connected' || !hasRun ? (
          <section className="panel instructor-waiting" aria-labelledby="waiting-heading">
            <h2 id="waiting-heading">
              {link === 'connected' ? 'No run yet' : 'Waiting for the run'}
            </h2>
            <p>
              {link === 'connected'
                ? 'Open a scenario in the learners’ window and start it: this window then shows the patient and the instructor panel.'
                : 'Keep ColdBoot open in another window or tab of this browser, on the projector, and open a run there; this window links to it by itself.'}
            </p>
          </section>
        ) : (
          <>
            <div className="instructor-main">
              <ErrorBoundary area="Instructor panel">
                <InstructorPanel />
              </ErrorBoundary>
              <ErrorBoundary area="Monitor">
                <MonitorPanel />
              </ErrorBoundary>
            </div>
            <ErrorBoundary area="Event log">
              <EventLog />
            </ErrorBoundary>
          </>
        )}
      </main>
    </div>
  );
}
