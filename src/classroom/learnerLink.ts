// A learner's page in a live class: links the app's store (its own engine, as always) to the
// classroom server over a WebSocket, through the store's public API only.
//
// - Joins with the class code and a display name; the server's learner id and secret are kept in
//   localStorage, so a reload or a lost network rejoins as the same learner.
// - Loads the class's scenario into the store (or keeps the run the app restored after a reload).
// - Uploads the run's action log in order, in batches, from where the server says it stands: the
//   server holds each position once, so nothing is lost or counted twice.
// - Applies the instructor's numbered commands (start, pause, play, speed, faults, events,
//   messages, end) exactly once each: the last number applied is kept with the identity and sent
//   on rejoining, and the server resends only what comes after it.
// - Locks the run while the instructor has paused the class, and, when the instructor holds the
//   class at the scenario's prompts, at each prompt until released: Play, Step and Next event do
//   nothing then (the store's own functions are wrapped, so the keyboard's shortcuts are locked
//   too), and the page says why.
// - When the instructor keeps everyone at the class's speed ("Learners choose their speed" off),
//   locks the run's speed to it: the store's setSpeed is wrapped the same way (the speed control
//   and the `[`/`]` keys do nothing), and the store's speedLock says why beside the control.
// - Reports a short status about once a second (temperatures, rhythm, brain cells, alarms, the
//   prompt it is held at).
// - Reconnects by itself, with a back-off, when the connection drops or goes silent.

import { cachedScenarioHash } from '../state/runRecord.ts';
import type { AppStore } from '../state/store.ts';
import {
  CLASSROOM_WS_PATH,
  MAX_ACTIONS_PER_MESSAGE,
  PING_INTERVAL_MS,
  type LearnerCommand,
  type LearnerStatus,
  type LearnerToServer,
  type ServerToLearner,
  type Welcome,
} from './protocol.ts';

export type LearnerLinkStatus = 'connecting' | 'connected' | 'offline' | 'refused';

export interface LearnerLinkState {
  readonly link: LearnerLinkStatus;
  readonly code: string;
  readonly name: string;
  /** Why the server refused (a wrong code, an ended class). */
  readonly refusal: string | null;
  /** Actions of this run the server holds, and the run's own count. */
  readonly sent: number;
  readonly local: number;
  readonly ended: boolean;
  /** Why the learner cannot play on: the class is paused, or held at a prompt; null: free. */
  readonly lock: 'paused' | 'held' | null;
}

interface Identity {
  learnerId: string;
  secret: string;
  name: string;
  applied: number;
  /** The last of the scenario's prompts the instructor released this run from (1: the first). */
  released: number;
}

export const identityKey = (code: string) => `coldboot-class-${code.toUpperCase()}`;

export function readIdentity(storage: Storage | null, code: string): Identity | null {
  try {
    const text = storage?.getItem(identityKey(code));
    if (!text) return null;
    const data = JSON.parse(text) as Partial<Identity>;
    if (typeof data.learnerId !== 'string' || typeof data.secret !== 'string') return null;
    return {
      learnerId: data.learnerId,
      secret: data.secret,
      name: typeof data.name === 'string' ? data.name : '',
      applied: typeof data.applied === 'number' ? data.applied : 0,
      released: typeof data.released === 'number' ? data.released : 0,
    };
  } catch {
    return null;
  }
}

function writeIdentity(storage: Storage | null, code: string, identity: Identity): void {
  try {
    storage?.setItem(identityKey(code), JSON.stringify(identity));
  } catch {
    // Storage full or blocked: the class goes on; a reload joins as a new learner.
  }
}

export function classSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${CLASSROOM_WS_PATH}`;
}

export interface LearnerLinkOptions {
  readonly code: string;
  readonly name: string;
  readonly url: string;
  readonly storage: Storage | null;
  /** Resolves once the app has restored a saved run (if any), so a reload keeps its run. */
  readonly startupSettled: () => Promise<void>;
  readonly onState: (state: LearnerLinkState) => void;
}

/** How many of the scenario's prompts (its pauses) this run has reached. */
export function promptsReached(actions: readonly { source: string; action: { do: string } }[]) {
  let n = 0;
  for (const a of actions) if (a.source === 'scenario' && a.action.do === 'pause') n += 1;
  return n;
}

/** How many of the scenario's prompts this run passed before `tS` (not one it stands at). */
export function promptsBefore(
  actions: readonly { atS: number; source: string; action: { do: string } }[],
  tS: number,
): number {
  return promptsReached(actions.filter((a) => a.atS < tS));
}

function statusOf(store: AppStore, held: number | null): LearnerStatus {
  const s = store.getState();
  const snap = s.snapshot;
  return {
    screen: s.screen,
    state: s.status,
    tS: snap?.tS ?? 0,
    brainC: snap ? Math.round(snap.brainTempC * 100) / 100 : null,
    coreC: snap ? Math.round(snap.coreTempC * 100) / 100 : null,
    rhythm: (snap?.rhythmLabel ?? '').slice(0, 60),
    viable: snap ? Math.min(1, Math.max(0, snap.brainViableFraction)) : null,
    alarms: (snap?.alarms ?? []).slice(0, 30).map((a) => a.slice(0, 60)),
    held,
  };
}

/** Links `store` to the class; returns a function that ends the link. */
export function linkLearnerToClass(store: AppStore, options: LearnerLinkOptions): () => void {
  const code = options.code.toUpperCase();
  let identity = readIdentity(options.storage, code);
  let state: LearnerLinkState = {
    link: 'connecting',
    code,
    name: identity?.name ?? options.name,
    refusal: null,
    sent: 0,
    local: store.getState().actions.length,
    ended: false,
    lock: null,
  };
  const setState = (patch: Partial<LearnerLinkState>) => {
    state = { ...state, ...patch };
    options.onState(state);
  };
  options.onState(state);

  let ws: WebSocket | null = null;
  let stopped = false;
  let ready = false;
  let received = 0;
  let inFlight = false;
  let lastHeard = Date.now();
  let retryMs = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastStatus = '';
  let lastStatusAt = 0;
  const queue: { seq: number; command: LearnerCommand }[] = [];
  /**
   * The server refused what this page uploads (a run reset or replaced mid-class: its log no longer
   * continues the one the server holds). Uploads stop rather than repeat a refused batch.
   */
  let uploadsRefused = false;
  let working = false;

  // ----- pacing: the class paused, and held at prompts -----
  let classPaused = false;
  let hold = false;
  let released = identity?.released ?? 0;
  /** The class's speed, and whether each learner may choose their own. */
  let classSpeed = store.getState().speed;
  let ownSpeed = true;
  const original = (({ play, step, skipToNextEvent, setSpeed }) => ({
    play,
    step,
    skipToNextEvent,
    setSpeed,
  }))(store.getState());
  /** Locks the run's speed to the class's (ownSpeed off), or frees it. */
  const updateSpeedLock = () => {
    if (!ownSpeed && store.getState().speed !== classSpeed) original.setSpeed(classSpeed);
    const speedLock = ownSpeed ? null : 'Your instructor keeps the class at this speed.';
    if (store.getState().speedLock !== speedLock) store.setState({ speedLock });
  };
  /** The prompt this run is held at, or null. */
  const heldAt = (): number | null => {
    const reached = promptsReached(store.getState().actions);
    return hold && reached > released ? reached : null;
  };
  const lockNow = (): LearnerLinkState['lock'] =>
    state.ended ? null : classPaused ? 'paused' : heldAt() !== null ? 'held' : null;
  const updateLock = () => {
    const lock = lockNow();
    if (lock !== state.lock) setState({ lock });
  };
  /** Releases up to this prompt (`exactly`: also back, when holding starts). */
  const setReleased = (upTo: number, exactly = false) => {
    released = exactly ? upTo : Math.max(released, upTo);
    if (identity && identity.released !== released) {
      identity = { ...identity, released };
      writeIdentity(options.storage, code, identity);
    }
  };
  /** Stopped at a prompt (the run paused itself there, or a prompt at time zero before it starts). */
  const atPrompt = () => {
    const s = store.getState();
    return s.status === 'ready' || (s.status === 'paused' && s.stopReason?.kind === 'prompt');
  };
  store.setState({
    // A class follows one path: the server keeps each learner's log as it grew (a rewind would
    // shorten it), so rewinding is off for the class's run.
    rewindAllowed: false,
    play: () => {
      if (lockNow() === null) original.play();
    },
    step: (simS: number) => {
      if (lockNow() === null) original.step(simS);
    },
    skipToNextEvent: () => {
      if (lockNow() === null) original.skipToNextEvent();
    },
    setSpeed: (speed: number) => {
      if (ownSpeed) original.setSpeed(speed);
    },
  });

  const post = (message: LearnerToServer) => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  function pump(): void {
    const actions = store.getState().actions;
    if (actions.length !== state.local) setState({ local: actions.length });
    if (!ready || inFlight || uploadsRefused || !ws || ws.readyState !== WebSocket.OPEN) return;
    if (actions.length <= received) return;
    inFlight = true;
    post({
      type: 'actions',
      from: received,
      actions: actions.slice(received, received + MAX_ACTIONS_PER_MESSAGE).map((a) => ({
        atS: a.atS,
        source: a.source,
        action: a.action,
      })),
    });
  }

  function sendStatus(force = false): void {
    if (!ready) return;
    const status = statusOf(store, heldAt());
    const text = JSON.stringify(status);
    if (!force && text === lastStatus && Date.now() - lastStatusAt < 5000) return;
    lastStatus = text;
    lastStatusAt = Date.now();
    post({ type: 'status', status });
  }

  /** Resolves once the run can be acted on (loaded, not loading). */
  function whenLoaded(): Promise<void> {
    const done = () => {
      const s = store.getState();
      return s.snapshot !== null && s.status !== 'loading';
    };
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const unsubscribe = store.subscribe(() => {
        if (!done()) return;
        unsubscribe();
        resolve();
      });
    });
  }

  async function apply(command: LearnerCommand): Promise<void> {
    const s = store.getState();
    switch (command.kind) {
      case 'start':
        classPaused = false;
        updateLock();
        if (s.screen === 'briefing' || s.screen === 'library') s.goTo('run');
        await whenLoaded();
        store.getState().play();
        break;
      case 'pause':
        classPaused = true;
        updateLock();
        s.pause();
        break;
      case 'play':
        classPaused = false;
        updateLock();
        if (s.screen === 'run') s.play();
        break;
      case 'hold':
        hold = command.on;
        // Prompts already passed are not held; one the run stands at now (or at time zero,
        // before it starts) is.
        setReleased(promptsBefore(s.actions, s.snapshot?.tS ?? 0), command.on);
        updateLock();
        sendStatus(true);
        break;
      case 'release':
        setReleased(command.upTo);
        updateLock();
        if (lockNow() === null && s.screen === 'run' && atPrompt()) store.getState().play();
        sendStatus(true);
        break;
      case 'speed':
        classSpeed = command.speed;
        original.setSpeed(command.speed);
        break;
      case 'ownSpeed':
        ownSpeed = command.on;
        updateSpeedLock();
        break;
      case 'apply':
        await whenLoaded();
        store.getState().apply(command.action, 'instructor');
        break;
      case 'end':
        setState({ ended: true });
        if (s.screen !== 'debrief' && s.scenario) s.endRun();
        break;
    }
  }

  async function work(): Promise<void> {
    if (working || !ready) return;
    working = true;
    try {
      while (queue.length > 0 && !stopped) {
        const { seq, command } = queue.shift()!;
        if (!identity || seq <= identity.applied) continue;
        await apply(command);
        identity = { ...identity, applied: seq };
        writeIdentity(options.storage, code, identity);
        post({ type: 'applied', upTo: seq });
      }
    } finally {
      working = false;
    }
  }

  async function welcome(message: Welcome): Promise<void> {
    identity = {
      learnerId: message.learnerId,
      secret: message.secret,
      name: message.name,
      applied: identity?.learnerId === message.learnerId ? identity.applied : 0,
      released: identity?.learnerId === message.learnerId ? identity.released : 0,
    };
    released = identity.released;
    hold = message.session.hold;
    classPaused = message.session.started && message.session.paused && !message.session.ended;
    classSpeed = message.session.speed;
    ownSpeed = message.session.ownSpeed !== false;
    writeIdentity(options.storage, code, identity);
    received = message.received;
    inFlight = false;
    setState({ link: 'connected', name: message.name, sent: received, refusal: null });
    retryMs = 1000;
    updateLock();
    if (!ready) {
      await options.startupSettled();
      const s = store.getState();
      const sameRun =
        s.scenario !== null && cachedScenarioHash(s.scenario) === message.scenario.hash;
      if (!sameRun) {
        await s.loadScenario(
          { text: message.scenario.text, fileName: message.scenario.fileName, origin: 'file' },
          { seed: message.seed, speed: message.session.speed },
        );
        if (message.session.ended) setState({ ended: true });
        store.getState().goTo(message.session.started ? 'run' : 'briefing');
        if (message.session.started && !message.session.paused && !message.session.ended) {
          await whenLoaded();
          store.getState().play();
        }
      }
      ready = true;
    }
    // After a reload the app restores the run at the speed it was saved with: the class's wins.
    updateSpeedLock();
    pump();
    sendStatus(true);
    void work();
  }

  function onMessage(event: MessageEvent): void {
    lastHeard = Date.now();
    let message: ServerToLearner;
    try {
      message = JSON.parse(String(event.data)) as ServerToLearner;
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome':
        void welcome(message);
        break;
      case 'ack':
        inFlight = false;
        received = message.received;
        setState({ sent: received });
        pump();
        break;
      case 'command':
        queue.push({ seq: message.seq, command: message.command });
        void work();
        break;
      case 'refused':
        if (message.fatal) {
          stopped = true;
          setState({ link: 'refused', refusal: message.reason });
        } else {
          // A batch refused is not sent again (it would be refused again).
          console.warn(`The class server refused a message: ${message.reason}`);
          if (inFlight && /^(actions|more than)/.test(message.reason)) {
            uploadsRefused = true;
            setState({ refusal: `your run's log: ${message.reason}` });
          }
          inFlight = false;
        }
        break;
      case 'ping':
        break;
    }
  }

  function connect(): void {
    if (stopped) return;
    retryTimer = undefined;
    setState({ link: state.link === 'connected' ? 'offline' : state.link });
    let socket: WebSocket;
    try {
      socket = new WebSocket(options.url);
    } catch {
      scheduleRetry();
      return;
    }
    ws = socket;
    lastHeard = Date.now();
    socket.addEventListener('open', () => {
      lastHeard = Date.now();
      post({
        type: 'join',
        code,
        name: identity?.name ?? options.name,
        ...(identity
          ? { learnerId: identity.learnerId, secret: identity.secret, applied: identity.applied }
          : {}),
      });
    });
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', () => drop(socket));
    socket.addEventListener('error', () => {
      // A close event follows.
    });
  }

  /** Gives up a connection (closed, or silent too long) and tries again. */
  function drop(socket: WebSocket): void {
    if (ws === socket) {
      ws = null;
      inFlight = false;
      if (!stopped) {
        setState({ link: 'offline' });
        scheduleRetry();
      }
    }
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
      socket.close();
  }

  function scheduleRetry(): void {
    if (stopped || retryTimer !== undefined) return;
    retryTimer = setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  }

  const onOnline = () => {
    if (!ws && retryTimer !== undefined) {
      clearTimeout(retryTimer);
      retryTimer = undefined;
      retryMs = 1000;
      connect();
    }
  };
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.actions !== prev.actions) {
      // Without holding, every prompt reached is passed as the app always lets it be.
      if (!hold) released = Math.max(released, promptsReached(s.actions));
      pump();
      const wasLocked = state.lock;
      updateLock();
      if (state.lock === 'held' && wasLocked !== 'held') sendStatus(true);
    }
  });
  const ticker = setInterval(() => {
    sendStatus();
    // Silence for three pings: the connection is dead even if the browser has not noticed.
    if (ws && Date.now() - lastHeard > 3 * PING_INTERVAL_MS) drop(ws);
  }, 1000);

  connect();

  return () => {
    stopped = true;
    unsubscribe();
    store.setState({ ...original, speedLock: null });
    clearInterval(ticker);
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    ws?.close();
  };
}
