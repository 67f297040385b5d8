// Brain cells: how many are viable, at risk or autolysed (a stacked bar with numbers), the brain's
// energy and derangement, and the self-check that decides whether cells out of spec self-destruct.
// Below, the heart's and the hands' and feet's cells, and frostbite.

import { SELF_CHECK_EXPLANATION, selectCells } from '../state/patient.ts';
import { useAppView } from './store-context.tsx';

const PARTS = [
  {
    key: 'viable',
    label: 'Viable',
    title: 'Working cells, or cells that will recover',
  },
  {
    key: 'atRisk',
    label: 'At risk',
    title: 'Deranged by lack of energy: they die if the self-check runs before they recover',
  },
  {
    key: 'autolysed',
    label: 'Autolysed',
    title: 'Dead: the cell has digested itself',
  },
] as const;

/** The bar's width of a share, as drawn (to 0.001 %). */
const width = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/**
 * What the panel shows: the texts, and the bar's widths as drawn rather than the shares themselves
 * (they change a little with every tick), so a tick that changes nothing shown does not re-render it.
 */
function cellsView(...args: Parameters<typeof selectCells>) {
  const cells = selectCells(...args);
  if (!cells) return null;
  const { viable, atRisk, autolysed, selfCheck: _selfCheck, ...texts } = cells;
  return {
    ...texts,
    width: { viable: width(viable), atRisk: width(atRisk), autolysed: width(autolysed) },
  };
}

export function CellsPanel() {
  // The panel's numbers and texts: it re-renders when one of them changes, not on every tick.
  const cells = useAppView((s) => cellsView(s.snapshot, s.unit));

  return (
    <section className="panel cells" aria-labelledby="cells-heading">
      <h2 id="cells-heading">Brain cells</h2>
      {!cells ? (
        <p className="muted">No patient yet.</p>
      ) : (
        <>
          <div
            className="cell-bar"
            role="img"
            aria-label={`Brain cells: viable ${cells.viableText}, at risk ${cells.atRiskText}, autolysed ${cells.autolysedText}`}
            data-testid="brain-cell-bar"
          >
            {PARTS.map((p) => (
              <span
                key={p.key}
                className={`cell-segment cell-${p.key}`}
                style={{ width: cells.width[p.key] }}
              />
            ))}
          </div>
          <dl className="cell-legend">
            {PARTS.map((p) => (
              <div key={p.key} className={`cell-legend-item cell-legend-${p.key}`} title={p.title}>
                <dt>
                  <span className={`cell-swatch cell-${p.key}`} aria-hidden="true" />
                  {p.label}
                </dt>
                <dd data-testid={`brain-${p.key}`}>{cells[`${p.key}Text`]}</dd>
              </div>
            ))}
          </dl>
          <dl className="cell-stats">
            <div title="Energy (ATP) of the brain's cells relative to normal">
              <dt>Energy</dt>
              <dd>{cells.energyText}</dd>
            </div>
            <div title="How long the cells have lacked energy, in equivalent minutes of warm energy failure">
              <dt>Derangement</dt>
              <dd>
                {cells.derangementText}
                <span className="cell-stat-note"> warm-eq.</span>
              </dd>
            </div>
            <div title="How active the cells' self-check is at the brain's temperature">
              <dt>Self-check</dt>
              <dd data-testid="brain-self-check">{cells.selfCheckText}</dd>
            </div>
          </dl>
          <div
            className={`self-check self-check-${cells.selfCheckPhase}`}
            title={SELF_CHECK_EXPLANATION}
          >
            <p className="self-check-words" data-testid="self-check-words">
              {cells.selfCheckWords}
            </p>
          </div>
          <p className="organs" data-testid="organs">
            <span>
              Heart <strong>{cells.heartViableText}</strong>
            </span>
            <span>
              Hands/feet <strong>{cells.extremityViableText}</strong>
            </span>
            <span className={cells.frostbiteText ? 'organs-frostbite' : undefined}>
              Frostbite <strong>{cells.frostbiteText ?? 'none'}</strong>
            </span>
          </p>
        </>
      )}
    </section>
  );
}
