// The trend card's legends: beside the temperature chart its series with their values now (buttons
// that show or hide a series), beside the vital signs chart theirs; and the swatches of the legends,
// the odds' fan bands and the paths left. Each legend selects the texts it shows, so a tick that
// changes no shown value does not re-render it (nor does a tick re-render the charts' card).

import { formatFraction, formatPercent, formatTemperature } from '../state/units.ts';
import { TEMPERATURE_SERIES, VITAL_SERIES, oximeterReads } from '../worker/protocol.ts';
import { FALLBACK_STYLE, SERIES_STYLE, VITAL_STYLE, type SeriesStyle } from './series.ts';
import { useAppView } from './store-context.tsx';

/** Series that carry fan bands on the temperature chart, for the legend's swatch. */
const FAN_SWATCH = ['brainTempC', 'coreTempC'] as const;

export function TemperatureLegend({
  hidden,
  onToggle,
}: {
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
}) {
  const values = useAppView((st) =>
    TEMPERATURE_SERIES.map((s) =>
      formatTemperature(st.snapshot ? st.snapshot[s.key] : null, st.unit),
    ),
  );
  return (
    <div className="series-legend">
      <h3 id="temperature-legend-heading">Temperatures</h3>
      <ul className="legend" aria-labelledby="temperature-legend-heading">
        {TEMPERATURE_SERIES.map((s, i) => {
          const style = SERIES_STYLE[s.key] ?? FALLBACK_STYLE;
          const shown = !hidden.has(s.key);
          const id = s.key.replace(/TempC$/, '');
          return (
            <li key={s.key} className="legend-row">
              <button
                type="button"
                className="legend-item"
                aria-pressed={shown}
                title={shown ? `Hide ${s.label.toLowerCase()}` : `Show ${s.label.toLowerCase()}`}
                onClick={() => onToggle(s.key)}
              >
                <Swatch style={style} series={s.key} />
                {style.short || s.label}
              </button>
              <span className="legend-value" data-testid={`reading-${id}`}>
                {values[i]}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function VitalsLegend() {
  const values = useAppView(({ snapshot }) =>
    VITAL_SERIES.map((s) => {
      // SpO₂ reads nothing without a pulse: "—", as on the monitor.
      const value =
        snapshot === null || (s.key === 'arterialSat' && !oximeterReads(snapshot))
          ? null
          : snapshot[s.key];
      if (value === null) return '—';
      if (s.unit === '/min') return `${Math.round(value)} /min`;
      return s.key === 'arterialSat' ? formatPercent(value) : formatFraction(value);
    }),
  );
  return (
    <div className="series-legend">
      <h3 id="vitals-legend-heading">Vital signs</h3>
      <ul className="legend" aria-labelledby="vitals-legend-heading">
        {VITAL_SERIES.map((s, i) => {
          const style = VITAL_STYLE[s.key] ?? FALLBACK_STYLE;
          return (
            <li key={s.key} className="legend-row">
              <span className="legend-item legend-static">
                <Swatch style={style} series={s.key} />
                {style.short || s.label}
              </span>
              <span className="legend-value">{values[i]}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The fan bands' legend swatch: a shaded band with its dashed median, per series. */
export function FanSwatch() {
  return (
    <svg width="34" height="12" aria-hidden="true" className="trend-fan-swatch">
      {FAN_SWATCH.map((key, i) => {
        const color = (SERIES_STYLE[key] ?? FALLBACK_STYLE).color;
        const x = i * 18;
        return (
          <g key={key}>
            <rect x={x} y={1} width={16} height={10} rx={2} fill={color} fillOpacity={0.28} />
            <line
              x1={x + 1}
              x2={x + 15}
              y1={6}
              y2={6}
              stroke={color}
              strokeWidth={1.5}
              strokeDasharray="3 2"
            />
          </g>
        );
      })}
    </svg>
  );
}

/** The paths left's legend swatch: a faint dashed line. */
export function PathSwatch() {
  const color = (SERIES_STYLE.coreTempC ?? FALLBACK_STYLE).color;
  return (
    <svg width="22" height="10" aria-hidden="true" className="trend-paths-swatch">
      <line className="trend-left-path" x1="1" x2="21" y1="5" y2="5" stroke={color} />
    </svg>
  );
}

function Swatch({ style, series }: { style: SeriesStyle; series: string }) {
  return (
    <svg width="18" height="10" aria-hidden="true">
      <line
        data-swatch={series}
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
