// The body map: a figure coloured by the temperature of each compartment of the model (brain, heart,
// core organs, trunk muscle, limbs, skin and fat, hands and feet), with a legend in °C or °F on the
// landmarks the app teaches, and frostbite marked on the hands and feet.

import './monitor.css';
import { useId } from 'react';
import type { Snapshot } from '../../../models/index.ts';
import { useAppView } from '../store-context.tsx';
import {
  formatTemperature,
  toDisplayUnit,
  unitSymbol,
  type TemperatureUnit,
} from '../../state/units.ts';
import { LANDMARKS, legendStops, temperatureColour } from './bodyColours.ts';

/** The compartments drawn, in the order of the list beside the figure. */
const REGIONS = [
  { key: 'brainTempC', label: 'Brain' },
  { key: 'heartTempC', label: 'Heart' },
  { key: 'coreTempC', label: 'Core organs' },
  { key: 'muscleTempC', label: 'Trunk muscle' },
  { key: 'limbTempC', label: 'Limbs' },
  { key: 'shellTempC', label: 'Skin and fat' },
  { key: 'extremityTempC', label: 'Hands and feet' },
  { key: 'bloodTempC', label: 'Blood' },
] as const;

type RegionKey = (typeof REGIONS)[number]['key'];

const LEGEND_FROM_C = 10;
const LEGEND_TO_C = 40;

/**
 * What the map shows: each compartment's colour and temperature as written, and the frostbite
 * text, so a tick that changes neither colour nor text does not re-render it.
 */
function bodyMapView(snapshot: Snapshot | null, unit: TemperatureUnit) {
  if (!snapshot) return null;
  const regions = Object.fromEntries(
    REGIONS.map((r) => [
      r.key,
      { fill: temperatureColour(snapshot[r.key]), text: formatTemperature(snapshot[r.key], unit) },
    ]),
  ) as Record<RegionKey, { readonly fill: string; readonly text: string }>;
  const frostbite = snapshot.frostbiteFraction > 0.001 || snapshot.extremityFrozenFraction > 0.001;
  const frostbiteText = frostbite
    ? `frostbite: ${(100 * Math.max(snapshot.frostbiteFraction, snapshot.extremityFrozenFraction)).toFixed(0)} % of the hands and feet`
    : '';
  return { unit, regions, frostbite, frostbiteText };
}

export function BodyMap() {
  const id = useId().replace(/:/g, '');
  const view = useAppView((s) => bodyMapView(s.snapshot, s.unit));
  if (!view) {
    return (
      <section className="panel body-map" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Body temperatures</h2>
        <p className="muted">No patient yet.</p>
      </section>
    );
  }
  const { unit, regions, frostbite, frostbiteText } = view;
  const fill = (key: RegionKey) => regions[key].fill;
  const label = (key: RegionKey) =>
    `${REGIONS.find((r) => r.key === key)!.label} ${regions[key].text}`;
  const summary =
    REGIONS.map((r) => label(r.key)).join(', ') + (frostbite ? `; ${frostbiteText}` : '');
  const shell = fill('shellTempC');
  const hatch = `${id}-frost`;
  const gradient = `${id}-legend`;

  return (
    <section className="panel body-map" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Body temperatures</h2>
      <div className="body-map-content">
        <svg
          className="body-figure"
          viewBox="0 0 200 330"
          role="img"
          aria-label={`Body map: ${summary}`}
          data-testid="body-map"
        >
          <defs>
            <pattern
              id={hatch}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill="transparent" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeWidth="2.4" />
            </pattern>
          </defs>
          {/* Limbs under the trunk, so the trunk's outline covers the joins. */}
          <g stroke={shell} strokeWidth="5" strokeLinejoin="round">
            <rect x="30" y="82" width="24" height="110" rx="11" fill={fill('limbTempC')}>
              <title>{label('limbTempC')}</title>
            </rect>
            <rect x="146" y="82" width="24" height="110" rx="11" fill={fill('limbTempC')}>
              <title>{label('limbTempC')}</title>
            </rect>
            <rect x="68" y="190" width="28" height="112" rx="12" fill={fill('limbTempC')}>
              <title>{label('limbTempC')}</title>
            </rect>
            <rect x="104" y="190" width="28" height="112" rx="12" fill={fill('limbTempC')}>
              <title>{label('limbTempC')}</title>
            </rect>
          </g>
          <g className="body-extremities" stroke={shell} strokeWidth="3">
            {[
              <circle key="lh" cx="42" cy="203" r="12" />,
              <circle key="rh" cx="158" cy="203" r="12" />,
              <ellipse key="lf" cx="80" cy="312" rx="17" ry="10" />,
              <ellipse key="rf" cx="120" cy="312" rx="17" ry="10" />,
            ].map((shape) => (
              <g key={shape.key} fill={fill('extremityTempC')}>
                {shape}
              </g>
            ))}
            <title>{label('extremityTempC')}</title>
          </g>
          {frostbite && (
            <g fill={`url(#${hatch})`} data-testid="body-map-frostbite">
              <circle cx="42" cy="203" r="12" />
              <circle cx="158" cy="203" r="12" />
              <ellipse cx="80" cy="312" rx="17" ry="10" />
              <ellipse cx="120" cy="312" rx="17" ry="10" />
              <title>{frostbiteText}</title>
            </g>
          )}
          {/* Trunk: muscle inside a skin-and-fat outline, the core organs and the heart within. */}
          <path
            d="M62 78 Q100 66 138 78 L146 92 L140 196 Q100 206 60 196 L54 92 Z"
            fill={fill('muscleTempC')}
            stroke={shell}
            strokeWidth="6"
            strokeLinejoin="round"
          >
            <title>{`${label('muscleTempC')}; outline: ${label('shellTempC')}`}</title>
          </path>
          <ellipse cx="100" cy="148" rx="27" ry="36" fill={fill('coreTempC')}>
            <title>{label('coreTempC')}</title>
          </ellipse>
          <path
            d="M100 124 C86 112 74 102 84 92 C90 86 98 90 100 96 C102 90 110 86 116 92 C126 102 114 112 100 124 Z"
            fill={fill('heartTempC')}
            stroke="#0a0f15"
            strokeWidth="1.5"
          >
            <title>{label('heartTempC')}</title>
          </path>
          {/* Neck and head: the brain inside the head's skin. */}
          <rect x="90" y="58" width="20" height="16" fill={shell} />
          <circle cx="100" cy="34" r="28" fill={shell}>
            <title>{`Head (skin follows the skin-and-fat outline)`}</title>
          </circle>
          <ellipse cx="100" cy="32" rx="20" ry="18" fill={fill('brainTempC')}>
            <title>{label('brainTempC')}</title>
          </ellipse>
        </svg>
        <div className="body-map-side">
          <dl className="body-map-list">
            {REGIONS.map((r) => (
              <div key={r.key} className="body-map-row">
                <dt>
                  <span
                    className="body-map-swatch"
                    style={{ background: fill(r.key) }}
                    aria-hidden="true"
                  />
                  {r.label}
                </dt>
                <dd data-testid={`body-${r.key}`}>{regions[r.key].text}</dd>
              </div>
            ))}
          </dl>
          {frostbite && (
            <p className="body-map-frostbite tone-danger" role="note">
              Frostbite: {frostbiteText.replace(/^frostbite: /, '')}
            </p>
          )}
          <Legend gradientId={gradient} unit={unit} />
        </div>
      </div>
    </section>
  );
}

function Legend({ gradientId, unit }: { gradientId: string; unit: TemperatureUnit }) {
  const width = 180;
  const x = (c: number) => ((c - LEGEND_FROM_C) / (LEGEND_TO_C - LEGEND_FROM_C)) * width;
  return (
    <svg
      className="body-map-legend"
      viewBox={`-6 0 ${width + 12} 40`}
      role="img"
      aria-label={`Colour scale from ${formatTemperature(LEGEND_FROM_C, unit, 0)} (dark blue) to ${formatTemperature(LEGEND_TO_C, unit, 0)} (red); ${LANDMARKS.map((l) => `${formatTemperature(l.tempC, unit, 0)} ${l.label}`).join(', ')}`}
    >
      <defs>
        <linearGradient id={gradientId}>
          {legendStops(LEGEND_FROM_C, LEGEND_TO_C).map((s) => (
            <stop key={s.offset} offset={s.offset} stopColor={s.colour} />
          ))}
        </linearGradient>
      </defs>
      <rect x="0" y="2" width={width} height="10" rx="2" fill={`url(#${gradientId})`} />
      {LANDMARKS.map((l) => (
        <g key={l.tempC} transform={`translate(${x(l.tempC)},0)`}>
          <line y1="0" y2="16" stroke="#e6edf3" strokeWidth="1" />
          <text y="27" textAnchor="middle" fontSize="9" fill="#c9d5e1">
            {Math.round(toDisplayUnit(l.tempC, unit))}
          </text>
        </g>
      ))}
      <text x={width} y="38" textAnchor="end" fontSize="8" fill="#9fb0c3">
        {unitSymbol(unit)}
      </text>
    </svg>
  );
}
