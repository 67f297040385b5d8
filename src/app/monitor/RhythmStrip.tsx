// The rhythm strip: the current rhythm drawn as a monitor trace that scrolls in real time (a monitor
// shows the heart's rhythm at the heart's own pace, whatever the simulation speed). Still when the
// run is paused or the learner prefers reduced motion. The trace is redrawn by writing the path's
// `d` attribute from an animation frame, without re-rendering React; the trace follows the
// snapshots through a store subscription (the heart rate changes with nearly every tick), and the
// component re-renders only when its caption changes.

import './monitor.css';
import { useEffect, useRef } from 'react';
import type { Snapshot } from '../../../models/index.ts';
import { useAppStore, useAppStoreApi, useAppView } from '../store-context.tsx';
import { rhythmWave, wavePath } from './rhythmWave.ts';

const SECONDS = 6;
const SAMPLES_PER_SECOND = 60;
const WIDTH = 600;
const HEIGHT = 90;
const FRAME_MS = 1000 / 30;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface Trace {
  readonly rhythm: Snapshot['rhythm'];
  readonly rate: number;
  readonly compressions: boolean;
}

/** What the trace draws for a snapshot (a flat line with no patient). */
function traceOf(snapshot: Snapshot | null): Trace {
  return {
    rhythm: snapshot?.rhythm ?? 'asystole',
    rate: snapshot?.heartRateBpm ?? 0,
    compressions: (snapshot?.cpr ?? 'none') !== 'none',
  };
}

/** The caption: the rhythm, its rate (rounded) where it has one, and compressions. */
function captionOf(snapshot: Snapshot | null): string {
  if (!snapshot) return 'no patient';
  const { rhythm, rate, compressions } = traceOf(snapshot);
  return `${snapshot.rhythmLabel}${rhythm === 'sinus' || rhythm === 'af' || rhythm === 'pea' ? `, ${Math.round(rate)} per minute` : ''}${compressions ? ', with compressions' : ''}`;
}

/** Draws the last SECONDS of the trace up to `nowS` into the path. */
function drawTrace(path: SVGPathElement, trace: Trace, nowS: number): void {
  const samples = rhythmWave({
    rhythm: trace.rhythm,
    rateBpm: trace.rate,
    compressions: trace.compressions,
    samplesPerSecond: SAMPLES_PER_SECOND,
    seconds: SECONDS,
    startS: nowS - SECONDS,
  });
  path.setAttribute('d', wavePath(samples, WIDTH, HEIGHT));
}

export function RhythmStrip() {
  const store = useAppStoreApi();
  // Whether the run is playing (the trace scrolls) or not (it stands still).
  const running = useAppStore((s) => s.status === 'running');
  const { rhythm, label } = useAppView((s) => ({
    rhythm: traceOf(s.snapshot).rhythm,
    label: captionOf(s.snapshot),
  }));
  const pathRef = useRef<SVGPathElement>(null);
  // What the trace draws, read by the animation loop: the heart rate changes with nearly every tick
  // of the worker, and restarting the loop for each would draw twice as often as it needs to.
  const trace = useRef<Trace>(traceOf(store.getState().snapshot));
  const animating = useRef(false);

  useEffect(() => {
    const follow = (snapshot: Snapshot | null) => {
      const next = traceOf(snapshot);
      const was = trace.current;
      if (
        next.rhythm === was.rhythm &&
        next.rate === was.rate &&
        next.compressions === was.compressions
      ) {
        return;
      }
      trace.current = next;
      // A still trace is redrawn here; a scrolling one takes the change at its next frame.
      if (!animating.current && pathRef.current) {
        drawTrace(pathRef.current, next, performance.now() / 1000);
      }
    };
    follow(store.getState().snapshot);
    return store.subscribe((state, before) => {
      if (state.snapshot !== before.snapshot) follow(state.snapshot);
    });
  }, [store]);

  useEffect(() => {
    const path = pathRef.current;
    if (!path) return;
    drawTrace(path, trace.current, performance.now() / 1000);
    if (!running || prefersReducedMotion()) return;
    animating.current = true;
    let frame = 0;
    let last = 0;
    const tick = (ms: number) => {
      if (ms - last >= FRAME_MS) {
        last = ms;
        drawTrace(path, trace.current, ms / 1000);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      animating.current = false;
      cancelAnimationFrame(frame);
    };
  }, [running]);

  return (
    <figure className="rhythm-strip" data-testid="rhythm-strip" data-rhythm={rhythm}>
      <figcaption className="rhythm-strip-caption">
        <span className="rhythm-strip-lead">ECG II</span>
        <span data-testid="rhythm-strip-label">{label}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Rhythm strip: ${label}`}
      >
        <path ref={pathRef} className="rhythm-strip-trace" fill="none" />
      </svg>
    </figure>
  );
}
