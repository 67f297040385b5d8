// The current temperatures, in the chosen unit, with the surroundings and the heat balance.

import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Snapshot } from '../../models/index.ts';
import { selectReadings } from '../state/store.ts';
import { formatTemperature, type TemperatureUnit } from '../state/units.ts';
import { SERIES_STYLE } from './series.ts';
import { useAppStore } from './store-context.tsx';

/** Traditional core-temperature bands of accidental hypothermia, °C. */
function coreBand(coreC: number): { label: string; tone: string } {
  if (coreC >= 35) return { label: 'Normothermia', tone: 'ok' };
  if (coreC >= 32) return { label: 'Mild hypothermia', tone: 'mild' };
  if (coreC >= 28) return { label: 'Moderate hypothermia', tone: 'moderate' };
  return { label: 'Severe hypothermia', tone: 'severe' };
}

const COLOR_OF: Record<string, string | undefined> = {
  brain: SERIES_STYLE.brainTempC?.color,
  heart: SERIES_STYLE.heartTempC?.color,
  core: SERIES_STYLE.coreTempC?.color,
  muscle: SERIES_STYLE.muscleTempC?.color,
  skin: SERIES_STYLE.skinTempC?.color,
  extremity: SERIES_STYLE.extremityTempC?.color,
  blood: SERIES_STYLE.bloodTempC?.color,
};

export function TemperaturePanel() {
  const { snapshot, unit } = useAppStore(
    useShallow((s) => ({ snapshot: s.snapshot, unit: s.unit })),
  );
  const readings = useMemo(() => selectReadings(snapshot, unit), [snapshot, unit]);
  const band = snapshot ? coreBand(snapshot.coreTempC) : null;

  return (
    <section className="panel temperatures" aria-labelledby="temps-heading">
      <div className="panel-heading">
        <h2 id="temps-heading">Temperatures</h2>
        {band && (
          <span className={`band band-${band.tone}`} data-testid="core-band">
            {band.label}
          </span>
        )}
      </div>
      <dl className="readings">
        {readings.map((r) => (
          <div
            key={r.id}
            className={`reading reading-${r.id}`}
            data-reading={r.id}
            style={COLOR_OF[r.id] ? { borderTopColor: COLOR_OF[r.id] } : undefined}
          >
            <dt>
              {r.label}
              {r.id === 'environment' && snapshot && ` · ${snapshot.environment.medium}`}
            </dt>
            <dd className="reading-value" data-testid={`reading-${r.id}`}>
              {r.text}
            </dd>
            {r.id === 'environment' && snapshot && <EnvironmentDetail snapshot={snapshot} />}
          </div>
        ))}
      </dl>
      {snapshot && <HeatBalance snapshot={snapshot} unit={unit} />}
    </section>
  );
}

function EnvironmentDetail({ snapshot }: { snapshot: Snapshot }) {
  const env = snapshot.environment;
  let detail: string;
  if (env.medium === 'water') {
    detail = !env.headUnderWater
      ? 'Head above water'
      : env.canBreathe
        ? 'Head under, air pocket'
        : 'Head under, not breathing';
  } else {
    detail = env.windMPerS > 0 ? `Wind ${Number(env.windMPerS.toFixed(1))} m/s` : 'Still air';
  }
  return (
    <dd className="reading-detail" data-testid="environment-detail" title={detail}>
      {detail}
    </dd>
  );
}

function HeatBalance({ snapshot, unit }: { snapshot: Snapshot; unit: TemperatureUnit }) {
  const items = [
    { label: 'Heat produced', value: `${snapshot.metabolicHeatW.toFixed(0)} W` },
    { label: 'Shivering', value: `${Math.round(snapshot.shivering * 100)} %` },
    { label: 'Heat lost', value: `${snapshot.heatLossW.toFixed(0)} W` },
    { label: 'Skin blood flow', value: `${Math.round(snapshot.skinBloodFlowFraction * 100)} %` },
    { label: 'Cardiac output', value: `${snapshot.cardiacOutputLPerMin.toFixed(1)} L/min` },
    { label: 'Skin and fat shell', value: formatTemperature(snapshot.shellTempC, unit) },
  ];
  return (
    <dl className="balance" aria-label="Heat balance">
      {items.map((i) => (
        <div key={i.label} className="balance-item">
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
