// Fan bands for trend charts: the 5th, 50th and 95th percentiles across members of a few outputs on a
// coarse time grid. Kept apart from the outcome summary because it is the only part whose memory
// grows with members × grid points: one float32 per member, grid point and output (1,000 members,
// 73 points, 3 outputs ≈ 0.9 MB). Members may arrive in any order (from several workers); the bands
// do not depend on that order.

import type { NumericSnapshotKey } from '../engine/snapshot.ts';
import { quantileSorted } from './statistics.ts';

/** Outputs drawn with fan bands unless asked otherwise. */
export const DEFAULT_FAN_KEYS = [
  'brainTempC',
  'coreTempC',
  'brainAutolysedFraction',
] as const satisfies readonly NumericSnapshotKey[];

export interface FanBand {
  readonly p5: readonly number[];
  readonly p50: readonly number[];
  readonly p95: readonly number[];
}

export interface FanBands {
  /** Grid times, s. */
  readonly times: readonly number[];
  /** Members that contributed. */
  readonly members: number;
  readonly bands: Readonly<Partial<Record<NumericSnapshotKey, FanBand>>>;
}

export interface FanBandReducer {
  /** Adds member `member`'s series (times × keys row-major, as runMember records it). */
  add(member: number, series: ArrayLike<number>): void;
  /** Percentile bands over the members added so far. */
  result(): FanBands;
}

export function createFanBandReducer(
  members: number,
  times: readonly number[],
  keys: readonly NumericSnapshotKey[],
): FanBandReducer {
  const t = times.length;
  const k = keys.length;
  // values[key][time × members + member]
  const values = keys.map(() => new Float32Array(t * members));
  const seen = new Uint8Array(members);
  let added = 0;
  return {
    add(member, series) {
      if (!(Number.isInteger(member) && member >= 0 && member < members)) {
        throw new Error(`fan bands: member ${member} is outside 0 to ${members - 1}`);
      }
      if (series.length !== t * k) {
        throw new Error(
          `fan bands: expected ${t * k} values (${t} times × ${k} outputs), found ${series.length}`,
        );
      }
      if (seen[member]) throw new Error(`fan bands: member ${member} was added twice`);
      seen[member] = 1;
      added++;
      for (let i = 0; i < t; i++) {
        for (let j = 0; j < k; j++) values[j]![i * members + member] = series[i * k + j]!;
      }
    },
    result() {
      const bands: Partial<Record<NumericSnapshotKey, FanBand>> = {};
      const column = new Float32Array(added);
      keys.forEach((key, j) => {
        const band = { p5: [] as number[], p50: [] as number[], p95: [] as number[] };
        for (let i = 0; i < t; i++) {
          if (added === 0) continue;
          let n = 0;
          for (let m = 0; m < members; m++) if (seen[m]) column[n++] = values[j]![i * members + m]!;
          column.sort();
          band.p5.push(quantileSorted(column, 0.05));
          band.p50.push(quantileSorted(column, 0.5));
          band.p95.push(quantileSorted(column, 0.95));
        }
        bands[key] = band;
      });
      return { times: [...times], members: added, bands };
    },
  };
}
