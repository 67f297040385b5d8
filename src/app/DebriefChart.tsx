// The debrief's chart: brain and core temperature of the run against simulated time, with the
// expert's run over the same span drawn as faded dashed "ghost" lines. d3 computes the scales and
// paths; React draws the SVG.

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import {
  formatHoursMinutes,
  toDisplayUnit,
  unitSymbol,
  type TemperatureUnit,
} from '../state/units.ts';
import type { TemperatureTrace } from '../worker/debriefProtocol.ts';
import { PlotGrid } from './chartParts.tsx';
import { timeTicks } from './chartTime.ts';
import { SERIES_STYLE } from './series.ts';

const MARGIN = { top: 26, right: 18, bottom: 40, left: 52 };

interface Props {
  run: TemperatureTrace;
  expert?: TemperatureTrace;
  unit: TemperatureUnit;
  width: number;
  height: number;
}

const BRAIN = SERIES_STYLE.brainTempC?.color ?? '#c9a7ff';
const CORE = SERIES_STYLE.coreTempC?.color ?? '#ffd166';

export function DebriefChart({ run, expert, unit, width, height }: Props) {
  const x0 = MARGIN.left;
  const x1 = width - MARGIN.right;
  const y0 = height - MARGIN.bottom;
  const y1 = MARGIN.top;

  const chart = useMemo(() => {
    const traces = expert ? [run, expert] : [run];
    let lo = Infinity;
    let hi = -Infinity;
    let maxT = 600;
    for (const t of traces) {
      for (const v of [...t.brainC, ...t.coreC]) {
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      maxT = Math.max(maxT, t.tS.at(-1) ?? 0);
    }
    if (!(lo <= hi)) {
      lo = 30;
      hi = 38;
    }
    const x = scaleLinear().domain([0, maxT]).range([x0, x1]);
    const y = scaleLinear()
      .domain([
        toDisplayUnit(Math.min(lo - 1, 30), unit),
        toDisplayUnit(Math.max(hi + 1, 38), unit),
      ])
      .range([y0, y1])
      .nice();
    const path = (t: TemperatureTrace, values: readonly number[]) =>
      line<number>()
        .defined((i) => Number.isFinite(values[i]!))
        .x((i) => x(t.tS[i]!))
        .y((i) => y(toDisplayUnit(values[i]!, unit)))(t.tS.map((_, i) => i)) ?? '';
    return {
      xTicks: timeTicks(maxT, x1 - x0).map((v) => ({ v, px: x(v) })),
      yTicks: y.ticks(6).map((v) => ({ v, px: y(v) })),
      run: { brain: path(run, run.brainC), core: path(run, run.coreC) },
      expert: expert
        ? { brain: path(expert, expert.brainC), core: path(expert, expert.coreC) }
        : null,
    };
  }, [run, expert, unit, x0, x1, y0, y1]);

  return (
    <svg
      className="trend-chart debrief-chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby="debrief-chart-title"
      data-testid="debrief-chart"
    >
      <title id="debrief-chart-title">
        Brain and core temperature of this run
        {expert ? ', with the expert run as dashed lines' : ''}, in {unitSymbol(unit)}
      </title>
      <PlotGrid x0={x0} x1={x1} y0={y0} y1={y1} xTicks={chart.xTicks} yTicks={chart.yTicks} />
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
        <text className="axis-label" x={x0} y={y1 - 10} textAnchor="start">
          {unitSymbol(unit)}
        </text>
      </g>
      {chart.expert && (
        <g className="ghost-lines" data-testid="expert-lines">
          <path
            d={chart.expert.brain}
            className="ghost-line"
            data-series="expert-brain"
            stroke={BRAIN}
          />
          <path
            d={chart.expert.core}
            className="ghost-line"
            data-series="expert-core"
            stroke={CORE}
          />
        </g>
      )}
      <g className="lines">
        <path d={chart.run.brain} className="run-line" data-series="run-brain" stroke={BRAIN} />
        <path d={chart.run.core} className="run-line" data-series="run-core" stroke={CORE} />
      </g>
    </svg>
  );
}

/** The chart's legend (HTML, beside the chart). */
export function DebriefChartLegend({ expert }: { expert: boolean }) {
  const item = (color: string, label: string, ghost: boolean) => (
    <li className="legend-row" key={label}>
      <span className="legend-item legend-static">
        <svg width="26" height="10" aria-hidden="true">
          <line
            x1="1"
            x2="25"
            y1="5"
            y2="5"
            stroke={color}
            data-swatch={color === BRAIN ? 'brainTempC' : 'coreTempC'}
            strokeWidth={ghost ? 2 : 3}
            strokeDasharray={ghost ? '6 4' : undefined}
            opacity={ghost ? 0.55 : 1}
          />
        </svg>
        {label}
      </span>
    </li>
  );
  return (
    <ul className="legend debrief-legend" aria-label="Chart legend">
      {item(BRAIN, 'Brain, this run', false)}
      {item(CORE, 'Core, this run', false)}
      {expert && item(BRAIN, 'Brain, expert', true)}
      {expert && item(CORE, 'Core, expert', true)}
    </ul>
  );
}
