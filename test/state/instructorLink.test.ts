// The instructor window and the learners' run linked over a BroadcastChannel: the run's state
// mirrored one way, the instructor's actions the other.

import { describe, expect, it } from 'vitest';
import {
  linkInstructorToRun,
  linkRunToInstructor,
  type ChannelLike,
  type LinkStatus,
} from '../../src/state/instructorLink.ts';
import { createAppStore } from '../../src/state/store.ts';
import { fakeSnapshot } from '../helpers.ts';
import { loadedHarness, tick } from './storeHarness.ts';

/** Channels of one "browser": a message posted on one reaches every other, asynchronously. */
function bus() {
  const members = new Set<FakeChannel>();
  class FakeChannel implements ChannelLike {
    private readonly listeners = new Set<(event: MessageEvent) => void>();
    constructor() {
      members.add(this);
    }
    postMessage(message: unknown): void {
      const copy = structuredClone(message);
      for (const other of members) {
        if (other === this) continue;
        queueMicrotask(() => {
          for (const l of other.listeners) l({ data: copy } as MessageEvent);
        });
      }
    }
    addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
      this.listeners.add(listener);
    }
    removeEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
      this.listeners.delete(listener);
    }
    close(): void {
      members.delete(this);
    }
  }
  return () => new FakeChannel();
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The learners' window: the dip loaded and paused at 0:30. */
async function learnersRun() {
  const { store, port } = await loadedHarness();
  tick(port, 30);
  return { store, port };
}

function instructorWindow() {
  return createAppStore({
    createPort: () => {
      throw new Error('no simulation here');
    },
  });
}

describe('the instructor window and the learners’ run', () => {
  it('mirrors the run into the instructor window and applies its actions as the instructor’s', async () => {
    const channel = bus();
    const { store: run, port } = await learnersRun();
    const unlinkRun = linkRunToInstructor(run, channel(), { id: 'run-1', intervalMs: 0 });
    const instructor = instructorWindow();
    const statuses: LinkStatus[] = [];
    const unlinkInstructor = linkInstructorToRun(instructor, channel(), (s) => statuses.push(s), {
      helloMs: 60_000,
    });
    await settle();
    expect(statuses).toEqual(['connected']);
    expect(instructor.getState()).toMatchObject({
      title: 'Test dip',
      status: 'paused',
      endS: 600,
      instructorMode: true,
    });
    expect(instructor.getState().snapshot?.tS).toBe(30);

    // The instructor's actions reach the run with the source "instructor".
    instructor.getState().apply({ do: 'message', text: 'Check the lines' });
    instructor.getState().togglePlay();
    await settle();
    expect(port.sent).toContainEqual({
      type: 'apply',
      action: { do: 'message', text: 'Check the lines' },
      source: 'instructor',
    });
    expect(port.sent.at(-1)).toEqual({ type: 'play' });

    // Changes in the run follow.
    port.emit({
      type: 'tick',
      snapshot: fakeSnapshot({ tS: 31 }),
      samples: [],
      events: [
        { atS: 31, action: { do: 'message', text: 'Check the lines' }, source: 'instructor' },
      ],
      running: true,
    });
    await settle();
    expect(instructor.getState().status).toBe('running');
    expect(instructor.getState().events.map((e) => e.action.do)).toEqual(['message']);

    // The run's window closes: the instructor window says so.
    unlinkRun();
    await settle();
    expect(statuses).toEqual(['connected', 'gone']);
    unlinkInstructor();
  });

  it('sends nothing until an instructor window says hello, and ignores actions for another run', async () => {
    const channel = bus();
    const { store: run, port } = await learnersRun();
    const heard: unknown[] = [];
    const spy = channel();
    spy.addEventListener('message', (e) => heard.push(e.data));
    const unlink = linkRunToInstructor(run, channel(), { id: 'run-1', intervalMs: 0 });
    run.getState().setSpeed(600);
    await settle();
    expect(heard).toEqual([]);

    const sentBefore = port.sent.length;
    spy.postMessage({ type: 'apply', to: 'run-2', action: { do: 'stopBreathing' } });
    await settle();
    expect(port.sent.length).toBe(sentBefore);
    spy.postMessage({ type: 'hello' });
    await settle();
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ type: 'state', from: 'run-1', state: { speed: 600 } });

    // Once the instructor window has gone, changes are no longer sent.
    spy.postMessage({ type: 'goodbye' });
    await settle();
    run.getState().setSpeed(60);
    await settle();
    expect(heard).toHaveLength(1);
    unlink();
  });
});
