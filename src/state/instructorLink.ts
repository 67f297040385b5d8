// The instructor's own window (`?instructor=1`) and the learners' run, linked over a
// BroadcastChannel of this browser (same origin): the projector shows only the learners' view while
// the instructor, on another screen, watches the patient and injects faults, events and messages.
//
// The learners' window owns the run. Once an instructor window says hello, it sends that window what
// the instructor panel shows (status, snapshot, event log, title, unit), only the parts that changed
// and at most a few times a second, and applies the actions it receives with the source
// "instructor", exactly as the in-page panel does. The instructor window's store mirrors that state;
// its `apply`, `togglePlay`, `play` and `pause` go back over the channel. The instructor window says
// hello every few seconds: a learners' window opened later, or reloaded, answers then, and a
// window that stops answering is shown as gone. With several learners' windows open, the instructor
// follows the first that answers.

import type { Action } from '../../models/index.ts';
import type { AppState, AppStore } from './store.ts';

export const INSTRUCTOR_CHANNEL = 'coldboot-instructor';

/** How often the instructor window says hello, ms. */
export const HELLO_INTERVAL_MS = 2000;
/** Without an answer for this long, the learners' window is taken to be gone, ms. */
export const GONE_AFTER_MS = 6000;
/** At most one state message per this many ms (the last change is always sent). */
export const STATE_INTERVAL_MS = 200;

/** The part of the learners' state the instructor window shows. */
export const MIRRORED_KEYS = [
  'status',
  'snapshot',
  'endS',
  'openEnded',
  'title',
  'unit',
  'events',
  'speed',
  'screen',
] as const satisfies readonly (keyof AppState)[];

export type MirroredKey = (typeof MIRRORED_KEYS)[number];
export type MirroredState = Partial<Pick<AppState, MirroredKey>>;

export type RunToInstructor =
  | { readonly type: 'state'; readonly from: string; readonly state: MirroredState }
  | { readonly type: 'bye'; readonly from: string };

export type InstructorToRun =
  | { readonly type: 'hello' }
  | { readonly type: 'goodbye' }
  | { readonly type: 'apply'; readonly to: string; readonly action: Action }
  | { readonly type: 'togglePlay'; readonly to: string }
  | { readonly type: 'pause'; readonly to: string }
  | { readonly type: 'play'; readonly to: string };

/** What the link needs of a BroadcastChannel (a fake in tests). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export function openInstructorChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(INSTRUCTOR_CHANNEL) : null;
}

function pick(state: AppState, keys: readonly MirroredKey[]): MirroredState {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = state[key];
  return out as MirroredState;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/**
 * In the learners' window: answers instructor windows and applies what they send. Returns a
 * function that ends the link (and tells the instructor window).
 */
export function linkRunToInstructor(
  store: AppStore,
  channel: ChannelLike,
  options: { id?: string; intervalMs?: number } = {},
): () => void {
  const id = options.id ?? randomId();
  const intervalMs = options.intervalMs ?? STATE_INTERVAL_MS;
  let listening = false;
  let sent: MirroredState = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSentAt = -Infinity;

  const post = (message: RunToInstructor) => channel.postMessage(message);

  function sendChanges(): void {
    timer = undefined;
    const state = store.getState();
    const changed = MIRRORED_KEYS.filter((key) => state[key] !== sent[key]);
    if (changed.length === 0) return;
    const patch = pick(state, changed);
    sent = { ...sent, ...patch };
    lastSentAt = Date.now();
    post({ type: 'state', from: id, state: patch });
  }

  function sendAll(): void {
    sent = {};
    if (timer !== undefined) clearTimeout(timer);
    sendChanges();
  }

  const unsubscribe = store.subscribe(() => {
    if (!listening || timer !== undefined) return;
    const wait = Math.max(0, lastSentAt + intervalMs - Date.now());
    timer = setTimeout(sendChanges, wait);
  });

  const onMessage = (event: MessageEvent) => {
    const message = event.data as InstructorToRun | null;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'hello') {
      listening = true;
      sendAll();
      return;
    }
    // An instructor window closed: quiet until one says hello again (another one does within
    // HELLO_INTERVAL_MS).
    if (message.type === 'goodbye') {
      listening = false;
      return;
    }
    if (!('to' in message) || message.to !== id) return;
    const state = store.getState();
    if (message.type === 'apply') state.apply(message.action, 'instructor');
    else if (message.type === 'togglePlay') state.togglePlay();
    else if (message.type === 'pause') state.pause();
    else if (message.type === 'play') state.play();
  };
  channel.addEventListener('message', onMessage);

  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    channel.removeEventListener('message', onMessage);
    if (listening) post({ type: 'bye', from: id });
  };
}

export type LinkStatus = 'waiting' | 'connected' | 'gone';

/**
 * In the instructor window: mirrors the learners' run into `store` (whose run actions it replaces
 * with messages to that window) and reports the link's status. Returns a function that ends it.
 */
export function linkInstructorToRun(
  store: AppStore,
  channel: ChannelLike,
  onStatus: (status: LinkStatus) => void,
  options: { helloMs?: number; goneMs?: number; now?: () => number } = {},
): () => void {
  const helloMs = options.helloMs ?? HELLO_INTERVAL_MS;
  const goneMs = options.goneMs ?? GONE_AFTER_MS;
  const now = options.now ?? Date.now;
  let runId: string | null = null;
  let heardAt = -Infinity;
  let status: LinkStatus = 'waiting';

  const setStatus = (next: LinkStatus) => {
    if (next === status) return;
    status = next;
    onStatus(next);
  };
  const send = (message: InstructorToRun) => channel.postMessage(message);
  const to = () => runId;

  store.setState({
    instructorMode: true,
    apply(action: Action) {
      const target = to();
      if (target !== null) send({ type: 'apply', to: target, action });
    },
    togglePlay() {
      const target = to();
      if (target !== null) send({ type: 'togglePlay', to: target });
    },
    pause() {
      const target = to();
      if (target !== null) send({ type: 'pause', to: target });
    },
    play() {
      const target = to();
      if (target !== null) send({ type: 'play', to: target });
    },
  });

  const onMessage = (event: MessageEvent) => {
    const message = event.data as RunToInstructor | null;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'state') {
      // Follow the first window that answers, or a new one once it has gone.
      if (runId !== null && message.from !== runId && status === 'connected') return;
      runId = message.from;
      heardAt = now();
      store.setState(message.state);
      setStatus('connected');
    } else if (message.type === 'bye' && message.from === runId) {
      runId = null;
      setStatus('gone');
    }
  };
  channel.addEventListener('message', onMessage);

  const hello = () => {
    if (status === 'connected' && now() - heardAt > goneMs) {
      runId = null;
      setStatus('gone');
    }
    send({ type: 'hello' });
  };
  hello();
  const timer = setInterval(hello, helloMs);

  return () => {
    clearInterval(timer);
    channel.removeEventListener('message', onMessage);
    send({ type: 'goodbye' });
  };
}
