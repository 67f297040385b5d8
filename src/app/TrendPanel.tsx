// The trend card: temperatures on top, vital signs below, on one time axis. Beside each chart, its
// legend with the values now (TrendLegends.tsx); the temperature legend's buttons show or hide
// series. Above them, the shown time window and its controls: both charts zoom and pan together
// (wheel about the pointer, drag, the buttons, or keys on a focused chart). Showing everything or
// following the live end, new data stays in view; zoomed into the past, the view holds still until
// "Live" or "Show all". The odds' fan bands, when there are some, are drawn on the temperature
// chart, with a legend line and a button to hide them.
//
// "What if?": a click (or tap) on a chart picks a moment to rewind to (a cursor on both charts, its
// time in the toolbar's "Rewind to" box, where a time can also be typed); Rewind goes back there
// (the store replays the run to it, paused). The paths left are drawn faintly on both charts, with
// a legend line, a button to hide them and a description of each for screen readers.

import {
  useEffect,
  useEffectEvent,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONTINUATION_LABELS } from '../../models/ensemble/continuation.ts';
import { parseClock } from '../../models/core/clock.ts';
import {
  selectCanRewind,
  type AppState,
  type FanBandOverlay,
  type LeftPath,
} from '../state/store.ts';
import { formatClock } from '../state/units.ts';
import {
  MIN_WINDOW_S,
  SHOW_ALL,
  describeWindow,
  liveView,
  panWindow,
  resolveView,
  trendExtent,
  viewOfWindow,
  wheelZoomFactor,
  zoomWindow,
  type TimeWindow,
  type TrendView,
} from './chartWindow.ts';
import { useChartTrendVersion } from './chartVersion.ts';
import { leftPathDescription, leftPathStopS, leftPathsEndS } from './leftPaths.ts';
import { useAppStore, useAppStoreApi } from './store-context.tsx';
import { FanSwatch, PathSwatch, TemperatureLegend, VitalsLegend } from './TrendLegends.tsx';
import { DEFAULT_MARGIN, TrendChart, type Margin } from './TrendChart.tsx';
import { VitalsChart } from './VitalsChart.tsx';

const INITIALLY_HIDDEN = new Set<string>(['shellTempC']);

/** Both charts use these margins so their time axes line up (right: room for the % axis). */
const TEMPERATURE_MARGIN: Margin = { ...DEFAULT_MARGIN, right: 40, bottom: 36 };
const VITALS_MARGIN: Margin = { top: 20, right: 40, bottom: 24, left: DEFAULT_MARGIN.left };

/** Zoom of one button press or key: halve or double the window. */
const ZOOM_STEP = 2;
/** Pan of one arrow key, share of the window (with Shift: half of it). */
const PAN_STEP = 0.1;

/** A pointer that moves less than this between press and release clicks a chart (no drag), px. */
const CLICK_SLOP_PX = 4;

/** Tracks the content size of an element. */
function useBoxSize(
  ref: RefObject<HTMLElement | null>,
  initial: { width: number; height: number },
  min: { width: number; height: number },
) {
  const [size, setSize] = useState(initial);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const width = Math.max(min.width, Math.floor(rect.width));
      const height = Math.max(min.height, Math.floor(rect.height));
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, min.width, min.height]);
  return size;
}

/** The user's view of the time axis, the latest sample when they set it, and what to announce. */
interface ViewState {
  readonly view: TrendView;
  readonly sinceS: number;
  readonly announcement: string;
}

const INITIAL_VIEW: ViewState = { view: SHOW_ALL, sinceS: 0, announcement: '' };

/** Where the run stands, simulated s (0 before the first snapshot). */
function nowOf(s: AppState): number {
  return s.snapshot?.tS ?? 0;
}

function windowText(view: TrendView, shown: TimeWindow): string {
  const span = describeWindow(shown);
  if (view.kind === 'all') return `Showing all: ${span}`;
  if (view.kind === 'live') return `Showing ${span}, following live`;
  return `Showing ${span}, held`;
}

export function TrendPanel() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(INITIALLY_HIDDEN);
  const [viewState, setViewState] = useState<ViewState>(INITIAL_VIEW);
  const [fanHiddenFor, setFanHiddenFor] = useState<FanBandOverlay | null>(null);
  const tempBox = useRef<HTMLDivElement>(null);
  const vitalsBox = useRef<HTMLDivElement>(null);
  const drag = useRef<{ pointerId: number; x: number; from: TimeWindow } | null>(null);
  const tempSize = useBoxSize(tempBox, { width: 560, height: 240 }, { width: 280, height: 150 });
  const vitalsSize = useBoxSize(vitalsBox, { width: 560, height: 130 }, { width: 280, height: 90 });
  const [pathsHidden, setPathsHidden] = useState(false);
  const [cursorS, setCursorS] = useState<number | null>(null);
  const [rewindText, setRewindText] = useState('');
  const [rewindError, setRewindError] = useState<string | null>(null);
  const rewindId = useId();
  const store = useAppStoreApi();
  const { unit, trend, endS, overlay, leftPaths, canRewind, rewindAllowed, rewindTo } = useAppStore(
    useShallow((s) => ({
      unit: s.unit,
      trend: s.trend,
      endS: s.openEnded ? 0 : s.endS,
      overlay: s.fanBands,
      leftPaths: s.leftPaths,
      canRewind: selectCanRewind(s),
      rewindAllowed: s.rewindAllowed,
      rewindTo: s.rewindTo,
    })),
  );
  // Not the snapshot: its time changes with every tick, and the card needs it only to know whether
  // the picked moment is still in the run (it was rewound past it) and when one is picked.
  const cursorInRun = useAppStore((s) => cursorS !== null && cursorS <= nowOf(s));

  // The view follows the trend at the charts' pace (chartVersion.ts): a live window moves at most
  // every CHART_REDRAW_MS, so the charts do not redraw for every tick.
  const chartVersion = useChartTrendVersion();
  const lastS = useMemo(() => {
    void chartVersion; // the buffer is mutable: its version is what changes
    return trend.lastTime() ?? 0;
  }, [trend, chartVersion]);
  // A reset or a new run starts earlier than the view was set: show everything again.
  if (lastS < viewState.sinceS) setViewState({ ...INITIAL_VIEW, sinceS: lastS });
  const fan = overlay && fanHiddenFor !== overlay ? overlay : null;
  const paths = leftPaths.length > 0 && !pathsHidden ? leftPaths : null;
  const extent = trendExtent(
    endS,
    lastS,
    Math.max(fan?.bands.times.at(-1) ?? 0, leftPathsEndS(paths)),
  );
  // A picked moment later than the run (it was rewound past it) is no longer shown.
  const cursor = cursorInRun ? cursorS : null;
  const { view } = viewState;
  const shown = resolveView(view, extent, lastS);
  const widthS = shown.t1 - shown.t0;
  const plotWidth = Math.max(
    10,
    tempSize.width - TEMPERATURE_MARGIN.left - TEMPERATURE_MARGIN.right,
  );

  /** Shows a window chosen by the user (zoom, pan); announces it unless told not to. */
  function showWindow(next: TimeWindow, announce = true) {
    setNextView(viewOfWindow(next, extent, lastS), announce);
  }

  function setNextView(next: TrendView, announce = true) {
    setViewState((prev) => ({
      view: next,
      sinceS: lastS,
      announcement: announce
        ? windowText(next, resolveView(next, extent, lastS))
        : prev.announcement,
    }));
  }

  /**
   * Zooms about a time (the pointer's); without one, a view that follows the data zooms onto the
   * latest sample (near the right edge, as "Live" puts it) and a held one about its middle.
   */
  function zoom(factor: number, anchorS?: number) {
    if (anchorS !== undefined) {
      showWindow(zoomWindow(shown, factor, anchorS, extent));
    } else if (view.kind !== 'held' && lastS >= shown.t0 && lastS <= shown.t1) {
      setNextView(liveView(zoomWindow(shown, factor, lastS, extent), extent, lastS));
    } else {
      showWindow(zoomWindow(shown, factor, (shown.t0 + shown.t1) / 2, extent));
    }
  }

  function pan(share: number) {
    showWindow(panWindow(shown, share * widthS, extent));
  }

  const canZoomIn = widthS > MIN_WINDOW_S + 1e-6;
  const canZoomOut = view.kind !== 'all';
  const canFollow = view.kind === 'held';

  function onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? 5 * PAN_STEP : PAN_STEP;
    switch (event.key) {
      case 'ArrowLeft':
        pan(-step);
        break;
      case 'ArrowRight':
        pan(step);
        break;
      case '+':
      case '=':
        zoom(1 / ZOOM_STEP);
        break;
      case '-':
      case '_':
        zoom(ZOOM_STEP);
        break;
      case 'Home':
        showWindow(panWindow(shown, extent.t0 - shown.t0, extent));
        break;
      case 'End':
        setNextView(liveView(shown, extent, lastS));
        break;
      case '0':
        setNextView(SHOW_ALL);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  /** The time under the pointer on a chart (both charts share their left and right margins). */
  function timeAt(box: HTMLElement, clientX: number): number {
    const rect = box.getBoundingClientRect();
    const inner = Math.max(1, rect.width - TEMPERATURE_MARGIN.left - TEMPERATURE_MARGIN.right);
    const share = Math.min(1, Math.max(0, (clientX - rect.left - TEMPERATURE_MARGIN.left) / inner));
    return shown.t0 + share * widthS;
  }

  const onWheel = useEffectEvent((event: WheelEvent, box: HTMLElement) => {
    const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
    if (horizontal) {
      const px = event.deltaMode === 1 ? event.deltaX * 40 : event.deltaX;
      event.preventDefault();
      showWindow(panWindow(shown, (px / plotWidth) * widthS, extent), false);
      return;
    }
    if (event.deltaY === 0) return;
    event.preventDefault();
    zoom(wheelZoomFactor(event.deltaY, event.deltaMode), timeAt(box, event.clientX));
  });

  // Wheel listeners are not passive, so the page does not scroll while the wheel zooms a chart.
  useEffect(() => {
    const boxes = [tempBox.current, vitalsBox.current].filter(
      (b): b is HTMLDivElement => b !== null,
    );
    const listeners = boxes.map((box) => {
      const listener = (event: WheelEvent) => onWheel(event, box);
      box.addEventListener('wheel', listener, { passive: false });
      return () => box.removeEventListener('wheel', listener);
    });
    return () => listeners.forEach((remove) => remove());
  }, []);

  function onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    if (event.button !== 0 || !event.isPrimary) return;
    drag.current = { pointerId: event.pointerId, x: event.clientX, from: shown };
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.classList.add('is-dragging');
  }

  function onPointerMove(event: ReactPointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    const dx = event.clientX - d.x;
    if (dx === 0) return;
    const width = d.from.t1 - d.from.t0;
    showWindow(panWindow(d.from, (-dx / plotWidth) * width, extent), false);
  }

  function onPointerEnd(event: ReactPointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d || d.pointerId !== event.pointerId) return;
    drag.current = null;
    event.currentTarget.classList.remove('is-dragging');
    const clicked = event.type === 'pointerup' && Math.abs(event.clientX - d.x) < CLICK_SLOP_PX;
    if (clicked) pickMoment(timeAt(event.currentTarget, event.clientX));
    else if (event.clientX !== d.x) setNextView(view);
  }

  /** A click on a chart picks the moment under it to rewind to (never later than the run). */
  function pickMoment(atS: number) {
    if (!canRewind) return;
    const nowS = nowOf(store.getState());
    const picked = Math.min(nowS, Math.max(0, Math.round(atS)));
    setCursorS(picked);
    setRewindText(formatClock(picked));
    setRewindError(null);
    setViewState((prev) => ({
      ...prev,
      announcement: `Picked ${formatClock(picked)} on the chart: press Rewind to here to go back to it.`,
    }));
  }

  function submitRewind(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canRewind) return;
    const atS = parseClock(rewindText);
    const nowS = nowOf(store.getState());
    if (!(atS >= 0) || atS > nowS) {
      setRewindError(
        `Type a time from 0:00:00 to ${formatClock(nowS)} (where the run is), as h:mm:ss, or click a chart.`,
      );
      return;
    }
    setRewindError(null);
    void rewindTo(atS).then((ok) => {
      if (!ok) return;
      setCursorS(null);
      setRewindText('');
    });
  }

  const pickedHere = cursor !== null && rewindText === formatClock(cursor);

  const chartBoxProps = {
    tabIndex: 0,
    role: 'group',
    'aria-describedby': `trend-window-text trend-keys${paths ? ' trend-paths-text' : ''}`,
    onKeyDown,
    onPointerDown,
    onPointerMove,
    onPointerUp: onPointerEnd,
    onPointerCancel: onPointerEnd,
    title: 'Wheel: zoom. Drag: move in time. Click: pick a moment to rewind to.',
  } as const;

  function toggle(key: string) {
    setHidden((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  }

  return (
    <section className="panel trend" aria-labelledby="trend-heading">
      <h2 id="trend-heading" className="visually-hidden">
        Trends
      </h2>
      <div className="trend-toolbar" role="group" aria-label="Time shown on the trend charts">
        <p
          className="trend-window"
          id="trend-window-text"
          data-testid="trend-window"
          data-mode={view.kind}
          data-t0={Math.round(shown.t0)}
          data-t1={Math.round(shown.t1)}
        >
          {windowText(view, shown)}
        </p>
        <p id="trend-keys" className="visually-hidden">
          On a chart: left and right arrows move in time, plus and minus zoom, Home goes to the
          start, End follows the latest, 0 shows all. To go back to an earlier moment, type its time
          in the Rewind to box.
        </p>
        <p className="visually-hidden" role="status">
          {viewState.announcement}
        </p>
        <div className="trend-zoom-buttons">
          <ZoomButton
            label="Zoom in"
            enabled={canZoomIn}
            onPress={() => zoom(1 / ZOOM_STEP)}
            testId="trend-zoom-in"
          />
          <ZoomButton
            label="Zoom out"
            enabled={canZoomOut}
            onPress={() => zoom(ZOOM_STEP)}
            testId="trend-zoom-out"
          />
          <ZoomButton
            label="Live"
            enabled={canFollow}
            onPress={() => setNextView(liveView(shown, extent, lastS))}
            testId="trend-live"
            title="Follow the latest data at this zoom"
          />
          <ZoomButton
            label="Show all"
            enabled={canZoomOut}
            onPress={() => setNextView(SHOW_ALL)}
            testId="trend-show-all"
          />
        </div>
      </div>
      <div className="trend-whatif" role="group" aria-label="What if? Rewind and paths left">
        {rewindAllowed && (
          <form
            className="trend-rewind"
            onSubmit={submitRewind}
            aria-label="Rewind the run to an earlier moment"
            noValidate
          >
            <label htmlFor={`${rewindId}-time`}>Rewind to</label>
            <input
              id={`${rewindId}-time`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              className="trend-rewind-time"
              placeholder="h:mm:ss"
              value={rewindText}
              disabled={!canRewind}
              aria-invalid={rewindError !== null}
              aria-describedby={rewindError !== null ? `${rewindId}-error` : undefined}
              onChange={(event) => {
                setRewindText(event.target.value);
                setRewindError(null);
              }}
              data-testid="rewind-time"
            />
            <button
              type="submit"
              className="button button-small trend-rewind-button"
              disabled={!canRewind || rewindText.trim() === ''}
              data-testid="rewind-button"
              title="Go back to this moment and take another path; the path you leave stays on the charts, faintly"
            >
              {pickedHere ? 'Rewind to here' : 'Rewind'}
            </button>
            {rewindError !== null && (
              <p className="trend-rewind-error" id={`${rewindId}-error`} role="alert">
                {rewindError}
              </p>
            )}
          </form>
        )}
        {leftPaths.length > 0 && (
          <div className="trend-paths-legend" data-testid="trend-paths-legend">
            <PathSwatch />
            <span
              id="trend-paths-text"
              className={paths ? undefined : 'muted'}
              title={pathsSummary(leftPaths)}
            >
              {pathsSummary(leftPaths)}
            </span>
            <button
              type="button"
              className="button button-small trend-paths-toggle"
              onClick={() => setPathsHidden((hidden) => !hidden)}
              data-testid="trend-paths-toggle"
            >
              {paths ? 'Hide paths' : 'Show paths'}
            </button>
            <ul className="visually-hidden" data-testid="trend-paths-description">
              {leftPaths.map((p) => (
                <li key={p.id}>{leftPathDescription(p, unit)}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {overlay && (
        <div className="trend-fan-legend" data-testid="trend-fan-legend">
          <FanSwatch />
          <span className={fan ? undefined : 'muted'}>
            Odds: 5–95 % of {overlay.bands.members.toLocaleString('en-US')} plausible patients, from{' '}
            {formatClock(overlay.atS)}
            {overlay.continuation && `, ${CONTINUATION_LABELS[overlay.continuation].toLowerCase()}`}
          </span>
          <button
            type="button"
            className="button button-small trend-fan-toggle"
            onClick={() => setFanHiddenFor(fan ? overlay : null)}
            data-testid="trend-fan-toggle"
          >
            {fan ? 'Hide bands' : 'Show bands'}
          </button>
        </div>
      )}
      <div className="trend-row trend-row-temperatures">
        <div
          className="chart-box chart-zoomable"
          ref={tempBox}
          aria-label="Temperature chart"
          {...chartBoxProps}
        >
          <TrendChart
            width={tempSize.width}
            height={tempSize.height}
            margin={TEMPERATURE_MARGIN}
            hidden={hidden}
            window={shown}
            fan={fan}
            paths={paths}
            cursorS={cursor}
            {...(cursor !== null ? { cursorLabel: formatClock(cursor) } : {})}
          />
        </div>
        <TemperatureLegend hidden={hidden} onToggle={toggle} />
      </div>
      <div className="trend-row trend-row-vitals">
        <div
          className="chart-box chart-zoomable"
          ref={vitalsBox}
          aria-label="Vital signs chart"
          {...chartBoxProps}
        >
          <VitalsChart
            width={vitalsSize.width}
            height={vitalsSize.height}
            margin={VITALS_MARGIN}
            window={shown}
            paths={paths}
            cursorS={cursor}
          />
        </div>
        <VitalsLegend />
      </div>
    </section>
  );
}

/** A zoom control: it stays focusable when it has nothing to do (aria-disabled), so focus stays. */
function ZoomButton({
  label,
  enabled,
  onPress,
  testId,
  title,
}: {
  label: string;
  enabled: boolean;
  onPress: () => void;
  testId: string;
  title?: string;
}) {
  return (
    <button
      type="button"
      className="button button-small trend-zoom-button"
      aria-disabled={!enabled}
      onClick={() => enabled && onPress()}
      data-testid={testId}
      title={title}
    >
      {label}
    </button>
  );
}

/** The paths left in a line: "Faint: path left at 0:42:10 (from 0:30:00)". */
function pathsSummary(paths: readonly LeftPath[]): string {
  if (paths.length === 1) {
    const p = paths[0]!;
    const stopS = leftPathStopS(p);
    return `Faint: path left${stopS !== undefined ? ` at ${formatClock(stopS)}` : ''} (from ${formatClock(p.branch.fromS)})`;
  }
  return `Faint: ${paths.length} paths left (from ${paths.map((p) => formatClock(p.branch.fromS)).join(', ')})`;
}
