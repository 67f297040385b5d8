// The frame around every screen: the header (brand, the screen's title, navigation, the unit
// switch; on the run screen the clock, status and "End and debrief"), the notice toast and the
// error panel for files that could not be opened.

import { useEffect, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_ISSUES_SHOWN } from '../../models/index.ts';
import type { RunStatus } from '../state/store.ts';
import { formatClock } from '../state/units.ts';
import { UnitSwitch } from './Controls.tsx';
import { useAppStore } from './store-context.tsx';

const STATUS_TEXT: Record<RunStatus, string> = {
  idle: 'No scenario',
  loading: 'Loading…',
  ready: 'Ready',
  running: 'Running',
  paused: 'Paused',
  finished: 'Finished',
  error: 'Error',
};

export function Brand() {
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        ❄
      </span>
      <span className="brand-name">ColdBoot</span>
    </div>
  );
}

/**
 * The header of a screen: brand, navigation and a level-1 heading; then the display settings (°C/°F,
 * projector colours and `settings`), the screen's tools (`children`) and, on the run screen, `run`
 * (clock, status, "End and debrief"). One row on a wide screen; on narrower ones the groups wrap
 * into rows (styles.css), so nothing is ever off-screen.
 */
export function ScreenHeader({
  title,
  nav,
  skip,
  settings,
  run,
  children,
}: {
  title: string;
  nav?: ReactNode;
  /** Skip links, just after the heading (focus lands on it when a screen opens). */
  skip?: ReactNode;
  settings?: ReactNode;
  run?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className={`app-header${run ? ' has-run' : ''}${children ? ' has-tools' : ''}`}>
      <div className="header-main">
        <Brand />
        {nav && (
          <nav className="header-nav" aria-label="Screens">
            {nav}
          </nav>
        )}
        <h1 className="scenario-title" id="screen-title" tabIndex={-1} title={title}>
          {title}
        </h1>
        {skip}
      </div>
      <div className="header-settings">
        <UnitSwitch />
        <ProjectorSwitch />
        {settings}
      </div>
      {children && <div className="header-tools">{children}</div>}
      {run && <div className="header-run">{run}</div>}
    </header>
  );
}

/** The projector colour profile (dark on light, larger numbers), kept between visits. */
export function ProjectorSwitch() {
  const { projector, setProjector } = useAppStore(
    useShallow((s) => ({ projector: s.projector, setProjector: s.setProjector })),
  );
  return (
    <button
      type="button"
      className="button button-ghost projector-switch"
      aria-pressed={projector}
      onClick={() => setProjector(!projector)}
      title="Projector colours: dark on light with larger numbers, for a lit classroom"
      data-testid="projector-switch"
    >
      <span aria-hidden="true" className="projector-icon">
        ◐
      </span>
      <span className="switch-label">Projector</span>
    </button>
  );
}

/** How many screens have opened since the page loaded. */
let screensOpened = 0;

/**
 * Moves keyboard focus to the screen's heading when a screen opens (not on the page's first screen),
 * so keyboard and screen-reader users start at the top of the new screen; a page scrolled down (a
 * phone, a long briefing) opens the new screen at its top.
 */
export function useFocusTitle(): void {
  useEffect(() => {
    if (screensOpened++ === 0) return;
    window.scrollTo(0, 0);
    document.getElementById('screen-title')?.focus({ preventScroll: true });
  }, []);
}

export function BackToLibrary() {
  const goTo = useAppStore((s) => s.goTo);
  return (
    <button type="button" className="button button-ghost" onClick={() => goTo('library')}>
      <span aria-hidden="true">←</span> Library
    </button>
  );
}

export function RunClock() {
  const { status, tS, endS, openEnded } = useAppStore(
    useShallow((s) => ({
      status: s.status,
      tS: s.snapshot?.tS ?? 0,
      endS: s.endS,
      openEnded: s.openEnded,
    })),
  );
  return (
    <>
      <div className="clock" aria-label="Simulated time">
        <span className="clock-label">Simulated time</span>
        <time className="clock-value" data-testid="clock" dateTime={`PT${Math.floor(tS)}S`}>
          {formatClock(tS)}
        </time>
        {endS > 0 && !openEnded && <span className="clock-end">/ {formatClock(endS)}</span>}
      </div>
      <span className={`status-pill status-${status}`} role="status" data-testid="run-status">
        {STATUS_TEXT[status]}
      </span>
    </>
  );
}

/** A short message over the top of the screen; it stays until closed or replaced (12 s at most). */
export function NoticeToast() {
  const { notice, dismiss } = useAppStore(
    useShallow((s) => ({ notice: s.notice, dismiss: s.dismissNotice })),
  );
  const id = notice?.id;
  useEffect(() => {
    if (id === undefined) return;
    const timer = setTimeout(dismiss, 12_000);
    return () => clearTimeout(timer);
  }, [id, dismiss]);
  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div className={`notice notice-${notice.tone}`} data-testid="notice">
          <span>{notice.text}</span>
          <button
            type="button"
            className="notice-close"
            aria-label="Close the notice"
            onClick={dismiss}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** The problems of a file (scenario or run log) or a failed load or run, in a readable panel. */
export function FileErrorPanel() {
  const { kind, message, detail, dismiss } = useAppStore(
    useShallow((s) => ({
      kind: s.errorKind,
      message: s.errorMessage,
      detail: s.errorDetail,
      dismiss: s.dismissError,
    })),
  );
  if (!kind || !message) return null;
  const heading =
    kind === 'scenario'
      ? 'This scenario file has problems'
      : kind === 'log'
        ? 'This run log cannot be replayed'
        : kind === 'load'
          ? 'The file could not be opened'
          : 'The simulation stopped';
  return (
    <section
      className="panel error-panel"
      role="alert"
      data-testid="load-error"
      aria-labelledby="error-heading"
    >
      <div className="panel-heading">
        <h2 id="error-heading">{heading}</h2>
        {kind !== 'simulation' && (
          <button type="button" className="button button-small" onClick={dismiss}>
            Dismiss
          </button>
        )}
      </div>
      {detail && detail.issues.length > 0 ? (
        <>
          <table className="issue-table">
            <caption className="visually-hidden">Problems in {detail.fileName}</caption>
            <thead>
              <tr>
                <th scope="col">File and line</th>
                <th scope="col">Field</th>
                <th scope="col">Expected</th>
                <th scope="col">Found</th>
              </tr>
            </thead>
            <tbody>
              {detail.issues.slice(0, MAX_ISSUES_SHOWN).map((issue, i) => (
                <tr key={i}>
                  <td className="issue-where">
                    {detail.fileName}
                    {issue.line !== undefined ? `:${issue.line}` : ''}
                  </td>
                  <td className="issue-field">{issue.path || '(the file)'}</td>
                  <td>{issue.expected}</td>
                  <td className="issue-found">{issue.found}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {detail.issues.length > MAX_ISSUES_SHOWN && (
            <p className="muted">…and {detail.issues.length - MAX_ISSUES_SHOWN} more.</p>
          )}
        </>
      ) : (
        <pre className="error-text">{message}</pre>
      )}
      {kind === 'scenario' && (
        <p className="muted">Fix the lines listed above in the file, then open it again.</p>
      )}
    </section>
  );
}
