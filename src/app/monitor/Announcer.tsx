// Alarms seen, heard and announced: an ARIA live region that says new alarms, cleared alarms and
// rhythm changes to screen readers; the alarm tone for urgent ones; and a mute switch. Render it once.
// It compares snapshots in a store subscription, not in a render: it re-renders when it has
// something to say or the alarms come or go, not on every tick.

import './monitor.css';
import { useEffect, useRef, useState } from 'react';
import type { Snapshot } from '../../../models/index.ts';
import { useAppStore, useAppStoreApi } from '../store-context.tsx';
import { AlarmTone } from './alarmTone.ts';
import { announcements, needsTone } from './announcements.ts';

/** One tone per page: it owns the audio context. */
let sharedTone: AlarmTone | null = null;
function tone(): AlarmTone {
  return (sharedTone ??= new AlarmTone());
}

export function Announcer() {
  const store = useAppStoreApi();
  const previous = useRef<Snapshot | null>(null);
  const [message, setMessage] = useState('');
  const [muted, setMuted] = useState(() => tone().isMuted);
  const hasAlarms = useAppStore((s) => (s.snapshot?.alarms.length ?? 0) > 0);

  // Browsers allow sound only after a gesture: unlock the audio on the first one.
  useEffect(() => {
    const unlock = () => tone().unlock();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  useEffect(() => {
    const hear = (snapshot: Snapshot | null) => {
      const prev = previous.current;
      previous.current = snapshot;
      // A new run (time went back) starts afresh: nothing to compare with.
      if (!snapshot || (prev && snapshot.tS < prev.tS)) {
        setMessage('');
        return;
      }
      const list = announcements(prev, snapshot);
      if (list.length === 0) return;
      setMessage(list.map((a) => a.text).join(' '));
      if (needsTone(list)) tone().play();
    };
    // The run as it is when the announcer appears, then each new snapshot.
    hear(store.getState().snapshot);
    return store.subscribe((state, before) => {
      if (state.snapshot !== before.snapshot) hear(state.snapshot);
    });
  }, [store]);

  return (
    <div className="announcer">
      <button
        type="button"
        className={`mute-button${muted ? ' is-muted' : ''}${hasAlarms ? ' has-alarms' : ''}`}
        aria-pressed={muted}
        onClick={() => {
          const next = !muted;
          tone().setMuted(next);
          setMuted(next);
        }}
        title={muted ? 'Alarm sound is off' : 'Alarm sound is on'}
        data-testid="mute-alarms"
      >
        <SpeakerIcon muted={muted} />
        <span className="switch-label">{muted ? 'Sound off' : 'Sound on'}</span>
      </button>
      <div
        className="visually-hidden"
        aria-live="assertive"
        aria-atomic="true"
        data-testid="announcer"
      >
        {message}
      </div>
    </div>
  );
}

/** A loudspeaker, struck through when muted (drawn, so no font needs the glyph). */
function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M2 6h3l4-3v10l-4-3H2z" fill="currentColor" stroke="none" />
      {muted ? (
        <path d="M11 5.5l4 5M15 5.5l-4 5" strokeLinecap="round" />
      ) : (
        <path d="M11 5.5c1 1.4 1 3.6 0 5M13 4c2 2.3 2 5.7 0 8" strokeLinecap="round" />
      )}
    </svg>
  );
}
