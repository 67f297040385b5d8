// "What are the odds?": the learner's own run replayed across what is plausible. In the middle of a
// run it asks one of two questions: if the rest follows the expert's plan, or if nothing more is done
// (the only one without an expert run). An ensemble over the uncertain parameters (Web Workers, one
// per core, progress and cancel) gives the chance of survival, the neurological outcome, the brain
// cells lost and 5–95 % fan bands of the brain and core temperatures; the hypothesis sweep shows how
// the outcome depends on the temperature at which the cells' self-check stops, which nobody knows.

import './odds.css';
import { useEffect, useId, useRef, useState } from 'react';
import { area, line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import {
  CONTINUATION_LABELS,
  continuationActions,
  type Continuation,
  type EnsembleResult,
  type FanBand,
  type ReplayAction,
} from '../../models/ensemble/index.ts';
import { formatClock } from '../../models/core/clock.ts';
import type { HypothesisPoint } from '../../models/ensemble/hypothesis.ts';
import type { Scenario } from '../../models/index.ts';
import {
  formatHoursMinutes,
  formatTemperature,
  toDisplayUnit,
  unitSymbol,
  type TemperatureUnit,
} from '../state/units.ts';
import { runHypothesis, runOdds, runViews } from './runOdds.ts';
import { ViewsResult } from './ViewsResult.tsx';
import { VIEW_MEMBERS, VIEWS, type ViewOutcome } from '../../models/ensemble/views.ts';

interface Props {
  readonly scenario: Scenario | null;
  /** The run's actions so far (learner and instructor). */
  readonly actions: readonly ReplayAction[];
  /** The run's time when the odds are asked, s: the questions are about what happens after it. */
  readonly atS: number;
  /** The run has ended: its actions are all there is (no question about what comes next). */
  readonly finished: boolean;
  readonly seed: number;
  readonly unit: TemperatureUnit;
  /** Parameter values held in every member (the sandbox's edits). */
  readonly fixed?: Readonly<Record<string, number>>;
  /** Called with each finished ensemble (the run screen draws its fan bands on its trend chart). */
  readonly onResult?: (result: EnsembleResult, asked: Asked) => void;
}

/** What an odds run asked: which continuation, from when, and how many actions of each kind. */
export interface Asked {
  /** null when the run had ended: its own actions, nothing to continue. */
  readonly continuation: Continuation | null;
  readonly fromS: number;
  readonly runActions: number;
  readonly expertActions: number;
}

type Job =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly what: 'odds' | 'sweep' | 'views';
      done: number;
      total: number;
    }
  | { readonly kind: 'error'; readonly message: string };

const MEMBER_CHOICES = [200, 500, 1000] as const;

const CPC_LABELS: Record<string, string> = {
  '1': 'good recovery',
  '2': 'moderate disability',
  '3': 'severe disability',
  '4': 'coma',
  '5': 'death',
};

export function OddsPanel({
  scenario,
  actions,
  atS,
  finished,
  seed,
  unit,
  fixed,
  onResult,
}: Props) {
  const [members, setMembers] = useState<number>(500);
  const [job, setJob] = useState<Job>({ kind: 'idle' });
  const [odds, setOdds] = useState<{
    result: EnsembleResult;
    seconds: number;
    asked: Asked;
    endS: number;
  } | null>(null);
  const [sweep, setSweep] = useState<{
    points: readonly HypothesisPoint[];
    asked: Asked;
    endS: number;
  } | null>(null);
  const [views, setViews] = useState<{
    yours: readonly ViewOutcome[];
    expert: readonly ViewOutcome[] | null;
    asked: Asked;
    endS: number;
  } | null>(null);
  // In the middle of a run with an expert run, both questions; otherwise the only one there is.
  const canFollowExpert = scenario?.expert !== undefined && !finished;
  const [question, setQuestion] = useState<Continuation>(canFollowExpert ? 'expert' : 'nothing');
  const controller = useRef<AbortController | null>(null);

  // Stop any workers when the panel goes away.
  useEffect(() => () => controller.current?.abort(), []);

  const busy = job.kind === 'running';

  async function start(what: 'odds' | 'sweep' | 'views') {
    if (!scenario || busy) return;
    const abort = new AbortController();
    controller.current = abort;
    const hasExpert = scenario.expert !== undefined;
    const total =
      what === 'odds'
        ? members
        : what === 'views'
          ? VIEW_MEMBERS * VIEWS.length * (hasExpert ? 2 : 1)
          : 12;
    setJob({ kind: 'running', what, done: 0, total });
    const onProgress = (done: number, all: number) =>
      setJob({ kind: 'running', what, done, total: all });
    const started = performance.now();
    try {
      const endS = scenario.end.atS;
      const continuation = continuationActions(scenario, actions, atS, question);
      const asked: Asked = {
        continuation: finished ? null : question,
        fromS: atS,
        runActions: continuation.runActions,
        expertActions: continuation.expertActions,
      };
      const request = {
        scenario,
        actions: continuation.actions,
        seed,
        ...(fixed ? { fixed } : {}),
      };
      if (what === 'odds') {
        const result = await runOdds({ ...request, members }, { onProgress, signal: abort.signal });
        setOdds({ result, seconds: (performance.now() - started) / 1000, asked, endS });
        onResult?.(result, asked);
      } else if (what === 'views') {
        const expertPlan = hasExpert
          ? continuationActions(scenario, [], 0, 'expert').actions
          : null;
        const result = await runViews(
          {
            scenario,
            seed,
            ...(fixed ? { fixed } : {}),
            plans: { yours: request.actions, ...(expertPlan ? { expert: expertPlan } : {}) },
          },
          { onProgress, signal: abort.signal },
        );
        setViews({ yours: result.yours!, expert: result.expert ?? null, asked, endS });
      } else {
        const points = await runHypothesis(request, { onProgress, signal: abort.signal });
        setSweep({ points, asked, endS });
      }
      setJob({ kind: 'idle' });
    } catch (error) {
      if (abort.signal.aborted) setJob({ kind: 'idle' });
      else
        setJob({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return (
    <section className="panel odds" aria-labelledby="odds-heading" data-testid="odds-panel">
      <h2 id="odds-heading">What are the odds?</h2>
      <p className="muted odds-intro">
        Your {finished ? 'run' : 'actions so far'}, replayed on {members.toLocaleString('en-US')}{' '}
        patients whose uncertain physiology (the balance between the two views of brain-cell death,
        the self-check temperature, tolerances, rates) is drawn from its plausible range.
      </p>
      <QuestionChoice
        scenario={scenario}
        actions={actions}
        atS={atS}
        finished={finished}
        question={question}
        onChange={setQuestion}
        disabled={busy}
      />
      <div className="odds-controls">
        <label>
          Patients{' '}
          <select
            value={members}
            disabled={busy}
            onChange={(e) => setMembers(Number(e.target.value))}
          >
            {MEMBER_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en-US')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-primary"
          disabled={!scenario || busy}
          onClick={() => void start('odds')}
          data-testid="odds-run"
        >
          What are the odds?
        </button>
        <button
          type="button"
          className="button"
          disabled={!scenario || busy}
          onClick={() => void start('views')}
          data-testid="odds-views"
        >
          Compare the two views
        </button>
        <button
          type="button"
          className="button"
          disabled={!scenario || busy}
          onClick={() => void start('sweep')}
          data-testid="odds-sweep"
        >
          Sweep the self-check threshold
        </button>
        {busy && (
          <button
            type="button"
            className="button"
            onClick={() => controller.current?.abort()}
            data-testid="odds-cancel"
          >
            Cancel
          </button>
        )}
      </div>
      {job.kind === 'running' && (
        <div className="odds-progress">
          <progress
            max={job.total}
            value={job.done}
            aria-label={job.what === 'sweep' ? 'Thresholds simulated' : 'Patients simulated'}
          />
          <span role="status">
            {job.done} of {job.total} {job.what === 'sweep' ? 'thresholds' : 'patients'}
          </span>
        </div>
      )}
      {job.kind === 'error' && (
        <p className="odds-error" role="alert">
          The odds could not be computed: {job.message}
        </p>
      )}
      {odds && (
        <OddsResult
          result={odds.result}
          seconds={odds.seconds}
          asked={odds.asked}
          endS={odds.endS}
          unit={unit}
          onChart={onResult !== undefined}
        />
      )}
      {views && (
        <ViewsResult
          yours={views.yours}
          expert={views.expert}
          caption={`${askedTitle(views.asked)}: ${askedDetail(views.asked, views.endS)} The expert's plan is replayed whole.`}
        />
      )}
      {sweep && (
        <SweepResult points={sweep.points} asked={sweep.asked} endS={sweep.endS} unit={unit} />
      )}
    </section>
  );
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What an odds run replays, in words: "Your actions so far (2), then the expert's 11 actions …". */
function askedDetail(asked: Asked, endS: number): string {
  const n = asked.runActions;
  if (asked.continuation === null) return `Your whole run (${count(n, 'action')}), as it was.`;
  const yours = `Your actions so far (${n === 0 ? 'none' : n})`;
  if (asked.continuation === 'expert') {
    return `${yours}, then the expert's ${count(asked.expertActions, 'action')} from ${formatClock(asked.fromS, true)} on.`;
  }
  return `${yours}, then nothing more to the end (${formatClock(endS, true)}).`;
}

/** The question an odds run answered, as its result's heading says it. */
function askedTitle(asked: Asked): string {
  const at = formatClock(asked.fromS, true);
  if (asked.continuation === null) return `Your run as it ended at ${at}`;
  return `${CONTINUATION_LABELS[asked.continuation]} after ${at}`;
}

/**
 * The choice of question in the middle of a run: a radio group when the scenario has an expert run,
 * otherwise the one question that applies, said as such. Nothing once the run has ended.
 */
function QuestionChoice({
  scenario,
  actions,
  atS,
  finished,
  question,
  onChange,
  disabled,
}: {
  scenario: Scenario | null;
  actions: readonly ReplayAction[];
  atS: number;
  finished: boolean;
  question: Continuation;
  onChange: (question: Continuation) => void;
  disabled: boolean;
}) {
  const id = useId();
  if (!scenario || finished) return null;
  const endS = scenario.end.atS;
  const at = formatClock(atS, true);
  const detail = (continuation: Continuation): string => {
    const c = continuationActions(scenario, actions, atS, continuation);
    return askedDetail(
      {
        continuation,
        fromS: atS,
        runActions: c.runActions,
        expertActions: c.expertActions,
      },
      endS,
    );
  };
  if (scenario.expert === undefined) {
    return (
      <p className="odds-question-only" data-testid="odds-question-only">
        <strong>{CONTINUATION_LABELS.nothing}</strong> after {at}. {detail('nothing')} This run has
        no expert plan to follow.
      </p>
    );
  }
  return (
    <fieldset
      className="odds-question-choice"
      disabled={disabled}
      data-testid="odds-question-choice"
    >
      <legend>What happens after {at}?</legend>
      {(['expert', 'nothing'] as const).map((continuation) => (
        <div key={continuation} className="odds-question-option">
          <input
            id={`${id}-${continuation}`}
            type="radio"
            name={id}
            value={continuation}
            checked={question === continuation}
            onChange={() => onChange(continuation)}
            aria-describedby={`${id}-${continuation}-detail`}
            data-testid={`odds-question-${continuation}`}
          />
          <label htmlFor={`${id}-${continuation}`}>{CONTINUATION_LABELS[continuation]}</label>
          <span id={`${id}-${continuation}-detail`} className="muted odds-question-detail">
            {detail(continuation)}
          </span>
        </div>
      ))}
    </fieldset>
  );
}

function percent(x: number, digits = 0): string {
  return `${(100 * x).toFixed(digits)} %`;
}

function OddsResult({
  result,
  seconds,
  asked,
  endS,
  unit,
  onChart,
}: {
  result: EnsembleResult;
  seconds: number;
  asked: Asked;
  /** The scenario's end, s. */
  endS: number;
  unit: TemperatureUnit;
  /** The bands are also drawn on the run's temperature chart. */
  onChart: boolean;
}) {
  const s = result.summary;
  const [lo, hi] = s.survival.ci95;
  const lost = s.brain_lost_fraction;
  return (
    <div className="odds-result" data-testid="odds-result">
      <AskedLine asked={asked} endS={endS} />
      <dl className="odds-figures">
        <div>
          <dt>Survive</dt>
          <dd data-testid="odds-survival">{percent(s.survival.probability)}</dd>
          <dd className="muted">
            95 % interval {percent(lo)}–{percent(hi)}
          </dd>
        </div>
        <div>
          <dt>Brain cells lost</dt>
          <dd>{percent(lost.p50, 1)}</dd>
          <dd className="muted">
            5–95 %: {percent(lost.p5, 1)}–{percent(lost.p95, 1)}
          </dd>
        </div>
        <div>
          <dt>Lowest core</dt>
          <dd>{formatTemperature(s.min_core_temp_c.p50, unit)}</dd>
          <dd className="muted">
            5–95 %: {formatTemperature(s.min_core_temp_c.p5, unit)}–
            {formatTemperature(s.min_core_temp_c.p95, unit)}
          </dd>
        </div>
      </dl>
      <CpcBar counts={s.neuro_outcome_cpc} members={s.members} />
      {result.fanBands && (
        <FanChart
          times={result.fanBands.times}
          bands={[
            { label: 'Brain', band: result.fanBands.bands.brainTempC, className: 'fan-brain' },
            { label: 'Core', band: result.fanBands.bands.coreTempC, className: 'fan-core' },
          ]}
          unit={unit}
        />
      )}
      {result.fanBands && onChart && (
        <p className="muted odds-footnote" data-testid="odds-on-chart">
          These bands are also drawn on the run&apos;s temperature chart (hide them there).
        </p>
      )}
      <p className="muted odds-footnote">
        {s.members.toLocaleString('en-US')} patients, {s.sampled_parameters} uncertain parameters,
        seed {s.seed}; {seconds.toFixed(1)} s. Most influential on brain cells lost:{' '}
        {s.sensitivity.brain_lost_fraction
          .slice(0, 3)
          .map(
            (p) =>
              `${p.parameter} (ρ ${p.rho_brain_lost_fraction === null ? '—' : p.rho_brain_lost_fraction.toFixed(2)})`,
          )
          .join(', ')}
        .
      </p>
    </div>
  );
}

function CpcBar({
  counts,
  members,
}: {
  counts: Readonly<Record<string, { count: number; fraction: number }>>;
  members: number;
}) {
  const entries = Object.entries(counts);
  return (
    <div className="cpc">
      <div
        className="cpc-bar"
        role="img"
        aria-label={`Neurological outcome of ${members} patients: ${entries.map(([k, v]) => `${CPC_LABELS[k]} ${percent(v.fraction)}`).join(', ')}`}
      >
        {entries.map(([k, v]) => (
          <span
            key={k}
            className={`cpc-segment cpc-${k}`}
            style={{ width: `${(100 * v.fraction).toFixed(2)}%` }}
            title={`CPC ${k}, ${CPC_LABELS[k]}: ${v.count}`}
          />
        ))}
      </div>
      <ul className="cpc-legend">
        {entries.map(([k, v]) => (
          <li key={k}>
            <span className={`cpc-swatch cpc-${k}`} aria-hidden="true" />
            {CPC_LABELS[k]} {percent(v.fraction)}
          </li>
        ))}
      </ul>
    </div>
  );
}

const W = 520;
const H = 170;
const M = { top: 8, right: 12, bottom: 24, left: 40 };

function FanChart({
  times,
  bands,
  unit,
}: {
  times: readonly number[];
  bands: { label: string; band: FanBand | undefined; className: string }[];
  unit: TemperatureUnit;
}) {
  const present = bands.filter((b): b is typeof b & { band: FanBand } => b.band !== undefined);
  const all = present
    .flatMap((b) => [...b.band.p5, ...b.band.p95])
    .map((c) => toDisplayUnit(c, unit));
  const x = scaleLinear()
    .domain([0, times.at(-1) ?? 1])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([Math.min(...all) - 1, Math.max(...all) + 1])
    .nice()
    .range([H - M.bottom, M.top]);
  const idx = times.map((_, i) => i);
  return (
    <svg
      className="fan-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`5 to 95 % bands of ${present.map((b) => b.label.toLowerCase()).join(' and ')} temperature over the run`}
    >
      {y.ticks(5).map((t) => (
        <g key={t}>
          <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="fan-grid" />
          <text x={M.left - 4} y={y(t) + 3} textAnchor="end" className="fan-tick">
            {t}
          </text>
        </g>
      ))}
      {timeTicks(times.at(-1) ?? 0).map((t) => (
        <text key={t} x={x(t)} y={H - 6} textAnchor="middle" className="fan-tick">
          {formatHoursMinutes(t)}
        </text>
      ))}
      <text x={4} y={M.top + 8} className="fan-tick">
        {unitSymbol(unit)}
      </text>
      {present.map((b) => {
        const band = area<number>()
          .x((i) => x(times[i]!))
          .y0((i) => y(toDisplayUnit(b.band.p5[i]!, unit)))
          .y1((i) => y(toDisplayUnit(b.band.p95[i]!, unit)))(idx);
        const median = line<number>()
          .x((i) => x(times[i]!))
          .y((i) => y(toDisplayUnit(b.band.p50[i]!, unit)))(idx);
        return (
          <g key={b.label} className={b.className}>
            <path d={band ?? ''} className="fan-band" />
            <path d={median ?? ''} className="fan-median" />
          </g>
        );
      })}
      <g className="fan-legend" transform={`translate(${W - M.right - 150},${M.top + 4})`}>
        {present.map((b, i) => (
          <g key={b.label} className={b.className} transform={`translate(${i * 75},0)`}>
            <rect width="12" height="8" className="fan-band" />
            <text x="16" y="8" className="fan-tick">
              {b.label}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** Round times for the axis: every 15 min to 6 h, whichever gives at most 7 ticks. */
function timeTicks(endS: number): number[] {
  const step = [900, 1800, 3600, 7200, 10800, 21600].find((s) => endS / s <= 7) ?? 21600;
  const ticks: number[] = [];
  for (let t = 0; t <= endS + 1e-9; t += step) ticks.push(t);
  return ticks;
}

/** Which question a result answers: its heading and what was replayed. */
function AskedLine({ asked, endS }: { asked: Asked; endS: number }) {
  return (
    <p className="odds-asked" data-testid="odds-asked">
      <strong>{askedTitle(asked)}.</strong> {askedDetail(asked, endS)}
    </p>
  );
}

function SweepResult({
  points,
  asked,
  endS,
  unit,
}: {
  points: readonly HypothesisPoint[];
  asked: Asked;
  endS: number;
  unit: TemperatureUnit;
}) {
  const x = scaleLinear()
    .domain([10, 32])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, M.top]);
  const path = line<HypothesisPoint>()
    .x((p) => x(p.thresholdC))
    .y((p) => y(p.outcome.brain_lost_fraction))(points as HypothesisPoint[]);
  return (
    <div className="sweep" data-testid="odds-sweep-result">
      <h3>If the self-check stops at…</h3>
      <AskedLine asked={asked} endS={endS} />
      <svg
        className="fan-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Brain cells lost in your run for self-check thresholds from ${formatTemperature(10, unit, 0)} to ${formatTemperature(32, unit, 0)}`}
      >
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="fan-grid" />
            <text x={M.left - 4} y={y(t) + 3} textAnchor="end" className="fan-tick">
              {percent(t)}
            </text>
          </g>
        ))}
        {points.map((p) => (
          <text
            key={p.thresholdC}
            x={x(p.thresholdC)}
            y={H - 6}
            textAnchor="middle"
            className="fan-tick"
          >
            {Math.round(toDisplayUnit(p.thresholdC, unit))}
          </text>
        ))}
        <path d={path ?? ''} className="sweep-line" />
        {points.map((p) => (
          <circle
            key={p.thresholdC}
            cx={x(p.thresholdC)}
            cy={y(p.outcome.brain_lost_fraction)}
            r="3"
            className="sweep-point"
          >
            <title>
              {`Self-check stops at ${formatTemperature(p.thresholdC, unit)}: ${percent(p.outcome.brain_lost_fraction, 1)} of brain cells lost`}
            </title>
          </circle>
        ))}
      </svg>
      <table className="sweep-table">
        <caption className="visually-hidden">Self-check threshold sweep</caption>
        <thead>
          <tr>
            <th scope="col">Self-check half-stops at</th>
            <th scope="col">Oxygen safe below (brain)</th>
            <th scope="col">Brain cells lost</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.thresholdC}>
              <td>{formatTemperature(p.thresholdC, unit)}</td>
              <td>{formatTemperature(p.safeBrainTempC, unit)}</td>
              <td>{percent(p.outcome.brain_lost_fraction, 1)}</td>
              <td>{CPC_LABELS[String(p.outcome.neuro_outcome_cpc)]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
