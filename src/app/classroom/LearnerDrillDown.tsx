// One learner followed live on the console: their brain and core temperature over time (as their
// page reported them to the server, about once a second) and their action log, newest first. A
// panel over the roster's right side, so the roster keeps its layout for 5 or 60 learners.

import { formatClock } from '../../../models/index.ts';
import type { FollowedLearner } from '../../classroom/consoleLink.ts';
import { learnerLabel, type LearnerRow, type TrendPoint } from '../../classroom/protocol.ts';

const W = 380;
const H = 190;
const PAD = { left: 34, right: 8, top: 8, bottom: 22 };

function TrendLines({ trend }: { trend: readonly TrendPoint[] }) {
  const values = trend.flatMap(([, b, c]) => [b, c]).filter((v): v is number => v !== null);
  if (trend.length < 2 || values.length === 0)
    return <p className="muted">The trend draws as the learner&apos;s run goes on.</p>;
  const t0 = trend[0]![0];
  const t1 = Math.max(t0 + 60, trend.at(-1)![0]);
  const lo = Math.floor(Math.min(...values) - 0.5);
  const hi = Math.ceil(Math.max(...values) + 0.5);
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (c: number) => PAD.top + ((hi - c) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const path = (index: 1 | 2) => {
    let d = '';
    let pen = 'M';
    for (const point of trend) {
      const v = point[index];
      if (v === null) {
        pen = 'M';
        continue;
      }
      d += `${pen}${x(point[0]).toFixed(1)},${y(v).toFixed(1)}`;
      pen = 'L';
    }
    return d;
  };
  const stepC = Math.max(1, Math.ceil((hi - lo) / 5));
  const ticks: number[] = [];
  for (let c = lo; c <= hi; c += stepC) ticks.push(c);
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="class-drill-chart"
      role="img"
      aria-label="Brain and core temperature over time"
      data-testid="drill-trend"
      data-points={trend.length}
    >
      {ticks.map((c) => (
        <g key={c}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(c)} y2={y(c)} className="grid" />
          <text x={PAD.left - 4} y={y(c) + 4} textAnchor="end">
            {c}
          </text>
        </g>
      ))}
      <text x={PAD.left} y={H - 6}>
        {formatClock(t0, true)}
      </text>
      <text x={W - PAD.right} y={H - 6} textAnchor="end">
        {formatClock(t1, true)}
      </text>
      <path d={path(2)} className="core" />
      <path d={path(1)} className="brain" />
    </svg>
  );
}

export function LearnerDrillDown({
  row,
  followed,
  showNames,
  onClose,
}: {
  row: LearnerRow;
  followed: FollowedLearner;
  showNames: boolean;
  onClose: () => void;
}) {
  const s = row.status;
  const actions = followed.actions.filter((a) => a.source !== 'scenario');
  return (
    <aside
      className="class-drill panel"
      aria-label={`${learnerLabel(row, showNames)}, live`}
      data-testid="drill-down"
      data-learner={row.number}
    >
      <header className="class-drill-head">
        <h2>
          {learnerLabel(row, showNames)}
          {row.group ? <span className="class-sub">group {row.group}</span> : null}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </header>
      <p className="class-drill-now">
        {s ? formatClock(s.tS, true) : '–'} · brain{' '}
        <strong className="brain">{s?.brainC != null ? `${s.brainC.toFixed(1)} °C` : '–'}</strong> ·
        core <strong className="core">{s?.coreC != null ? `${s.coreC.toFixed(1)} °C` : '–'}</strong>{' '}
        · {s?.rhythm || '–'}
        {s?.held != null ? ` · waiting at prompt ${s.held}` : ''}
      </p>
      <TrendLines trend={followed.trend} />
      <p className="class-drill-legend muted">
        <span className="brain">━ brain</span> <span className="core">━ core</span> °C, as the
        learner&apos;s page reported them
      </p>
      <h3>Actions ({actions.length})</h3>
      <ol className="class-drill-log" reversed data-testid="drill-log">
        {actions
          .slice()
          .reverse()
          .map((a, i) => (
            <li key={actions.length - i}>
              <span className="num">{formatClock(a.atS)}</span> {a.text}
            </li>
          ))}
      </ol>
    </aside>
  );
}
