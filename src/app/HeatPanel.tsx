// Surroundings and heat balance: where the patient is, the core-temperature band, and the heat made
// and lost. (Every compartment's temperature now is in the trend legend; the probes are on the
// monitor.)

import type { Snapshot } from '../../models/index.ts';
import { formatTemperature, type TemperatureUnit } from '../state/units.ts';
import { useAppView } from './store-context.tsx';

/** Traditional core-temperature bands of accidental hypothermia, °C. */
export function coreBand(coreC: number): { label: string; tone: string } {
  if (coreC >= 35) return { label: 'Normothermia', tone: 'ok' };
  if (coreC >= 32) return { label: 'Mild hypothermia', tone: 'mild' };
  if (coreC >= 28) return { label: 'Moderate hypothermia', tone: 'moderate' };
  return { label: 'Severe hypothermia', tone: 'severe' };
}

/** What the panel shows: texts only, so a tick that changes none of them does not re-render it. */
interface HeatView {
  readonly band: { label: string; tone: string };
  readonly medium: string;
  readonly temperature: string;
  readonly detail: string;
  readonly balance: readonly { label: string; value: string }[];
}

function heatView(snapshot: Snapshot | null, unit: TemperatureUnit): HeatView | null {
  if (snapshot === null) return null;
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
  return {
    band: coreBand(snapshot.coreTempC),
    medium: env.medium === 'water' ? 'In water' : 'In air',
    temperature: formatTemperature(env.temperatureC, unit),
    detail,
    balance: [
      { label: 'Heat made', value: `${snapshot.metabolicHeatW.toFixed(0)} W` },
      { label: 'Heat lost', value: `${snapshot.heatLossW.toFixed(0)} W` },
      { label: 'Shivering', value: `${Math.round(snapshot.shivering * 100)} %` },
      { label: 'Skin blood flow', value: `${Math.round(snapshot.skinBloodFlowFraction * 100)} %` },
      { label: 'Cardiac output', value: `${snapshot.cardiacOutputLPerMin.toFixed(1)} L/min` },
      { label: 'Fat shell', value: formatTemperature(snapshot.shellTempC, unit) },
    ],
  };
}

export function HeatPanel() {
  const view = useAppView((s) => heatView(s.snapshot, s.unit));
  return (
    <section className="panel heat" aria-labelledby="heat-heading">
      <div className="panel-heading">
        <h2 id="heat-heading">Heat</h2>
        {view && (
          <span className={`band band-${view.band.tone}`} data-testid="core-band">
            {view.band.label}
          </span>
        )}
      </div>
      {view ? (
        <>
          <p className="surroundings">
            <span className="surroundings-medium">{view.medium}</span>{' '}
            <span className="surroundings-temp" data-testid="reading-environment">
              {view.temperature}
            </span>
            <span className="surroundings-detail" data-testid="environment-detail">
              {' '}
              · {view.detail}
            </span>
          </p>
          <dl className="balance" aria-label="Heat balance">
            {view.balance.map((i) => (
              <div key={i.label} className="balance-item">
                <dt>{i.label}</dt>
                <dd>{i.value}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="muted">No patient yet.</p>
      )}
    </section>
  );
}
