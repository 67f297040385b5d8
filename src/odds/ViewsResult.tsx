// "Under each view": a table of brain cells lost (median and 5–95 %) for one or two plans at each
// point of the balance between the essay's view and the conventional one, the winner of each row and
// the verdict in words (models/ensemble/views.ts). Used by the odds dialog and the debrief.

import { compareViews, viewVerdict, type ViewOutcome } from '../../models/ensemble/views.ts';

const pct = (x: number) => `${Math.round(x * 100)} %`;

function LostCell({ outcome }: { outcome: ViewOutcome }) {
  return (
    <td>
      <strong>{pct(outcome.lost.p50)}</strong>{' '}
      <span className="muted">
        ({pct(outcome.lost.p5)}–{pct(outcome.lost.p95)})
      </span>
      <br />
      <span className="muted">good outcome {pct(outcome.goodOutcome)}</span>
    </td>
  );
}

export function ViewsResult({
  yours,
  expert,
  yoursName = 'Your plan',
  expertName = "The expert's plan",
  caption,
}: {
  yours: readonly ViewOutcome[];
  /** The expert's plan on the same worlds, or null when the scenario has none. */
  expert: readonly ViewOutcome[] | null;
  yoursName?: string;
  expertName?: string;
  /** What was replayed, in words. */
  caption: string;
}) {
  const comparisons = expert ? compareViews(yours, expert) : null;
  const verdict = comparisons
    ? viewVerdict(comparisons, [yoursName.toLowerCase(), expertName.toLowerCase()]).at(-1)
    : null;
  const members = yours[0]?.members ?? 0;
  return (
    <div className="views-result" data-testid="views-result">
      <h3>Under each view</h3>
      <p className="muted">
        {caption} Each row holds the balance between the two views of brain-cell death (0: the
        essay&apos;s, cells without energy are dormant and die when oxygen returns while they are
        warm; 1: the conventional, they die of warm ischaemia within minutes) and draws {members}{' '}
        patients from every other uncertain parameter, the same patients in every row. Brain cells
        lost: median (5–95 %).
      </p>
      {verdict && (
        <p className="views-verdict" data-testid="views-verdict">
          {verdict}
        </p>
      )}
      <table className="sweep-table views-table">
        <caption className="visually-hidden">Brain cells lost under each view</caption>
        <thead>
          <tr>
            <th scope="col">View (balance)</th>
            <th scope="col">{yoursName}</th>
            {expert && <th scope="col">{expertName}</th>}
            {comparisons && <th scope="col">Less brain lost</th>}
          </tr>
        </thead>
        <tbody>
          {yours.map((row, i) => {
            const c = comparisons?.[i];
            return (
              <tr key={row.view.balance}>
                <th scope="row">
                  {row.view.name} ({row.view.balance})
                </th>
                <LostCell outcome={row} />
                {expert && <LostCell outcome={expert[i]!} />}
                {c && (
                  <td>
                    {c.winner === 'tie'
                      ? 'about the same'
                      : c.winner === 'first'
                        ? yoursName
                        : expertName}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
