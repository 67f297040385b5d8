// Surroundings and heat balance: where the patient is, the core-temperature band, and the heat made
// and lost. (Every compartment's temperature now is in the trend legend; the probes are on the
// monitor.)

import { useShallow } from 'zustand/react/shallow';
import type { Snapshot } from '../../models/index.ts';
import { formatTemperature, type TemperatureUnit } from '../state/units.ts';
import { useAppStore } from './store-context.tsx';

/** Traditional core-temperature bands of accidental hypothermia, °C. */
export function coreBand(coreC: number): { label: string; tone: string } {
  if (coreC >= 35) return { label: 'Normothermia', tone: 'ok' };
  if (coreC >= 32) return { label: 'Mild hypothermia', tone: 'mild' };
  if (coreC >= 28) return { label: 'Moderate hypothermia', tone: 'moderate' };
  return { label: 'Severe hypothermia', tone: 'severe' };
}

export function HeatPanel() {
  const { snapshot, unit } = useAppStore(
    useShallow((s) => ({ snapshot: s.snapshot, unit: s.unit })),
  );
  const band = snapshot ? coreBand(snapshot.coreTempC) : null;

  return (
    <section className="panel heat" aria-labelledby="heat-heading">
      <div className="panel-heading">
        <h2 id="heat-heading">Heat</h2>
        {band && (
          <span className={`band band-${band.tone}`} data-testid="core-band">
            {band.label}
          </span>
        )}
      </div>
      {snapshot ? (
        <>
          <Surroundings snapshot={snapshot} unit={unit} />
          <HeatBalance snapshot={snapshot} unit={unit} />
        </>
      ) : (
        <p className="muted">No patient yet.</p>
      )}
    </section>
  );
}

function Surroundings({ snapshot, unit }: { snapshot: Snapshot; unit: TemperatureUnit }) {
  const env = snapshot.environment;
  let detail: string;
  if (env.medium === 'water') {
    detail = !env.headUnderWater
      ? 'head above water'
      : env.canBreathe
        ? 'head under, air pocket'
        : 'head under, not breathing';
  } else {
    detail = env.windMPerS > 0 ? `wind ${Number(env.windMPerS.toFixed(1))} m/s` : 'still air';
  }
  return (
    <p className="surroundings">
      <span className="surroundings-medium">{env.medium === 'water' ? 'In water' : 'In air'}</span>{' '}
      <span className="surroundings-temp" data-testid="reading-environment">
        {formatTemperature(env.temperatureC, unit)}
      </span>
      <span className="surroundings-detail" data-testid="environment-detail">
        {' '}
        · {detail}
      </span>
    </p>
  );
}

function HeatBalance({ snapshot, unit }: { snapshot: Snapshot; unit: TemperatureUnit }) {
  const items = [
    { label: 'Heat made', value: `${snapshot.metabolicHeatW.toFixed(0)} W` },
    { label: 'Heat lost', value: `${snapshot.heatLossW.toFixed(0)} W` },
    { label: 'Shivering', value: `${Math.round(snapshot.shivering * 100)} %` },
    { label: 'Skin blood flow', value: `${Math.round(snapshot.skinBloodFlowFraction * 100)} %` },
    { label: 'Cardiac output', value: `${snapshot.cardiacOutputLPerMin.toFixed(1)} L/min` },
    { label: 'Fat shell', value: formatTemperature(snapshot.shellTempC, unit) },
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
