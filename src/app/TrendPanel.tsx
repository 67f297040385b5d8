// The trend card: temperatures on top, vital signs below, on one time axis. Beside each chart, its
// legend with the values now; the temperature legend's buttons show or hide series.

import { useEffect, useRef, useState, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatFraction, formatPercent, formatTemperature } from '../state/units.ts';
import { TEMPERATURE_SERIES, VITAL_SERIES } from '../worker/protocol.ts';
import { FALLBACK_STYLE, SERIES_STYLE, VITAL_STYLE, type SeriesStyle } from './series.ts';
import { useAppStore } from './store-context.tsx';
import { DEFAULT_MARGIN, TrendChart, type Margin } from './TrendChart.tsx';
import { VitalsChart } from './VitalsChart.tsx';

const INITIALLY_HIDDEN = new Set<string>(['shellTempC']);

/** Both charts use these margins so their time axes line up (right: room for the % axis). */
const TEMPERATURE_MARGIN: Margin = { ...DEFAULT_MARGIN, right: 40, bottom: 36 };
const VITALS_MARGIN: Margin = { top: 20, right: 40, bottom: 24, left: DEFAULT_MARGIN.left };

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

export function TrendPanel() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(INITIALLY_HIDDEN);
  const tempBox = useRef<HTMLDivElement>(null);
  const vitalsBox = useRef<HTMLDivElement>(null);
  const tempSize = useBoxSize(tempBox, { width: 560, height: 240 }, { width: 280, height: 150 });
  const vitalsSize = useBoxSize(vitalsBox, { width: 560, height: 130 }, { width: 280, height: 90 });
  const { snapshot, unit } = useAppStore(
    useShallow((s) => ({ snapshot: s.snapshot, unit: s.unit })),
  );

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
      <div className="trend-row trend-row-temperatures">
        <div className="chart-box" ref={tempBox}>
          <TrendChart
            width={tempSize.width}
            height={tempSize.height}
            margin={TEMPERATURE_MARGIN}
            hidden={hidden}
          />
        </div>
        <div className="series-legend">
          <h3 id="temperature-legend-heading">Temperatures</h3>
          <ul className="legend" aria-labelledby="temperature-legend-heading">
            {TEMPERATURE_SERIES.map((s) => {
              const style = SERIES_STYLE[s.key] ?? FALLBACK_STYLE;
              const shown = !hidden.has(s.key);
              const id = s.key.replace(/TempC$/, '');
              return (
                <li key={s.key} className="legend-row">
                  <button
                    type="button"
                    className="legend-item"
                    aria-pressed={shown}
                    title={
                      shown ? `Hide ${s.label.toLowerCase()}` : `Show ${s.label.toLowerCase()}`
                    }
                    onClick={() => toggle(s.key)}
                  >
                    <Swatch style={style} />
                    {style.short || s.label}
                  </button>
                  <span className="legend-value" data-testid={`reading-${id}`}>
                    {formatTemperature(snapshot ? snapshot[s.key] : null, unit)}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      <div className="trend-row trend-row-vitals">
        <div className="chart-box" ref={vitalsBox}>
          <VitalsChart width={vitalsSize.width} height={vitalsSize.height} margin={VITALS_MARGIN} />
        </div>
        <div className="series-legend">
          <h3 id="vitals-legend-heading">Vital signs</h3>
          <ul className="legend" aria-labelledby="vitals-legend-heading">
            {VITAL_SERIES.map((s) => {
              const style = VITAL_STYLE[s.key] ?? FALLBACK_STYLE;
              const value = snapshot ? snapshot[s.key] : null;
              const text =
                value === null
                  ? '—'
                  : s.unit === '/min'
                    ? `${Math.round(value)} /min`
                    : s.key === 'arterialSat'
                      ? formatPercent(value)
                      : formatFraction(value);
              return (
                <li key={s.key} className="legend-row">
                  <span className="legend-item legend-static">
                    <Swatch style={style} />
                    {style.short || s.label}
                  </span>
                  <span className="legend-value">{text}</span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </section>
  );
}

function Swatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="18" height="10" aria-hidden="true">
      <line
        x1="1"
        x2="17"
        y1="5"
        y2="5"
        stroke={style.color}
        strokeWidth={3}
        strokeDasharray={style.dash}
      />
    </svg>
  );
}
