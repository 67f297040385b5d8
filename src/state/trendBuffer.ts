// The trend buffer: columnar typed arrays (one for time, one per series), appended from worker
// samples and bounded in size. It is mutable and shared: the store bumps a version counter after
// each change, and charts read the columns directly (no copies) when the version changes.

import { TREND_KEPT_SAMPLES, type TrendSample } from '../worker/protocol.ts';

/** Room for 12 h 20 min at one sample per simulated second (about 4.6 MB for every series). */
export const DEFAULT_TREND_CAPACITY = TREND_KEPT_SAMPLES;

export class TrendBuffer {
  readonly capacity: number;
  readonly seriesCount: number;
  private readonly times: Float64Array;
  private readonly columns: Float64Array[];
  private count = 0;

  constructor(seriesCount: number, capacity = DEFAULT_TREND_CAPACITY) {
    if (!(Number.isInteger(capacity) && capacity >= 2)) {
      throw new Error(`TrendBuffer: capacity must be an integer ≥ 2, found ${capacity}`);
    }
    this.capacity = capacity;
    this.seriesCount = seriesCount;
    this.times = new Float64Array(capacity);
    this.columns = Array.from({ length: seriesCount }, () => new Float64Array(capacity));
  }

  get length(): number {
    return this.count;
  }

  /**
   * Appends samples in time order. A sample at the time of the last one replaces it; an older one is
   * ignored. When full, the oldest quarter is dropped so appends stay cheap.
   */
  append(samples: readonly TrendSample[]): number {
    let appended = 0;
    for (const sample of samples) {
      if (sample.values.length !== this.seriesCount) {
        throw new Error(
          `TrendBuffer: sample has ${sample.values.length} values, expected ${this.seriesCount}`,
        );
      }
      let index = this.count;
      if (this.count > 0) {
        const lastT = this.times[this.count - 1]!;
        if (sample.tS < lastT) continue;
        if (sample.tS === lastT) index = this.count - 1;
      }
      if (index === this.capacity) {
        this.dropOldest(Math.max(1, Math.floor(this.capacity / 4)));
        index = this.count;
      }
      this.times[index] = sample.tS;
      for (let s = 0; s < this.seriesCount; s++) this.columns[s]![index] = sample.values[s]!;
      if (index === this.count) this.count++;
      appended++;
    }
    return appended;
  }

  clear(): void {
    this.count = 0;
  }

  /** Simulated times, s (a view: valid until the next change). */
  time(): Float64Array {
    return this.times.subarray(0, this.count);
  }

  /** One series, in its unit (a view: valid until the next change). */
  series(index: number): Float64Array {
    const column = this.columns[index];
    if (!column) throw new Error(`TrendBuffer: no series ${index}`);
    return column.subarray(0, this.count);
  }

  lastTime(): number | undefined {
    return this.count === 0 ? undefined : this.times[this.count - 1];
  }

  private dropOldest(n: number): void {
    this.times.copyWithin(0, n, this.count);
    for (const column of this.columns) column.copyWithin(0, n, this.count);
    this.count -= n;
  }
}
