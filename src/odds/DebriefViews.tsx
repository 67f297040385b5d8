// The debrief's "Under each view": the learner's whole run and the expert's plan replayed on the same
// sampled patients with the balance between the essay's view and the conventional one held at five
// points (Web Workers, with progress and cancel), and which plan wins under which view, in words.
// Loaded with the debrief only when asked for, since it runs a few hundred simulations.

import { useEffect, useRef, useState } from 'react';
import { continuationActions, type ReplayAction } from '../../models/ensemble/index.ts';
import { VIEW_MEMBERS, VIEWS, type ViewOutcome } from '../../models/ensemble/views.ts';
import type { Scenario } from '../../models/index.ts';
import { runViews } from './runOdds.ts';
import { ViewsResult } from './ViewsResult.tsx';

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly done: number; readonly total: number }
  | { readonly kind: 'error'; readonly message: string }
  | {
      readonly kind: 'done';
      readonly yours: readonly ViewOutcome[];
      readonly expert: readonly ViewOutcome[] | null;
    };

export default function DebriefViews({
  scenario,
  actions,
  seed,
  fixed,
}: {
  scenario: Scenario;
  /** The learner's and instructor's actions of the whole run. */
  actions: readonly ReplayAction[];
  seed: number;
  fixed?: Readonly<Record<string, number>>;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const hasExpert = scenario.expert !== undefined;

  async function run() {
    const abort = new AbortController();
    controller.current = abort;
    const total = VIEW_MEMBERS * VIEWS.length * (hasExpert ? 2 : 1);
    setState({ kind: 'running', done: 0, total });
    try {
      const expert = hasExpert ? continuationActions(scenario, [], 0, 'expert').actions : null;
      const result = await runViews(
        {
          scenario,
          seed,
          ...(fixed ? { fixed } : {}),
          plans: { yours: actions, ...(expert ? { expert } : {}) },
        },
        {
          signal: abort.signal,
          onProgress: (done, all) => setState({ kind: 'running', done, total: all }),
        },
      );
      setState({ kind: 'done', yours: result.yours!, expert: result.expert ?? null });
    } catch (error) {
      setState(
        abort.signal.aborted
          ? { kind: 'idle' }
          : { kind: 'error', message: error instanceof Error ? error.message : String(error) },
      );
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return (
    <section className="panel" aria-labelledby="views-heading" data-testid="debrief-views">
      <h2 id="views-heading">Which view decides?</h2>
      <p className="muted">
        Nobody knows whether brain cells die of the minutes without oxygen (the conventional view)
        or when oxygen returns while they are warm (the essay&apos;s view). Replay your run
        {hasExpert ? ' and the expert’s' : ''} on {VIEW_MEMBERS} sampled patients at each of five
        points between the two views.
      </p>
      {state.kind !== 'running' && (
        <button
          type="button"
          className="button"
          onClick={() => void run()}
          data-testid="debrief-views-run"
        >
          {state.kind === 'done' ? 'Replay again' : 'Compare under each view'}
        </button>
      )}
      {state.kind === 'running' && (
        <div className="odds-progress">
          <progress max={state.total} value={state.done} aria-label="Patients simulated" />
          <span role="status">
            {state.done} of {state.total} patients
          </span>
          <button type="button" className="button" onClick={() => controller.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
      {state.kind === 'error' && (
        <p className="odds-error" role="alert">
          The comparison could not be computed: {state.message}
        </p>
      )}
      {state.kind === 'done' && (
        <ViewsResult
          yours={state.yours}
          expert={state.expert}
          caption={`Your whole run (${actions.length} actions)${hasExpert ? " and the expert's plan" : ''}, replayed.`}
        />
      )}
    </section>
  );
}
