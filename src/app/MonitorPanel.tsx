// The bedside monitor: heart rate and rhythm, blood pressure, saturation, potassium, the three
// temperature probes, breathing and consciousness. Big numbers in monitor colours; a tile turns
// amber or red when its value needs attention.

import { selectMonitor, type Vital } from '../state/patient.ts';
import { useAppView } from './store-context.tsx';

export function MonitorPanel() {
  // The monitor's texts and tones: it re-renders when one of them changes, not on every tick.
  const m = useAppView((s) => selectMonitor(s.snapshot, s.unit));

  return (
    <section
      className="panel monitor"
      aria-labelledby="monitor-heading"
      id="run-monitor"
      tabIndex={-1}
    >
      <h2 id="monitor-heading" className="visually-hidden">
        Bedside monitor
      </h2>
      <dl className="vitals vitals-circulation">
        <Tile
          vital={m.heartRate}
          className="vital-wide"
          detailTestId="monitor-rhythm"
          badge={m.cpr !== 'none' ? `CPR · ${m.cpr}` : undefined}
        />
        <Tile vital={m.map} />
        <Tile vital={m.spo2} />
        <Tile vital={m.potassium} />
      </dl>
      <dl className="vitals vitals-probes">
        {m.probes.map((p) => (
          <Tile key={p.id} vital={p} className="vital-probe" />
        ))}
        <Tile vital={m.breathing} className="vital-words" />
        <Tile vital={m.conscious} className="vital-words" />
      </dl>
    </section>
  );
}

interface TileProps {
  vital: Vital;
  className?: string;
  detailTestId?: string;
  badge?: string | undefined;
}

function Tile({ vital: v, className, detailTestId, badge }: TileProps) {
  return (
    <div
      className={`vital vital-${v.id} tone-${v.tone}${className ? ` ${className}` : ''}`}
      title={v.title || undefined}
    >
      <dt>
        {v.label}
        {badge && <span className="vital-badge">{badge}</span>}
      </dt>
      <dd className="vital-value" data-testid={`monitor-${v.id}`}>
        <span className="vital-number">{v.value}</span>
        {v.unit && <span className="vital-unit"> {v.unit}</span>}
      </dd>
      <dd className="vital-detail" data-testid={detailTestId ?? `monitor-${v.id}-detail`}>
        {v.detail || '\u00a0'}
      </dd>
    </div>
  );
}
