// The trend card: a legend that shows or hides series, and the chart sized to its container.

import { useEffect, useRef, useState } from 'react';
import { TREND_SERIES } from '../worker/protocol.ts';
import { FALLBACK_STYLE, SERIES_STYLE } from './series.ts';
import { TrendChart } from './TrendChart.tsx';

const INITIALLY_HIDDEN = new Set<string>(['shellTempC']);

export function TrendPanel() {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(INITIALLY_HIDDEN);
  const boxRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 860, height: 320 });

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const observer = new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect) return;
      const width = Math.max(320, Math.floor(rect.width));
      const height = Math.max(220, Math.floor(rect.height));
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

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
      <div className="panel-heading">
        <h2 id="trend-heading">Trend</h2>
        <ul className="legend" aria-label="Series shown on the chart">
          {TREND_SERIES.map((s) => {
            const style = SERIES_STYLE[s.key] ?? FALLBACK_STYLE;
            const shown = !hidden.has(s.key);
            return (
              <li key={s.key}>
                <button
                  type="button"
                  className="legend-item"
                  aria-pressed={shown}
                  aria-label={s.label}
                  title={shown ? `Hide ${s.label.toLowerCase()}` : `Show ${s.label.toLowerCase()}`}
                  onClick={() => toggle(s.key)}
                >
                  <svg width="22" height="10" aria-hidden="true">
                    <line
                      x1="1"
                      x2="21"
                      y1="5"
                      y2="5"
                      stroke={style.color}
                      strokeWidth={3}
                      strokeDasharray={style.dash}
                    />
                  </svg>
                  {style.short || s.label}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="chart-box" ref={boxRef}>
        <TrendChart width={size.width} height={size.height} hidden={hidden} />
      </div>
    </section>
  );
}
