// A clock for the simulation host that tests move by hand: timers fire when their time has come.

import { FRAME_MS, type HostClock } from '../../src/worker/host.ts';

export class FakeClock implements HostClock {
  ms = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now(): number {
    return this.ms;
  }
  setTimer(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.ms + ms, callback });
    return id;
  }
  clearTimer(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves time forward in steps of `stepMs`, firing due timers. */
  run(totalMs: number, stepMs = FRAME_MS): void {
    const end = this.ms + totalMs;
    while (this.ms < end) {
      this.ms = Math.min(end, this.ms + stepMs);
      for (const [id, t] of [...this.timers]) {
        if (t.at <= this.ms) {
          this.timers.delete(id);
          t.callback();
        }
      }
    }
  }
  pending(): number {
    return this.timers.size;
  }
}
