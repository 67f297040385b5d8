// Trend chart of temperatures against simulated time. d3-scale and d3-shape compute scales and
// paths; React renders the SVG. The data come from the store's columnar trend buffer, re-read only
// when its version counter changes (no copies of the series).

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TimedAction } from '../../models/index.ts';
import { formatHoursMinutes, toDisplayUnit, unitSymbol } from '../state/units.ts';
import { TEMPERATURE_SERIES, trendIndex } from '../worker/protocol.ts';
import { layoutMarkerLabels, timeAxisEndS, timeTicks } from './chartTime.ts';
import { FALLBACK_STYLE, SERIES_STYLE } from './series.ts';
import { useAppStore } from './store-context.tsx';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const DEFAULT_MARGIN: Margin = { top: 22, right: 20, bottom: 40, left: 56 };

export interface TrendChartProps {
  width?: number;
  height?: number;
  margin?: Partial<Margin>;
  /** Keys of series not drawn. */
  hidden?: ReadonlySet<string>;
}

/** Core-temperature thresholds of hypothermia drawn as reference lines, °C. */
const THRESHOLDS_C = [
  { c: 35, label: 'mild below' },
  { c: 32, label: 'moderate below' },
  { c: 28, label: 'severe below' },
];

const MARKED_ACTIONS: Partial<Record<TimedAction['action']['do'], string>> = {
  immerse: 'Immersed',
  extricate: 'Out of water',
  setEnvironment: 'Surroundings',
};

export function TrendChart({
  width = 860,
  height = 340,
  margin: marginProp,
  hidden,
}: TrendChartProps) {
  const margin = { ...DEFAULT_MARGIN, ...marginProp };
  const { trend, version, unit, endS, events } = useAppStore(
    useShallow((s) => ({
      trend: s.trend,
      version: s.trendVersion,
      unit: s.unit,
      endS: s.endS,
      events: s.events,
    })),
  );
  const innerW = Math.max(10, width - margin.left - margin.right);
  const innerH = Math.max(10, height - margin.top - margin.bottom);
  const x0 = margin.left;
  const x1 = margin.left + innerW;
  const y0 = margin.top + innerH;
  const y1 = margin.top;

  const chart = useMemo(() => {
    void version; // the buffer is mutable: its version is what changes
    const t = trend.time();
    const n = t.length;
    const lastT = n > 0 ? t[n - 1]! : 0;
    const maxT = timeAxisEndS(endS, lastT);
    const x = scaleLinear().domain([0, maxT]).range([x0, x1]);

    const visible = TEMPERATURE_SERIES.map((s) => ({ ...s, index: trendIndex(s.key) })).filter(
      (s) => !hidden?.has(s.key),
    );
    let lo = Infinity;
    let hi = -Infinity;
    for (const s of visible) {
      const col = trend.series(s.index);
      for (let i = 0; i < n; i++) {
        const v = col[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!(lo <= hi)) {
      lo = 25;
      hi = 38;
    }
    lo = Math.min(lo - 1, 30);
    hi = Math.max(hi + 1, 38);
    const y = scaleLinear()
      .domain([toDisplayUnit(lo, unit), toDisplayUnit(hi, unit)])
      .range([y0, y1])
      .nice();

    const indices = Array.from({ length: n }, (_, i) => i);
    const lines = visible.map((s) => {
      const col = trend.series(s.index);
      const path = line<number>()
        .defined((i) => Number.isFinite(col[i]!))
        .x((i) => x(t[i]!))
        .y((i) => y(toDisplayUnit(col[i]!, unit)))(indices);
      const last = n > 0 ? { x: x(t[n - 1]!), y: y(toDisplayUnit(col[n - 1]!, unit)) } : null;
      return { key: s.key, label: s.label, path: path ?? '', last };
    });

    const xTicks = timeTicks(maxT, innerW);
    const yTicks = y.ticks(Math.max(3, Math.floor(innerH / 40)));
    const [dLo, dHi] = y.domain() as [number, number];
    const thresholds = THRESHOLDS_C.map((th) => ({ ...th, v: toDisplayUnit(th.c, unit) })).filter(
      (th) => th.v > dLo && th.v < dHi,
    );
    return {
      lines,
      nowX: n > 0 ? x(lastT) : null,
      xTicks: xTicks.map((v) => ({ v, px: x(v) })),
      yTicks: yTicks.map((v) => ({ v, px: y(v) })),
      thresholds: thresholds.map((th) => ({ ...th, px: y(th.v) })),
      xOf: (s: number) => x(s),
    };
  }, [trend, version, unit, endS, hidden, x0, x1, y0, y1, innerW, innerH]);

  const markers = layoutMarkerLabels(
    events
      .filter((e) => MARKED_ACTIONS[e.action.do] !== undefined)
      .map((e) => ({ id: e.id, px: chart.xOf(e.atS), label: MARKED_ACTIONS[e.action.do]! })),
    2,
  );

  return (
    <svg
      className="trend-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="trend-title"
      data-testid="trend-chart"
    >
      <title id="trend-title">Temperatures against simulated time, in {unitSymbol(unit)}</title>
      <rect className="plot-area" x={x0} y={y1} width={innerW} height={innerH} />
      <g className="grid">
        {chart.yTicks.map((t) => (
          <line key={`gy${t.v}`} x1={x0} x2={x1} y1={t.px} y2={t.px} />
        ))}
        {chart.xTicks.map((t) => (
          <line key={`gx${t.v}`} x1={t.px} x2={t.px} y1={y1} y2={y0} />
        ))}
      </g>
      <g className="thresholds">
        {chart.thresholds.map((th) => (
          <g key={th.c}>
            <line x1={x0} x2={x1} y1={th.px} y2={th.px} />
            <text x={x1 - 4} y={th.px - 4} textAnchor="end">
              {th.label} {th.v.toFixed(0)}
              {unitSymbol(unit)}
            </text>
          </g>
        ))}
      </g>
      <g className="markers">
        {markers.map(({ marker: m, row }) => (
          <g key={m.id}>
            <line x1={m.px} x2={m.px} y1={y1} y2={y0}>
              <title>{m.label}</title>
            </line>
            {row !== null && (
              <text x={m.px + 3} y={y1 + 12 + row * 13}>
                {m.label}
              </text>
            )}
          </g>
        ))}
      </g>
      <g className="axis axis-x" aria-hidden="true">
        <line x1={x0} x2={x1} y1={y0} y2={y0} />
        {chart.xTicks.map((t) => (
          <g key={t.v} transform={`translate(${t.px},${y0})`}>
            <line y2={5} />
            <text y={18} textAnchor="middle">
              {formatHoursMinutes(t.v)}
            </text>
          </g>
        ))}
        <text className="axis-label" x={x1} y={y0 + 34} textAnchor="end">
          Simulated time (h:mm)
        </text>
      </g>
      <g className="axis axis-y" aria-hidden="true">
        <line x1={x0} x2={x0} y1={y1} y2={y0} />
        {chart.yTicks.map((t) => (
          <g key={t.v} transform={`translate(${x0},${t.px})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end">
              {t.v}
            </text>
          </g>
        ))}
        <text className="axis-label" x={x0} y={y1 - 8} textAnchor="start" data-testid="y-unit">
          {unitSymbol(unit)}
        </text>
      </g>
      <g className="lines">
        {chart.lines.map((l) => {
          const style = SERIES_STYLE[l.key] ?? FALLBACK_STYLE;
          return (
            <path
              key={l.key}
              className="trend-line"
              data-series={l.key}
              d={l.path}
              fill="none"
              stroke={style.color}
              strokeWidth={style.width ?? 1.75}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
              strokeLinecap="round"
            />
          );
        })}
      </g>
      {chart.nowX !== null && (
        <g className="now">
          <line x1={chart.nowX} x2={chart.nowX} y1={y1} y2={y0} />
          {chart.lines.map((l) =>
            l.last ? (
              <circle
                key={l.key}
                cx={l.last.x}
                cy={l.last.y}
                r={3}
                fill={(SERIES_STYLE[l.key] ?? FALLBACK_STYLE).color}
              />
            ) : null,
          )}
        </g>
      )}
    </svg>
  );
}
