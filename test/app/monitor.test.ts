// The monitor's pure parts: the rhythm strip's trace, the body map's colours, what is announced, and
// the alarm tone's mute and rate limit.

import { describe, expect, it } from 'vitest';
import { AlarmTone } from '../../src/app/monitor/alarmTone.ts';
import { announcements, needsTone } from '../../src/app/monitor/announcements.ts';
import { LANDMARKS, temperatureColour } from '../../src/app/monitor/bodyColours.ts';
import { rhythmWave, wavePath } from '../../src/app/monitor/rhythmWave.ts';

const wave = (rhythm: Parameters<typeof rhythmWave>[0]['rhythm'], rateBpm = 60, extra = {}) =>
  rhythmWave({ rhythm, rateBpm, samplesPerSecond: 250, seconds: 6, ...extra });

/** R waves: samples above 0.8 that are the highest within ±0.1 s. */
function rPeaks(samples: Float64Array, perSecond: number): number[] {
  const peaks: number[] = [];
  const w = Math.round(0.1 * perSecond);
  for (let i = 0; i < samples.length; i++) {
    if (samples[i]! < 0.8) continue;
    let top = true;
    for (let j = Math.max(0, i - w); j <= Math.min(samples.length - 1, i + w); j++) {
      if (samples[j]! > samples[i]!) top = false;
    }
    if (top && (peaks.length === 0 || i - peaks.at(-1)! > w)) peaks.push(i);
  }
  return peaks;
}

describe('rhythm strip trace', () => {
  it('beats at the heart rate in sinus rhythm, regularly', () => {
    for (const rate of [40, 75, 120]) {
      const peaks = rPeaks(wave('sinus', rate), 250);
      const intervals = peaks.slice(1).map((p, i) => (p - peaks[i]!) / 250);
      expect(peaks.length).toBeGreaterThanOrEqual(Math.floor((rate / 60) * 6) - 1);
      for (const s of intervals) expect(s).toBeCloseTo(60 / rate, 1);
    }
  });

  it('beats irregularly in AF, at about the mean rate', () => {
    const peaks = rPeaks(wave('af', 90, { seconds: 20 }), 250);
    const intervals = peaks.slice(1).map((p, i) => (p - peaks[i]!) / 250);
    const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
    expect(mean).toBeGreaterThan(0.55);
    expect(mean).toBeLessThan(0.8);
    expect(Math.max(...intervals) - Math.min(...intervals)).toBeGreaterThan(0.1);
  });

  it('has no R waves in VF or asystole, and asystole is nearly flat', () => {
    expect(rPeaks(wave('vf'), 250)).toEqual([]);
    const flat = wave('asystole');
    expect(Math.max(...flat.map(Math.abs))).toBeLessThan(0.05);
    const vf = wave('vf');
    expect(Math.max(...vf) - Math.min(...vf)).toBeGreaterThan(0.5);
  });

  it('shows compressions as a large regular artefact, and is deterministic', () => {
    const cpr = wave('asystole', 0, { compressions: true });
    expect(Math.max(...cpr) - Math.min(...cpr)).toBeGreaterThan(0.8);
    expect(wave('af', 80)).toEqual(wave('af', 80));
    // A later piece of the same strip continues where the first ended.
    const whole = rhythmWave({ rhythm: 'sinus', rateBpm: 70, samplesPerSecond: 100, seconds: 4 });
    const later = rhythmWave({
      rhythm: 'sinus',
      rateBpm: 70,
      samplesPerSecond: 100,
      seconds: 2,
      startS: 2,
    });
    for (let i = 0; i < 200; i++) expect(later[i]).toBeCloseTo(whole[200 + i]!, 9);
  });

  it('draws a path inside its box', () => {
    const d = wavePath(wave('vf'), 600, 90);
    expect(d.startsWith('M0.0,')).toBe(true);
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(90);
    expect(wavePath(new Float64Array(0), 600, 90)).toBe('');
  });
});

describe('body map colours', () => {
  it('run from cold blue to warm, and differ across the landmarks', () => {
    const colours = [10, ...LANDMARKS.map((l) => l.tempC).reverse(), 41].map(temperatureColour);
    expect(new Set(colours).size).toBe(colours.length);
    // Blue minus red of an "rgb(r, g, b)" colour.
    const blue = (c: string) => {
      const [r, , b] = c.match(/\d+/g)!.map(Number) as [number, number, number];
      return b - r;
    };
    expect(blue(temperatureColour(15))).toBeGreaterThan(50);
    expect(blue(temperatureColour(37))).toBeLessThan(0);
    expect(temperatureColour(Number.NaN)).toBe('#555');
  });
});

describe('announcements', () => {
  const snap = (alarms: string[], rhythm = 'sinus', rhythmLabel = 'sinus rhythm') => ({
    alarms,
    alarmMessages: alarms.map((a) => `${a} message`),
    rhythm: rhythm as 'sinus',
    rhythmLabel,
  });

  it('says new alarms, rhythm changes and cleared alarms, and sounds only for urgent ones', () => {
    const list = announcements(
      snap(['lowFlow']),
      snap(['gradient'], 'vf', 'ventricular fibrillation'),
    );
    expect(list.map((a) => a.text)).toEqual([
      'Alarm: gradient message',
      'Rhythm now ventricular fibrillation.',
      'Cleared: lowFlow message',
    ]);
    expect(needsTone(list)).toBe(true);
    const rosc = announcements(snap([], 'vf'), snap([], 'sinus', 'sinus bradycardia'));
    expect(rosc.map((a) => a.text)).toEqual(['Rhythm now sinus bradycardia.']);
    expect(needsTone(rosc)).toBe(false);
    expect(announcements(snap(['a']), snap(['a']))).toEqual([]);
    expect(announcements(null, null)).toEqual([]);
  });
});

describe('alarm tone', () => {
  function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
    const data = new Map<string, string>();
    return {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
    };
  }

  it('remembers mute, and stays silent (without throwing) where there is no audio', () => {
    const storage = memoryStorage();
    const tone = new AlarmTone(storage);
    expect(tone.isMuted).toBe(false);
    tone.setMuted(true);
    expect(new AlarmTone(storage).isMuted).toBe(true);
    tone.setMuted(false);
    // Node has no Web Audio: play reports that nothing sounded.
    expect(tone.play(0)).toBe(false);
    expect(() => tone.unlock()).not.toThrow();
  });
});
