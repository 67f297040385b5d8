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
  type PaceOp,
  type ServerToConsole,
  type SessionInfo,
} from './protocol.ts';

export interface ConsoleState {
  readonly link: 'connecting' | 'connected' | 'offline' | 'refused';
  readonly refusal: string | null;
  /** The last refusal of something sent (not final), for the instructor to read. */
  readonly notice: string | null;
  readonly session: SessionInfo | null;
  readonly joinUrl: string;
  readonly learners: readonly LearnerRow[];
  readonly debrief: ClassDebrief | null;
}

export interface ConsoleLink {
  getState(): ConsoleState;
  subscribe(listener: () => void): () => void;
  pace(op: PaceOp): void;
  speed(speed: number): void;
  inject(to: string, action: Action): void;
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
  };
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
        break;
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
    end: () => send({ type: 'end' }),
    close() {
      stopped = true;
      clearInterval(watchdog);
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      ws?.close();
    },
  };
}
