// The rhythm strip's trace: a recognisable lead-II-like ECG for each rhythm the engine names, drawn
// from the rhythm and the heart rate alone. It teaches what each rhythm looks like; it is not a model
// of the heart's electrical activity. Compressions add their own large, regular artefact, as on a
// real monitor. Deterministic: the same arguments give the same trace.

import type { RhythmName } from '../../../models/core/state.ts';

export interface WaveOptions {
  readonly rhythm: RhythmName;
  /** Beats per minute of the rhythm (ignored for VF and asystole). */
  readonly rateBpm: number;
  /** Compressions under way: a 110/min artefact drowns the trace. */
  readonly compressions?: boolean;
  /** Samples per second of trace. */
  readonly samplesPerSecond: number;
  /** Length of trace, s. */
  readonly seconds: number;
  /** Time of the first sample, s (a strip that scrolls asks for later and later pieces). */
  readonly startS?: number;
}

/** Millivolt-like amplitude of each sample, roughly −1 to 1.5. */
export function rhythmWave(options: WaveOptions): Float64Array {
  const { rhythm, samplesPerSecond, seconds } = options;
  const n = Math.max(0, Math.round(seconds * samplesPerSecond));
  const out = new Float64Array(n);
  const startS = options.startS ?? 0;
  const rate = Math.min(300, Math.max(0, options.rateBpm));
  for (let i = 0; i < n; i++) {
    const t = startS + i / samplesPerSecond;
    let y = 0;
    switch (rhythm) {
      case 'sinus':
        y = rate > 0 ? beat(phaseOf(t, 60 / rate), 60 / rate, true) : 0;
        break;
      case 'af':
        // Irregularly irregular QRS complexes, no P waves, a fine fibrillatory baseline.
        y =
          afBeat(t, rate) +
          0.05 * Math.sin(2 * Math.PI * 6.3 * t) * Math.sin(2 * Math.PI * 0.7 * t);
        break;
      case 'pea':
        // Electrical activity without a pulse: slow, wide complexes.
        y = rate > 0 ? 0.7 * beat(phaseOf(t, 60 / rate), 60 / rate, false, 2.2) : 0;
        break;
      case 'vf':
        y = vf(t);
        break;
      case 'asystole':
        y = 0.015 * Math.sin(2 * Math.PI * 0.3 * t);
        break;
    }
    if (options.compressions) y = 0.25 * y + compression(t);
    out[i] = y;
  }
  return out;
}

/** Time since the last beat of a regular rhythm. */
function phaseOf(t: number, periodS: number): number {
  return ((t % periodS) + periodS) % periodS;
}

function gauss(x: number, centre: number, width: number): number {
  const d = (x - centre) / width;
  return Math.exp(-0.5 * d * d);
}

/**
 * One P-QRS-T complex at `phase` seconds after the beat began. Fast rates compress the P-R and Q-T
 * intervals a little, as they do; `widen` stretches the QRS (slow, wide complexes).
 */
function beat(phase: number, periodS: number, withP: boolean, widen = 1): number {
  const squeeze = Math.min(1, Math.max(0.55, periodS / 0.9));
  const qrs = 0.16 * squeeze;
  let y = 0;
  if (withP) y += 0.12 * gauss(phase, 0.08 * squeeze, 0.025);
  y -= 0.12 * gauss(phase, qrs - 0.02 * widen, 0.008 * widen);
  y += 1.2 * gauss(phase, qrs, 0.011 * widen);
  y -= 0.25 * gauss(phase, qrs + 0.025 * widen, 0.01 * widen);
  y += 0.3 * gauss(phase, qrs + 0.22 * squeeze * widen, 0.045 * widen);
  return y;
}

/** AF: beats at irregular intervals around the mean rate (a fixed pseudo-random sequence). */
function afBeat(t: number, rateBpm: number): number {
  if (rateBpm <= 0) return 0;
  const mean = 60 / rateBpm;
  // Beat k starts at k·mean + jitter(k); find the beat whose start is the latest before t.
  const k = Math.floor(t / mean);
  let y = 0;
  for (let j = k - 1; j <= k + 1; j++) {
    const start = j * mean + 0.35 * mean * (hash(j) - 0.5);
    const phase = t - start;
    if (phase >= 0 && phase < mean * 1.2) y = Math.max(y, beat(phase, mean, false));
  }
  return y;
}

/** Coarse VF: chaotic undulation at 4–7 Hz with a wandering amplitude. */
function vf(t: number): number {
  return (
    0.35 * Math.sin(2 * Math.PI * 4.7 * t + 0.8 * Math.sin(2 * Math.PI * 0.9 * t)) +
    0.2 * Math.sin(2 * Math.PI * 6.1 * t + 1.3) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.37 * t)) +
    0.1 * Math.sin(2 * Math.PI * 3.3 * t + 2.1)
  );
}

/** Chest compressions at 110/min: a large rounded artefact. */
function compression(t: number): number {
  const period = 60 / 110;
  const phase = phaseOf(t, period) / period;
  return 0.9 * Math.sin(Math.PI * Math.min(1, phase * 1.8)) ** 2 - 0.2;
}

/** A number in [0, 1) from an integer, the same every time (for AF's irregular intervals). */
function hash(k: number): number {
  let x = (k * 2654435761) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 2246822519) >>> 0;
  x ^= x >>> 13;
  return (x >>> 0) / 4294967296;
}

/** An SVG path through the samples, spread over `width` × `height` (y = 0 at the middle-low line). */
export function wavePath(samples: Float64Array, width: number, height: number): string {
  if (samples.length === 0) return '';
  const dx = samples.length > 1 ? width / (samples.length - 1) : 0;
  const baseline = height * 0.62;
  const scale = height * 0.42;
  let d = '';
  for (let i = 0; i < samples.length; i++) {
    const y = baseline - samples[i]! * scale;
    d += `${i === 0 ? 'M' : 'L'}${(i * dx).toFixed(1)},${Math.min(height, Math.max(0, y)).toFixed(1)}`;
  }
  return d;
}
