// Trend chart of vital signs against simulated time: heart rate on the left axis (/min), SpO₂ and
// the viable share of brain cells on the right axis (%). Same time axis and margins as the
// temperature chart above it, so the two line up; bedside actions are marked where they happened.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TimedAction } from '../../models/index.ts';
import { formatHoursMinutes } from '../state/units.ts';
import { VITAL_SERIES, trendIndex } from '../worker/protocol.ts';
import { layoutMarkerLabels, timeAxisEndS, timeTicks } from './chartTime.ts';
import { FALLBACK_STYLE, VITAL_STYLE } from './series.ts';
import { useAppStore } from './store-context.tsx';
import type { Margin } from './TrendChart.tsx';

export interface VitalsChartProps {
  width: number;
  height: number;
  margin: Margin;
}

const MARKED_ACTIONS: Partial<Record<TimedAction['action']['do'], string>> = {
  stopBreathing: 'Apnoea',
  resumeBreathing: 'Airway',
  cardiacArrest: 'Arrest',
  startCpr: 'CPR',
  stopCpr: 'CPR off',
  ventilate: 'Vent',
  stopVentilation: 'Vent off',
  defibrillate: 'Shock',
};

/** Heart-rate axis ceiling at least, /min. */
const MIN_HR_TOP = 120;

export function VitalsChart({ width, height, margin }: VitalsChartProps) {
  const { trend, version, endS, events } = useAppStore(
    useShallow((s) => ({
      trend: s.trend,
      version: s.trendVersion,
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
    const x = scaleLinear()
      .domain([0, timeAxisEndS(endS, lastT)])
      .range([x0, x1]);

    const hrIndex = trendIndex('heartRateBpm');
    const hrCol = trend.series(hrIndex);
    let hrMax = 0;
    for (let i = 0; i < n; i++) if (hrCol[i]! > hrMax) hrMax = hrCol[i]!;
    const yHr = scaleLinear()
      .domain([0, Math.max(MIN_HR_TOP, Math.ceil(hrMax / 20) * 20)])
      .range([y0, y1]);
    const yPct = scaleLinear().domain([0, 100]).range([y0, y1]);

    const indices = Array.from({ length: n }, (_, i) => i);
    const lines = VITAL_SERIES.map((s) => {
      const col = trend.series(trendIndex(s.key));
      const y = s.unit === '/min' ? (v: number) => yHr(v) : (v: number) => yPct(v * 100);
      const path = line<number>()
        .defined((i) => Number.isFinite(col[i]!))
        .x((i) => x(t[i]!))
        .y((i) => y(col[i]!))(indices);
      const last = n > 0 ? { x: x(t[n - 1]!), y: y(col[n - 1]!) } : null;
      return { key: s.key, label: s.label, path: path ?? '', last };
    });

    const tickCount = Math.max(2, Math.min(5, Math.floor(innerH / 28)));
    return {
      lines,
      nowX: n > 0 ? x(lastT) : null,
      xTicks: timeTicks(x.domain()[1]!, innerW).map((v) => ({ v, px: x(v) })),
      hrTicks: yHr.ticks(tickCount).map((v) => ({ v, px: yHr(v) })),
      pctTicks: yPct.ticks(tickCount).map((v) => ({ v, px: yPct(v) })),
      xOf: (s: number) => x(s),
    };
  }, [trend, version, endS, x0, x1, y0, y1, innerW, innerH]);

  const markers = layoutMarkerLabels(
    events
      .filter((e) => MARKED_ACTIONS[e.action.do] !== undefined)
      .map((e) => ({ id: e.id, px: chart.xOf(e.atS), label: MARKED_ACTIONS[e.action.do]! })),
    Math.max(1, Math.min(4, Math.floor((y0 - y1) / 30))),
  );

  const hrColor = VITAL_STYLE.heartRateBpm?.color ?? FALLBACK_STYLE.color;
  const pctColor = VITAL_STYLE.arterialSat?.color ?? FALLBACK_STYLE.color;

  return (
    <svg
      className="trend-chart vitals-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="vitals-title"
      data-testid="vitals-chart"
    >
      <title id="vitals-title">
        Heart rate (per minute), SpO₂ and brain cells viable (per cent) against simulated time
      </title>
      <rect className="plot-area" x={x0} y={y1} width={innerW} height={innerH} />
      <g className="grid">
        {chart.pctTicks.map((t) => (
          <line key={`gy${t.v}`} x1={x0} x2={x1} y1={t.px} y2={t.px} />
        ))}
        {chart.xTicks.map((t) => (
          <line key={`gx${t.v}`} x1={t.px} x2={t.px} y1={y1} y2={y0} />
        ))}
      </g>
      <g className="markers">
        {markers.map(({ marker: m, row }) => (
          <g key={m.id}>
            <line x1={m.px} x2={m.px} y1={y1} y2={y0}>
              <title>{m.label}</title>
            </line>
            {row !== null && (
              <text x={m.px + 3} y={y1 + 11 + row * 12}>
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
            <text y={17} textAnchor="middle">
              {formatHoursMinutes(t.v)}
            </text>
          </g>
        ))}
      </g>
      <g className="axis axis-y" aria-hidden="true">
        <line x1={x0} x2={x0} y1={y1} y2={y0} />
        {chart.hrTicks.map((t) => (
          <g key={t.v} transform={`translate(${x0},${t.px})`}>
            <line x2={-5} />
            <text x={-8} dy="0.32em" textAnchor="end" style={{ fill: hrColor }}>
              {t.v}
            </text>
          </g>
        ))}
        <text
          className="axis-label"
          x={x0}
          y={y1 - 7}
          textAnchor="end"
          dx={-6}
          style={{ fill: hrColor }}
        >
          /min
        </text>
      </g>
      <g className="axis axis-y-right" aria-hidden="true">
        <line x1={x1} x2={x1} y1={y1} y2={y0} />
        {chart.pctTicks.map((t) => (
          <g key={t.v} transform={`translate(${x1},${t.px})`}>
            <line x2={5} />
            <text x={8} dy="0.32em" textAnchor="start" style={{ fill: pctColor }}>
              {t.v}
            </text>
          </g>
        ))}
        <text
          className="axis-label"
          x={x1}
          y={y1 - 7}
          textAnchor="start"
          dx={6}
          style={{ fill: pctColor }}
        >
          %
        </text>
      </g>
      <g className="lines">
        {chart.lines.map((l) => {
          const style = VITAL_STYLE[l.key] ?? FALLBACK_STYLE;
          return (
            <path
              key={l.key}
              className="trend-line"
              data-series={l.key}
              d={l.path}
              fill="none"
              stroke={style.color}
              strokeWidth={style.width ?? 2}
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
                fill={(VITAL_STYLE[l.key] ?? FALLBACK_STYLE).color}
              />
            ) : null,
          )}
        </g>
      )}
    </svg>
  );
}
