// The debrief: computed in the debrief worker from the run's log (debriefRun), shown as a report:
// the outcome beside the expert's, each objective met or missed and why, a chart of brain and core
// temperature with the expert's run as a ghost, teaching points, what the case teaches, the
// comparison with the expert (with timing) and every action with the physiology just before it;
// when the learner rewound ("What if?"), the paths compared: each path left beside this run at the
// same moment (outcome, brain cells, the first action where they differ). The same report downloads
// as Markdown.

import { lazy, Suspense, useRef, useState, useEffect, type ReactNode, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  FAULT_LABELS,
  FAULT_RESPONSE_RULE,
  differenceText,
  momentText,
  pathHeading,
  remedyOf,
  runLogToJson,
  type Debrief,
  type DebriefAction,
  type Outcome,
  type PathComparison,
  type PathState,
} from '../../models/index.ts';
import { outputsInWords } from '../state/outputWords.ts';
import { runReplay } from '../state/replayRequest.ts';
import { logFileName } from '../state/runRecord.ts';
import {
  formatClock,
  formatFraction,
  formatTemperature,
  temperaturesInText,
  type TemperatureUnit,
} from '../state/units.ts';
import type { DebriefReport } from '../worker/debriefProtocol.ts';
import { BackToLibrary, ScreenHeader, useFocusTitle } from './Chrome.tsx';
import { DebriefChart, DebriefChartLegend } from './DebriefChart.tsx';
import { describeAction } from './describe.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { baseName, downloadChartsSvg, downloadText } from './files.ts';
import { useAppStore, useAppStoreApi } from './store-context.tsx';

// Loaded on first use: it runs the odds' Web Workers.
const DebriefViews = lazy(() => import('../odds/DebriefViews.tsx'));

export function DebriefScreen() {
  const store = useAppStoreApi();
  const { title, debrief, goTo, requestDebrief, unit, fileName } = useAppStore(
    useShallow((s) => ({
      title: s.title,
      debrief: s.debrief,
      goTo: s.goTo,
      requestDebrief: s.requestDebrief,
      unit: s.unit,
      fileName: s.fileName,
    })),
  );
  useFocusTitle();

  function exportLog() {
    const state = store.getState();
    const log = state.runLog();
    if (log)
      downloadText(
        runLogToJson(log),
        logFileName(state.fileName, state.snapshot?.tS ?? 0),
        'application/json',
      );
  }

  const report = debrief.status === 'ready' ? debrief.report : null;
  return (
    <>
      <ScreenHeader
        title={`Debrief: ${title}`}
        nav={
          <>
            <BackToLibrary />
            <button type="button" className="button button-ghost" onClick={() => goTo('run')}>
              <span aria-hidden="true">←</span> Back to the run
            </button>
          </>
        }
      >
        <button
          type="button"
          className="button"
          onClick={exportLog}
          title="The run's log (JSON): it replays the run exactly"
        >
          Export log
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!report}
          onClick={() =>
            report &&
            downloadText(report.markdown, `${baseName(fileName)}-debrief.md`, 'text/markdown')
          }
          data-testid="download-report"
        >
          Download report (Markdown)
        </button>
      </ScreenHeader>
      <main className="document-screen debrief-screen" aria-labelledby="screen-title">
        <ErrorBoundary area="Debrief">
          {debrief.status === 'computing' || debrief.status === 'idle' ? (
            <section className="panel debrief-wait" aria-busy="true" data-testid="debrief-busy">
              <h2>Preparing the debrief</h2>
              <p className="muted">
                Replaying your run and the expert’s run, step by step… The page stays usable.
              </p>
            </section>
          ) : debrief.status === 'error' ? (
            <section className="panel error-panel" role="alert">
              <h2>The debrief could not be prepared</h2>
              <pre className="error-text">{debrief.message}</pre>
              <button type="button" className="button" onClick={requestDebrief}>
                Try again
              </button>
            </section>
          ) : (
            report && <Report report={report} unit={unit} />
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}

function Report({ report, unit }: { report: DebriefReport; unit: TemperatureUnit }) {
  const { debrief } = report;
  const t = (text: string) => temperaturesInText(text, unit);
  const ended =
    debrief.endReason === 'condition'
      ? 'ended on its end condition'
      : debrief.endReason === 'time'
        ? 'ran to its end'
        : 'was stopped';
  return (
    <div className="debrief-report" data-testid="debrief">
      <p className="doc-summary">
        The run {ended} at <strong>{formatClock(debrief.endS)}</strong> (seed {debrief.seed}).
        {debrief.grade !== undefined && (
          <>
            {' '}
            Score: <strong data-testid="score">{debrief.grade.score} / 100</strong>
            {debrief.expert?.score !== undefined && <> (the expert: {debrief.expert.score})</>}.
          </>
        )}
      </p>
      <div className="debrief-grid">
        <div className="debrief-main">
          <OutcomeTable debrief={debrief} unit={unit} />
          {debrief.paths !== undefined && <PathsSection paths={debrief.paths} unit={unit} />}
          <ChartSection report={report} unit={unit} />
          {debrief.grade !== undefined && (
            <section className="panel" aria-labelledby="objectives-heading">
              <h2 id="objectives-heading">Objectives</h2>
              <ul className="objective-results" data-testid="objective-results">
                {debrief.grade.objectives.map((o) => (
                  <li key={o.id} className={o.met ? 'met' : 'missed'}>
                    <span className="objective-mark" aria-hidden="true">
                      {o.met ? '✓' : '✗'}
                    </span>
                    <div>
                      <p>
                        <strong>{o.met ? 'Met' : 'Missed'}:</strong> {t(o.text)}{' '}
                        <span className="weight">weight {o.weight}</span>
                      </p>
                      <p className="muted why">{t(outputsInWords(o.why))}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {debrief.faults !== undefined && <FaultsSection debrief={debrief} />}
        </div>
        <div className="debrief-side">
          <section className="panel" aria-labelledby="points-heading">
            <h2 id="points-heading">Teaching points</h2>
            <ul className="teaching-points" data-testid="teaching-points">
              {debrief.teachingPoints.map((p, i) => (
                <li key={`${p.id}-${i}`}>
                  {p.atS !== undefined && <time className="point-time">{formatClock(p.atS)}</time>}
                  <span>{t(p.text)}</span>
                </li>
              ))}
            </ul>
          </section>
          {debrief.teachingNotes && (
            <section className="panel" aria-labelledby="teaches-heading">
              <h2 id="teaches-heading">What this case teaches</h2>
              <p className="case-teaches">{t(debrief.teachingNotes.trim())}</p>
            </section>
          )}
          {debrief.expert && (
            <section className="panel" aria-labelledby="expert-heading">
              <h2 id="expert-heading">Compared with the expert</h2>
              {debrief.expert.note && <p className="expert-note">{t(debrief.expert.note)}</p>}
              <ul className="expert-points">
                {debrief.expert.points.map((p, i) => (
                  <li key={i}>{t(p)}</li>
                ))}
              </ul>
              {debrief.expert.timing.length > 0 && (
                <table className="data-table timing-table">
                  <caption>When each action was first done</caption>
                  <thead>
                    <tr>
                      <th scope="col">Action</th>
                      <th scope="col">You</th>
                      <th scope="col">Expert</th>
                    </tr>
                  </thead>
                  <tbody>
                    {debrief.expert.timing.map((row) => (
                      <tr key={row.action}>
                        <th scope="row">{row.action}</th>
                        <td>{row.learnerS === null ? '—' : formatClock(row.learnerS)}</td>
                        <td>{row.expertS === null ? '—' : formatClock(row.expertS)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          )}
          <ViewsPanel />
        </div>
      </div>
      <ActionsTable actions={debrief.actions} unit={unit} />
    </div>
  );
}

/** "Which view decides?": the run and the expert's plan under each view (src/odds/DebriefViews). */
function ViewsPanel() {
  const store = useAppStoreApi();
  const [run] = useState(() => runReplay(store.getState()));
  if (!run.scenario) return null;
  return (
    <Suspense fallback={null}>
      <DebriefViews {...run} scenario={run.scenario} />
    </Suspense>
  );
}

function OutcomeTable({ debrief, unit }: { debrief: Debrief; unit: TemperatureUnit }) {
  const expert = debrief.expert?.outcome;
  const rows: [string, (o: Outcome) => string][] = [
    ['Alive', (o) => (o.survived ? 'yes' : 'no')],
    ['Neurological outcome (CPC)', (o) => String(o.neuro_outcome_cpc)],
    ['Brain cells lost', (o) => formatFraction(o.brain_lost_fraction)],
    [
      'Return of circulation',
      (o) => (o.rosc_time_s === null ? 'none' : formatClock(o.rosc_time_s)),
    ],
    ['Lowest core temperature', (o) => formatTemperature(o.min_core_temp_c, unit)],
    ['Highest potassium', (o) => `${o.max_potassium_mmol_l.toFixed(1)} mmol/L`],
  ];
  return (
    <section className="panel" aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">Outcome</h2>
      <ComparisonTable
        rows={rows}
        corner={<span className="visually-hidden">Measure</span>}
        first={debrief.outcome}
        second={
          expert && {
            heading: debrief.endReason === null ? 'Expert (whole scenario)' : 'Expert',
            value: expert,
          }
        }
        testId="outcome"
      />
    </section>
  );
}

/**
 * A table of measures (`rows`: a label and how to read it) of this run, and of a second (the
 * expert's, a path left) beside it, muted, when there is one.
 */
function ComparisonTable<T>({
  rows,
  corner,
  first,
  second,
  testId,
  labelledBy,
}: {
  rows: readonly (readonly [string, (of: T) => string])[];
  corner: ReactNode;
  first: T;
  second: { heading: string; value: T } | undefined;
  testId?: string;
  labelledBy?: string;
}) {
  return (
    <table className="data-table outcome-table" data-testid={testId} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{corner}</th>
          <th scope="col">This run</th>
          {second && <th scope="col">{second.heading}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value(first)}</td>
            {second && <td className="muted-cell">{value(second.value)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "What if?": each path left by rewinding beside this run, at the same moment. */
function PathsSection({
  paths,
  unit,
}: {
  paths: readonly PathComparison[];
  unit: TemperatureUnit;
}) {
  const rows: [string, (p: PathState) => string][] = [
    ['Alive', (p) => (p.outcome.survived ? 'yes' : 'no')],
    ['Neurological outcome (CPC)', (p) => String(p.outcome.neuro_outcome_cpc)],
    ['Brain cells viable', (p) => formatFraction(p.brainViableFraction)],
    ['Brain cells lost', (p) => formatFraction(p.outcome.brain_lost_fraction)],
    ['Brain temperature', (p) => formatTemperature(p.brainTempC, unit)],
    ['Core temperature', (p) => formatTemperature(p.coreTempC, unit)],
    ['Rhythm', (p) => p.rhythm],
  ];
  const words = {
    describe: (action: DebriefAction['action']) => describeAction(action, unit),
    who: (source: DebriefAction['source']) => SOURCE_WORDS[source].toLowerCase(),
    clock: formatClock,
  };
  return (
    <section className="panel" aria-labelledby="paths-heading" data-testid="debrief-paths">
      <h2 id="paths-heading">Paths compared</h2>
      <p className="muted">
        You rewound {paths.length === 1 ? 'once' : `${paths.length} times`}. Each path you left is
        set beside this run at the same moment: the earlier of where the two stop.
      </p>
      {paths.map((p, i) => (
        <div key={i} className="path-comparison" data-testid="path-comparison">
          <h3 id={`path-heading-${i}`}>{pathHeading(p, words)}</h3>
          <p className="muted">{momentText(p, words)}</p>
          <ComparisonTable
            rows={rows}
            corner={`At ${formatClock(p.atS)}`}
            first={p.taken}
            second={{ heading: 'Path left', value: p.left }}
            labelledBy={`path-heading-${i}`}
          />
          <p className="path-difference" data-testid="path-difference">
            {differenceText(p, words)}
          </p>
        </div>
      ))}
    </section>
  );
}

/** Tracks an element's width. */
function useWidth(ref: RefObject<HTMLElement | null>, initial: number): number {
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth((prev) => (prev === w ? prev : Math.max(320, w)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function ChartSection({ report, unit }: { report: DebriefReport; unit: TemperatureUnit }) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 640);
  const fileName = useAppStore((s) => s.fileName);
  return (
    <section className="panel" aria-labelledby="chart-heading">
      <div className="panel-heading">
        <h2 id="chart-heading">Brain and core temperature</h2>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            const svg = box.current?.querySelector('svg');
            if (svg)
              downloadChartsSvg(
                [svg],
                `${report.debrief.title}: brain and core temperature`,
                `${baseName(fileName)}-debrief-chart.svg`,
              );
          }}
        >
          Chart SVG
        </button>
      </div>
      <div ref={box} className="debrief-chart-box">
        <DebriefChart
          run={report.run}
          {...(report.expert ? { expert: report.expert } : {})}
          unit={unit}
          width={width}
          height={260}
        />
      </div>
      <DebriefChartLegend expert={report.expert !== undefined} />
    </section>
  );
}

const SOURCE_WORDS = { scenario: 'Scenario', learner: 'You', instructor: 'Instructor' } as const;

function phys(a: DebriefAction, key: string): number | string | undefined {
  return a.physiology[key];
}

function ActionsTable({
  actions,
  unit,
}: {
  actions: readonly DebriefAction[];
  unit: TemperatureUnit;
}) {
  const shown = actions.filter((a) => a.action.do !== 'pause');
  const temp = (v: number | string | undefined) =>
    typeof v === 'number' ? formatTemperature(v, unit) : '—';
  const frac = (v: number | string | undefined) =>
    typeof v === 'number' ? formatFraction(v) : '—';
  return (
    <section className="panel actions-panel" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions and the physiology just before each</h2>
      {shown.length === 0 ? (
        <p className="muted">No actions.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} aria-labelledby="actions-heading">
          <table className="data-table actions-table" data-testid="debrief-actions">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">By</th>
                <th scope="col">Action</th>
                <th scope="col">Brain</th>
                <th scope="col">Core</th>
                <th scope="col">Heart</th>
                <th scope="col">Rhythm</th>
                <th scope="col">Arterial PO₂</th>
                <th scope="col">Brain energy</th>
                <th scope="col">Self-check</th>
                <th scope="col">Autolysed</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a, i) => {
                const po2 = phys(a, 'arterial_po2_mmhg');
                return (
                  <tr key={i} className={`by-${a.source}`}>
                    <td className="mono">{formatClock(a.atS)}</td>
                    <td>{SOURCE_WORDS[a.source]}</td>
                    <td>{describeAction(a.action, unit)}</td>
                    <td>{temp(phys(a, 'brain_temp_c'))}</td>
                    <td>{temp(phys(a, 'core_temp_c'))}</td>
                    <td>{temp(phys(a, 'heart_temp_c'))}</td>
                    <td>{String(phys(a, 'rhythm') ?? '—')}</td>
                    <td>{typeof po2 === 'number' ? `${Math.round(po2)} mmHg` : '—'}</td>
                    <td>{frac(phys(a, 'brain_energy'))}</td>
                    <td>{frac(phys(a, 'brain_self_check'))}</td>
                    <td>{frac(phys(a, 'brain_autolysed_fraction'))}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "2:05 after", from a fault's injection; `never` when it did not happen. */
function sinceFault(fromS: number, atS: number | null, never: string): string {
  return atS === null ? never : `${formatClock(atS - fromS)} after`;
}

/** Each heart-lung machine fault: when it came, its first alarm, when it was detected and fixed. */
function FaultsSection({ debrief }: { debrief: Debrief }) {
  return (
    <section className="panel" aria-labelledby="faults-heading" data-testid="debrief-faults">
      <h2 id="faults-heading">Faults: time to detect and to fix</h2>
      <p className="muted">{FAULT_RESPONSE_RULE}</p>
      <table className="data-table faults-table">
        <thead>
          <tr>
            <th scope="col">Fault</th>
            <th scope="col">First alarm</th>
            <th scope="col">Detected</th>
            <th scope="col">Fixed</th>
            <th scope="col">Remedies that did not fix it</th>
          </tr>
        </thead>
        <tbody>
          {debrief.faults!.map((f, i) => {
            const wrong = f.attempts.filter((a) => !a.fixed);
            return (
              <tr key={i}>
                <th scope="row">
                  {FAULT_LABELS[f.kind]}{' '}
                  <span className="muted">at {formatClock(f.injectedS)}</span>
                </th>
                <td>{sinceFault(f.injectedS, f.firstAlarmS, 'none')}</td>
                <td>
                  {sinceFault(f.injectedS, f.detectedS, 'not detected')}
                  {f.detectedBy !== null && <span className="muted"> ({f.detectedBy})</span>}
                </td>
                <td>
                  {sinceFault(f.injectedS, f.fixedS, 'not fixed')}
                  {f.fixedBy !== null && f.fixedBy !== 'learner' && (
                    <span className="muted"> (cleared by the {f.fixedBy})</span>
                  )}
                </td>
                <td>
                  {wrong.length === 0
                    ? '—'
                    : wrong
                        .map((a) => `${remedyOf(a.remedy).label} (${formatClock(a.atS)})`)
                        .join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
