// SVG pieces shared by the trend charts (temperatures, vital signs): the plotted lines, the "now"
// cursor, action markers, the time axis, the clip to the plot area (zoomed windows) and the odds'
// fan bands, so both charts draw them the same way.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { TrendBuffer } from '../state/trendBuffer.ts';
import { formatHoursMinutes } from '../state/units.ts';
import { timeAxisEndS, type MarkerLabel } from './chartTime.ts';
import { visibleRange, type TimeWindow } from './chartWindow.ts';
import { FALLBACK_STYLE, type SeriesStyle } from './series.ts';

type Styles = Partial<Record<string, SeriesStyle>>;

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The plot area inside the margins: its size and edges (y0 is the bottom, y1 the top), px. */
export function plotFrame(width: number, height: number, margin: Margin) {
  const innerW = Math.max(10, width - margin.left - margin.right);
  const innerH = Math.max(10, height - margin.top - margin.bottom);
  return {
    innerW,
    innerH,
    x0: margin.left,
    x1: margin.left + innerW,
    y0: margin.top + innerH,
    y1: margin.top,
  };
}

/** One series ready to draw: its SVG path and its latest point. */
export interface PlotLine {
  readonly key: string;
  readonly label: string;
  readonly path: string;
  readonly last: { readonly x: number; readonly y: number } | null;
}

/**
 * Builds a series' path from the trend buffer's time column and one value column, through the
 * samples `indices` (in time order: those in the shown window, thinned); `n` is the buffer's length,
 * for the latest point.
 */
export function plotLine(
  key: string,
  label: string,
  time: ArrayLike<number>,
  values: ArrayLike<number>,
  indices: Iterable<number>,
  n: number,
  x: (s: number) => number,
  y: (v: number) => number,
): PlotLine {
  const path = line<number>()
    .defined((i) => Number.isFinite(values[i]!))
    .x((i) => x(time[i]!))
    .y((i) => y(values[i]!))(indices);
  // No end dot where the last value is a gap (SpO₂ the oximeter cannot read).
  const last =
    n > 0 && Number.isFinite(values[n - 1]!) ? { x: x(time[n - 1]!), y: y(values[n - 1]!) } : null;
  return { key, label, path: path ?? '', last };
}

/** A clip path to the plot area, so lines of a zoomed window end at its edges. */
export function PlotClip({
  id,
  x0,
  x1,
  y0,
  y1,
}: {
  id: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}) {
  return (
    <defs>
      <clipPath id={id}>
        <rect x={x0} y={y1 - 4} width={x1 - x0} height={y0 - y1 + 8} />
      </clipPath>
    </defs>
  );
}

/** An id for a chart's clip path: React's useId without the characters url(#…) may choke on. */
export function clipIdOf(reactId: string, name: string): string {
  return `${name}-${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/** One series' 5–95 % band (area path) and median (line path), ready to draw. */
export interface FanPaths {
  readonly key: string;
  readonly label: string;
  readonly band: string;
  readonly median: string;
}

/** Fan bands: shaded 5–95 % areas with a dashed median, in the series' colours, behind the lines. */
export function FanBandPaths({
  fans,
  styles,
  clipPath,
}: {
  fans: readonly FanPaths[];
  styles: Styles;
  clipPath?: string;
}) {
  if (fans.length === 0) return null;
  return (
    <g className="fan-bands" data-testid="trend-fan-bands" clipPath={clipPath}>
      {fans.map((f) => {
        const color = (styles[f.key] ?? FALLBACK_STYLE).color;
        return (
          <g key={f.key} data-series={f.key}>
            <title>{`${f.label}: 5–95 % of plausible patients, dashed: median`}</title>
            <path className="trend-fan-band" d={f.band} fill={color} />
            <path className="trend-fan-median" d={f.median} fill="none" stroke={color} />
          </g>
        );
      })}
    </g>
  );
}

export function TrendLines({
  lines,
  styles,
  strokeWidth,
  clipPath,
}: {
  lines: readonly PlotLine[];
  styles: Styles;
  strokeWidth: number;
  clipPath?: string;
}) {
  return (
    <g className="lines" clipPath={clipPath}>
      {lines.map((l) => {
        const style = styles[l.key] ?? FALLBACK_STYLE;
        return (
          <path
            key={l.key}
            className="trend-line"
            data-series={l.key}
            d={l.path}
            fill="none"
            stroke={style.color}
            strokeWidth={style.width ?? strokeWidth}
            strokeDasharray={style.dash}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        );
      })}
    </g>
  );
}

/** The vertical line at the latest sample, with a dot on each series. */
export function NowCursor({
  x,
  y0,
  y1,
  lines,
  styles,
}: {
  x: number | null;
  y0: number;
  y1: number;
  lines: readonly PlotLine[];
  styles: Styles;
}) {
  if (x === null) return null;
  return (
    <g className="now">
      <line x1={x} x2={x} y1={y1} y2={y0} />
      {lines.map((l) =>
        l.last ? (
          <circle
            key={l.key}
            cx={l.last.x}
            cy={l.last.y}
            r={3}
            data-series={l.key}
            fill={(styles[l.key] ?? FALLBACK_STYLE).color}
          />
        ) : null,
      )}
    </g>
  );
}

/** Action markers: a line at each action's time, labels in rows at the top of the plot. */
export function ActionMarkers({
  markers,
  y0,
  y1,
  firstRowDy,
  rowHeight,
}: {
  markers: readonly MarkerLabel<{ id: number | string; px: number; label: string }>[];
  y0: number;
  y1: number;
  firstRowDy: number;
  rowHeight: number;
}) {
  return (
    <g className="markers">
      {markers.map(({ marker: m, row, side }) => (
        <g key={m.id}>
          <line x1={m.px} x2={m.px} y1={y1} y2={y0}>
            <title>{m.label}</title>
          </line>
          {row !== null && (
            <text
              x={side === 'left' ? m.px - 3 : m.px + 3}
              y={y1 + firstRowDy + row * rowHeight}
              textAnchor={side === 'left' ? 'end' : 'start'}
            >
              {m.label}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}

/** The simulated-time axis along the bottom of a plot, with an optional caption. */
export function TimeAxis({
  ticks,
  x0,
  x1,
  y0,
  labelDy,
  caption,
}: {
  ticks: readonly { v: number; px: number }[];
  x0: number;
  x1: number;
  y0: number;
  labelDy: number;
  caption?: string;
}) {
  return (
    <g className="axis axis-x" aria-hidden="true">
      <line x1={x0} x2={x1} y1={y0} y2={y0} />
      {ticks.map((t) => (
        <g key={t.v} transform={`translate(${t.px},${y0})`}>
          <line y2={5} />
          <text y={labelDy} textAnchor="middle">
            {formatHoursMinutes(t.v)}
          </text>
        </g>
      ))}
      {caption !== undefined && (
        <text className="axis-label" x={x1} y={y0 + 34} textAnchor="end">
          {caption}
        </text>
      )}
    </g>
  );
}

/**
 * What a trend chart shows: the window asked for (both ends given), or the whole time axis; its x
 * scale onto [x0, x1], and the range of samples that fall in it.
 */
export function trendSpan(
  trend: TrendBuffer,
  t0: number | undefined,
  t1: number | undefined,
  endS: number,
  x0: number,
  x1: number,
) {
  const t = trend.time();
  const n = t.length;
  const lastT = n > 0 ? t[n - 1]! : 0;
  const shown: TimeWindow =
    t0 !== undefined && t1 !== undefined && t1 > t0
      ? { t0, t1 }
      : { t0: 0, t1: timeAxisEndS(endS, lastT) };
  const x = scaleLinear().domain([shown.t0, shown.t1]).range([x0, x1]);
  const { start, end } = visibleRange(t, n, shown);
  return { t, n, lastT, shown, x, start, end };
}

interface Tick {
  readonly v: number;
  readonly px: number;
}

/** The plot's background: its area and the grid lines at the ticks of both axes. */
export function PlotGrid({
  x0,
  x1,
  y0,
  y1,
  xTicks,
  yTicks,
}: {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
}) {
  return (
    <>
      <rect className="plot-area" x={x0} y={y1} width={x1 - x0} height={y0 - y1} />
      <g className="grid">
        {yTicks.map((t) => (
          <line key={`gy${t.v}`} x1={x0} x2={x1} y1={t.px} y2={t.px} />
        ))}
        {xTicks.map((t) => (
          <line key={`gx${t.v}`} x1={t.px} x2={t.px} y1={y1} y2={y0} />
        ))}
      </g>
    </>
  );
}

/** A path left by rewinding, ready to draw: its series' paths and what it is, in words. */
export interface LeftPathPlot {
  readonly id: number;
  readonly title: string;
  readonly lines: readonly PlotLine[];
}

/**
 * The paths left by rewinding, drawn faintly (dashed, see-through) in the series' colours, behind
 * the current path's lines.
 */
export function LeftPathLines({
  paths,
  styles,
  clipPath,
}: {
  paths: readonly LeftPathPlot[];
  styles: Styles;
  clipPath?: string;
}) {
  if (paths.length === 0) return null;
  return (
    <g className="left-paths" data-testid="left-paths" clipPath={clipPath}>
      {paths.map((p) => (
        <g key={p.id} data-path={p.id}>
          <title>{p.title}</title>
          {p.lines.map((l) => (
            <path
              key={l.key}
              className="trend-left-path"
              data-series={l.key}
              d={l.path}
              fill="none"
              stroke={(styles[l.key] ?? FALLBACK_STYLE).color}
              strokeLinejoin="round"
            />
          ))}
        </g>
      ))}
    </g>
  );
}

/** The moment picked to rewind to: a dashed line across the plot, with its time at the top. */
export function RewindCursor({
  x,
  y0,
  y1,
  label,
}: {
  x: number | null;
  y0: number;
  y1: number;
  label?: string;
}) {
  if (x === null) return null;
  return (
    <g className="rewind-cursor" data-testid="rewind-cursor" aria-hidden="true">
      <line x1={x} x2={x} y1={y1} y2={y0} />
      {label !== undefined && (
        <text x={x + 4} y={y0 - 6} textAnchor="start">
          {label}
        </text>
      )}
    </g>
  );
}
