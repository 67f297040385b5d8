// The alarm tone: a three-pulse "medium priority" burst (after IEC 60601-1-8: three pulses, a
// rising triad) made with Web Audio. Browsers let a page make sound only after a user gesture, so the
// audio context is created lazily and resumed on the first click or key press. Mute is remembered.

const MUTE_KEY = 'coldboot.alarmsMuted';
/** Pulse pitches, Hz (C5, E5, G5) and timing, s. */
const PITCHES = [523.25, 659.25, 783.99];
const PULSE_S = 0.16;
const GAP_S = 0.07;
/** At most one burst in this many ms, however many alarms arrive together. */
const MIN_INTERVAL_MS = 2500;

type AudioContextConstructor = new () => AudioContext;

export class AlarmTone {
  private context: AudioContext | null = null;
  private lastMs = -Infinity;
  private muted: boolean;

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage(),
  ) {
    this.muted = storage?.getItem(MUTE_KEY) === '1';
  }

  get isMuted(): boolean {
    return this.muted;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    try {
      this.storage?.setItem(MUTE_KEY, muted ? '1' : '0');
    } catch {
      // Private browsing may refuse storage: mute still holds for this page.
    }
  }

  /** Call from a user gesture: creates or resumes the audio context so later bursts can sound. */
  unlock(): void {
    const context = this.ensureContext();
    if (context && context.state === 'suspended') void context.resume().catch(() => undefined);
  }

  /** Plays one burst unless muted, or one has just played. Never throws. */
  play(nowMs: number = performance.now()): boolean {
    if (this.muted || nowMs - this.lastMs < MIN_INTERVAL_MS) return false;
    const context = this.ensureContext();
    if (!context || context.state !== 'running') return false;
    this.lastMs = nowMs;
    try {
      const start = context.currentTime + 0.02;
      PITCHES.forEach((hz, i) => {
        const t = start + i * (PULSE_S + GAP_S);
        const osc = context.createOscillator();
        const gain = context.createGain();
        osc.type = 'triangle';
        osc.frequency.value = hz;
        gain.gain.setValueAtTime(0, t);
        gain.gain.linearRampToValueAtTime(0.18, t + 0.02);
        gain.gain.setValueAtTime(0.18, t + PULSE_S - 0.03);
        gain.gain.linearRampToValueAtTime(0, t + PULSE_S);
        osc.connect(gain).connect(context.destination);
        osc.start(t);
        osc.stop(t + PULSE_S + 0.01);
      });
      return true;
    } catch {
      return false;
    }
  }

  private ensureContext(): AudioContext | null {
    if (this.context) return this.context;
    const Ctor =
      typeof window === 'undefined'
        ? undefined
        : ((window as unknown as { AudioContext?: AudioContextConstructor }).AudioContext ??
          (window as unknown as { webkitAudioContext?: AudioContextConstructor })
            .webkitAudioContext);
    if (!Ctor) return null;
    try {
      this.context = new Ctor();
    } catch {
      return null;
    }
    return this.context;
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
