// The class debrief, for the projector: anonymous unless the instructor shows names. The outcome
// spread (survival, neurological outcome, brain cells lost, score), the objectives met by how many,
// every learner's brain-temperature line against the expert's, the most common mistakes and when
// they happened, one CSV of the results and a zip of every learner's run log.

import { median as d3Median } from 'd3-array';
import { formatClock } from '../../../models/index.ts';
import { learnerLabel, type ClassDebrief } from '../../classroom/protocol.ts';

const W = 760;
const H = 300;
const PAD = { left: 44, right: 12, top: 10, bottom: 28 };
const COLORS = ['#4cc9f0', '#f4a261', '#5bd69b', '#c792ea', '#ff7b7b', '#ffd166', '#82aaff'];

/** The median (d3-array's); NaN when there are no values. */
function median(values: readonly number[]): number {
  return d3Median(values) ?? Number.NaN;
}

function BrainLines({ debrief, showNames }: { debrief: ClassDebrief; showNames: boolean }) {
  const lines = debrief.learners.map((l) => l.brainLine);
  const expert = debrief.expert?.brainLine ?? [];
  const all = [...lines.flat(), ...expert];
  if (all.length === 0) return null;
  const maxN = Math.max(2, ...lines.map((l) => l.length), expert.length);
  const maxS = (maxN - 1) * debrief.lineEveryS;
  const lo = Math.floor(Math.min(...all) - 0.5);
  const hi = Math.ceil(Math.max(...all) + 0.5);
  const x = (i: number) =>
    PAD.left + ((i * debrief.lineEveryS) / maxS) * (W - PAD.left - PAD.right);
  const y = (c: number) => PAD.top + ((hi - c) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const path = (line: readonly number[]) =>
    line.map((c, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(c).toFixed(1)}`).join('');
  const yTicks: number[] = [];
  const stepC = Math.max(1, Math.ceil((hi - lo) / 6));
  for (let c = lo; c <= hi; c += stepC) yTicks.push(c);
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maxS);
  return (
    <figure className="class-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label="Each learner's brain temperature over time, with the expert's run dashed"
        data-testid="class-brain-lines"
      >
        {yTicks.map((c) => (
          <g key={c}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(c)} y2={y(c)} className="grid" />
            <text x={PAD.left - 6} y={y(c) + 4} textAnchor="end">
              {c}
            </text>
          </g>
        ))}
        {xTicks.map((s, i) => (
          <text
            key={s}
            x={PAD.left + (s / maxS) * (W - PAD.left - PAD.right)}
            y={H - 8}
            textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
          >
            {formatClock(s, true)}
          </text>
        ))}
        {expert.length > 1 && <path d={path(expert)} className="expert" />}
        {lines.map((line, i) =>
          line.length > 1 ? (
            <path key={i} d={path(line)} className="learner" stroke={COLORS[i % COLORS.length]} />
          ) : null,
        )}
      </svg>
      <figcaption>
        Brain temperature, °C, of each learner
        {debrief.expert ? '; the expert’s run dashed' : ''}.{' '}
        {debrief.learners.map((l, i) => (
          <span
            key={l.number}
            className="class-legend"
            style={{ color: COLORS[i % COLORS.length] }}
          >
            ■ {learnerLabel(l, showNames)}{' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

function downloadZip(base64: string, fileName: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloadCsv(csv: string, title: string): void {
  const blob = new Blob([csv], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'class'}-results.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ClassDebriefView({
  debrief,
  showNames,
  onShowNames,
  onBack,
}: {
  debrief: ClassDebrief;
  showNames: boolean;
  onShowNames: (on: boolean) => void;
  onBack: () => void;
}) {
  const n = debrief.learners.length;
  const survived = debrief.learners.filter((l) => l.survived).length;
  const cpc = [1, 2, 3, 4, 5].map((c) => debrief.learners.filter((l) => l.cpc === c).length);
  const lost = debrief.learners.map((l) => l.brainLost * 100);
  const scores = debrief.learners.map((l) => l.score).filter((s): s is number => s !== null);
  return (
    <main className="class-projector class-debrief" data-testid="class-debrief">
      <header className="class-console-head">
        <div>
          <p className="class-brand">ColdBoot · class debrief</p>
          <h1>{debrief.title}</h1>
        </div>
        <div className="class-console-meta">
          <label className="class-check">
            <input
              type="checkbox"
              checked={showNames}
              onChange={(e) => onShowNames(e.target.checked)}
            />
            Show names
          </label>
          <button
            type="button"
            className="button"
            onClick={() => downloadCsv(debrief.csv, debrief.title)}
            data-testid="download-csv"
          >
            Download results (CSV)
          </button>
          <button
            type="button"
            className="button"
            onClick={() => downloadZip(debrief.zip, debrief.zipName)}
            data-testid="download-zip"
            title="Every learner's run log (each replays with coldboot debrief), the scenario and the results"
          >
            Run logs (zip)
          </button>
          <button type="button" className="button" onClick={onBack}>
            Console
          </button>
        </div>
      </header>
      <div className="class-debrief-grid">
        <section className="panel class-debrief-outcome" aria-labelledby="class-outcome">
          <h2 id="class-outcome">Outcome</h2>
          {n === 0 ? (
            <p className="muted">Nobody joined.</p>
          ) : (
            <>
              <p className="class-big" data-testid="class-survived">
                {survived} of {n} survived
              </p>
              <div className="class-bars" aria-label="Neurological outcome (CPC)">
                {cpc.map((count, i) => (
                  <div key={i} className="class-bar-row">
                    <span>CPC {i + 1}</span>
                    <span className="class-bar-track">
                      <span className="class-bar-fill" style={{ width: `${(100 * count) / n}%` }} />
                    </span>
                    <span className="num">{count}</span>
                  </div>
                ))}
              </div>
              <p>
                Brain cells lost: median {median(lost).toFixed(1)} % (from{' '}
                {Math.min(...lost).toFixed(1)} to {Math.max(...lost).toFixed(1)} %)
                {scores.length > 0 ? `; score median ${median(scores).toFixed(0)} of 100` : ''}.
              </p>
            </>
          )}
        </section>
        <section className="panel class-debrief-objectives" aria-labelledby="class-objectives">
          <h2 id="class-objectives">Objectives met</h2>
          {debrief.objectives.length === 0 ? (
            <p className="muted">This scenario has no objectives.</p>
          ) : (
            <ul className="class-objectives" data-testid="class-objectives">
              {debrief.objectives.map((o) => (
                <li key={o.id}>
                  <span className="class-bar-track">
                    <span
                      className="class-bar-fill"
                      style={{ width: `${n > 0 ? (100 * o.met) / n : 0}%` }}
                    />
                  </span>
                  <span className="num">
                    {o.met}/{n}
                  </span>
                  <span>{o.text}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel class-debrief-mistakes" aria-labelledby="class-mistakes">
          <h2 id="class-mistakes">Most common mistakes</h2>
          {debrief.mistakes.length === 0 ? (
            <p className="muted">None: no teaching rule raised a mistake, no objective missed.</p>
          ) : (
            <ul className="class-mistakes" data-testid="class-mistakes">
              {debrief.mistakes.slice(0, 6).map((m) => (
                <li key={m.id} data-mistake={m.id} data-learners={m.learners}>
                  <span className="class-bar-track">
                    <span
                      className="class-bar-fill"
                      style={{ width: `${n > 0 ? (100 * m.learners) / n : 0}%` }}
                    />
                  </span>
                  <span className="num">
                    {m.learners}/{n}
                  </span>
                  <span className="num" title="Median of the learners' first times">
                    {m.medianS !== null ? `at ${formatClock(m.medianS)}` : ''}
                  </span>
                  <span>{m.text}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="panel class-debrief-chart" aria-label="Brain temperature">
          <BrainLines debrief={debrief} showNames={showNames} />
        </section>
        <section className="panel class-debrief-table" aria-labelledby="class-learners">
          <h2 id="class-learners">Learners</h2>
          <table className="class-table">
            <thead>
              <tr>
                <th scope="col">Learner</th>
                <th scope="col">Until</th>
                <th scope="col">Survived</th>
                <th scope="col">CPC</th>
                <th scope="col">Brain lost</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {debrief.learners.map((l) => (
                <tr key={l.number} data-testid="class-result">
                  <th scope="row">
                    {learnerLabel(l, showNames)}
                    {l.flagged ? (
                      <span className="class-flag" title={l.flagged}>
                        {' '}
                        ⚑ flagged
                      </span>
                    ) : null}
                  </th>
                  <td className="num">{formatClock(l.endS, true)}</td>
                  <td>{l.survived ? 'yes' : 'no'}</td>
                  <td className="num">{l.cpc}</td>
                  <td className="num">{(l.brainLost * 100).toFixed(1)} %</td>
                  <td className="num">{l.score ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </main>
  );
}
