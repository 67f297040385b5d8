// The instructor's console's connection to the classroom server: signs in with the secret token
// (from the address's fragment, which browsers never send to a server), keeps the roster and the
// session as the server reports them, and sends pacing, instructor actions and the end of the
// session. Reconnects by itself; a wrong token is final.

import type { Action } from '../../models/index.ts';
import {
  PING_INTERVAL_MS,
  type ClassDebrief,
  type InstructorToServer,
  type LearnerRow,
  type LearnerDetail,
  type PaceOp,
  type ServerToConsole,
  type SessionInfo,
  type Target,
} from './protocol.ts';

/** The learner the console follows: their trend and action log as received so far. */
export interface FollowedLearner {
  readonly id: string;
  readonly trend: LearnerDetail['trend'];
  readonly actions: LearnerDetail['actions'];
}

export interface ConsoleState {
  readonly link: 'connecting' | 'connected' | 'offline' | 'refused';
  readonly refusal: string | null;
  /** The last refusal of something sent (not final), for the instructor to read. */
  readonly notice: string | null;
  readonly session: SessionInfo | null;
  readonly joinUrl: string;
  readonly learners: readonly LearnerRow[];
  readonly debrief: ClassDebrief | null;
  readonly followed: FollowedLearner | null;
}

export interface ConsoleLink {
  getState(): ConsoleState;
  subscribe(listener: () => void): () => void;
  pace(op: PaceOp): void;
  speed(speed: number): void;
  inject(to: Target, action: Action): void;
  hold(on: boolean): void;
  /** Learners choose their own speed (on) or keep the class's (off). */
  ownSpeed(on: boolean): void;
  release(to: Target): void;
  group(learners: readonly string[], name: string): void;
  /** Follows one learner live (null: nobody). */
  follow(id: string | null): void;
  end(): void;
  close(): void;
}

export function openConsoleLink(url: string, token: string): ConsoleLink {
  let state: ConsoleState = {
    link: 'connecting',
    refusal: null,
    notice: null,
    session: null,
    joinUrl: '',
    learners: [],
    debrief: null,
    followed: null,
  };
  let following: string | null = null;
  const listeners = new Set<() => void>();
  const set = (patch: Partial<ConsoleState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };
  let ws: WebSocket | null = null;
  let stopped = false;
  let retryMs = 1000;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lastHeard = Date.now();

  const send = (message: InstructorToServer) => {
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  function onMessage(event: MessageEvent): void {
    lastHeard = Date.now();
    let m: ServerToConsole;
    try {
      m = JSON.parse(String(event.data)) as ServerToConsole;
    } catch {
      return;
    }
    switch (m.type) {
      case 'console':
        retryMs = 1000;
        set({ link: 'connected', session: m.session, joinUrl: m.joinUrl, learners: m.learners });
        // After a reconnection the server follows the same learner again, from the start.
        if (following !== null) send({ type: 'watch', learner: following });
        break;
      case 'detail': {
        if (m.id !== following) break;
        const before = state.followed?.id === m.id && !m.whole ? state.followed : null;
        set({
          followed: {
            id: m.id,
            trend: before ? [...before.trend, ...m.trend] : m.trend,
            actions: before ? [...before.actions, ...m.actions] : m.actions,
          },
        });
        break;
      }
      case 'session':
        set({ session: m.session });
        break;
      case 'learners': {
        const changed = new Map(m.learners.map((l) => [l.id, l]));
        const others = state.learners.filter((l) => !changed.has(l.id));
        set({ learners: [...others, ...changed.values()].sort((a, b) => a.number - b.number) });
        break;
      }
      case 'classDebrief':
        set({ debrief: m.debrief });
        break;
      case 'refused':
        if (m.fatal) {
          stopped = true;
          set({ link: 'refused', refusal: m.reason });
        } else set({ notice: m.reason });
        break;
      case 'ping':
        break;
    }
  }

  function drop(socket: WebSocket): void {
    if (ws === socket) {
      ws = null;
      if (!stopped) {
        set({ link: 'offline' });
        if (retryTimer === undefined) {
          retryTimer = setTimeout(connect, retryMs);
          retryMs = Math.min(retryMs * 2, 5000);
        }
      }
    }
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)
      socket.close();
  }

  function connect(): void {
    retryTimer = undefined;
    if (stopped) return;
    const socket = new WebSocket(url);
    ws = socket;
    lastHeard = Date.now();
    socket.addEventListener('open', () => send({ type: 'console', token }));
    socket.addEventListener('message', onMessage);
    socket.addEventListener('close', () => drop(socket));
  }
  const watchdog = setInterval(() => {
    if (ws && Date.now() - lastHeard > 3 * PING_INTERVAL_MS) drop(ws);
  }, 1000);
  connect();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pace: (op) => send({ type: 'pace', op }),
    speed: (speed) => send({ type: 'speed', speed }),
    inject: (to, action) => send({ type: 'inject', to, action }),
    hold: (on) => send({ type: 'hold', on }),
    ownSpeed: (on) => send({ type: 'ownSpeed', on }),
    release: (to) => send({ type: 'release', to }),
    group: (learners, name) => send({ type: 'group', learners, name }),
    follow(id) {
      following = id;
      set({ followed: id === null ? null : { id, trend: [], actions: [] } });
      send({ type: 'watch', learner: id });
    },
    end: () => send({ type: 'end' }),
    close() {
      stopped = true;
      clearInterval(watchdog);
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      ws?.close();
    },
  };
}
