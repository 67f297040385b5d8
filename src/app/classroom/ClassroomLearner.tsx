// A learner's page in a live class (`/?class=CODE`): a join screen (display name or anonymous), then
// the app as always, linked to the class (src/classroom/learnerLink.ts), with a thin bar saying
// which class, as whom, and whether the connection and the run's log are up to date; while the
// instructor has paused the class or holds it at a prompt, a banner says so and Play is locked.

import { useEffect, useId, useState } from 'react';
import {
  classSocketUrl,
  linkLearnerToClass,
  readIdentity,
  type LearnerLinkState,
} from '../../classroom/learnerLink.ts';
import { MAX_NAME_LENGTH, cleanName } from '../../classroom/protocol.ts';
import { App } from '../App.tsx';
import { startupSettled } from '../appEffects.ts';
import { useAppStoreApi } from '../store-context.tsx';
import './classroom.css';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The class code a learner's address carries (`?class=ABC123`), or null. */
export function classCodeOf(search: string): string | null {
  const code = new URLSearchParams(search).get('class');
  return code === null ? null : code.trim().toUpperCase().slice(0, 20);
}

export function ClassroomLearner({ code }: { code: string }) {
  // A learner who has joined before (a reload) goes straight back in.
  const [name, setName] = useState<string | null>(() =>
    readIdentity(storage(), code) !== null ? '' : null,
  );
  if (name === null) return <JoinScreen code={code} onJoin={setName} />;
  return <LinkedApp code={code} name={name} />;
}

function JoinScreen({ code, onJoin }: { code: string; onJoin: (name: string) => void }) {
  const nameId = useId();
  const [name, setName] = useState('');
  return (
    <main className="class-join" data-testid="class-join">
      <div className="class-join-card panel">
        <p className="class-brand">ColdBoot · live class</p>
        <h1>Join class {code}</h1>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onJoin(cleanName(name));
          }}
        >
          <label htmlFor={nameId}>Your name, as the instructor will see it</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            autoComplete="nickname"
            placeholder="Optional"
            onChange={(e) => setName(e.target.value)}
            data-testid="class-name"
          />
          <p className="muted">
            Only the instructor sees names; the class debrief on the projector is anonymous.
          </p>
          <div className="class-join-actions">
            <button type="submit" className="button button-primary" data-testid="class-join-button">
              Join
            </button>
            <button
              type="button"
              className="button"
              onClick={() => onJoin('')}
              data-testid="class-join-anonymous"
            >
              Stay anonymous
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}

const LINK_WORDS: Record<LearnerLinkState['link'], string> = {
  connecting: 'connecting…',
  connected: 'connected',
  offline: 'offline: your run goes on and catches up when the network is back',
  refused: 'not in the class',
};

function LinkedApp({ code, name }: { code: string; name: string }) {
  const store = useAppStoreApi();
  const [link, setLink] = useState<LearnerLinkState | null>(null);
  useEffect(
    () =>
      linkLearnerToClass(store, {
        code,
        name,
        url: classSocketUrl(window.location),
        storage: storage(),
        startupSettled: () => startupSettled(store),
        onState: setLink,
      }),
    [store, code, name],
  );
  const synced = link !== null && link.sent >= link.local;
  const lock = link?.lock ?? null;
  useEffect(() => {
    if (lock === null) delete document.body.dataset.classLock;
    else document.body.dataset.classLock = lock;
    return () => {
      delete document.body.dataset.classLock;
    };
  }, [lock]);
  return (
    <>
      <App />
      {lock !== null && (
        <div className="class-lock" role="status" data-testid="class-lock" data-lock={lock}>
          {lock === 'paused'
            ? 'Your instructor has paused the class: the run goes on when they resume it.'
            : 'Wait here: your instructor will release the class from this prompt.'}
        </div>
      )}
      <div
        className={`class-bar class-bar-${link?.link ?? 'connecting'}`}
        role="status"
        data-testid="class-bar"
        data-link={link?.link ?? 'connecting'}
        data-local={link?.local ?? 0}
        data-sent={link?.sent ?? 0}
      >
        <span>
          Class <strong>{code}</strong>
          {link?.name ? ` · ${link.name}` : ' · anonymous'}
        </span>
        <span>
          {link?.refusal ? `Refused: ${link.refusal}` : LINK_WORDS[link?.link ?? 'connecting']}
          {link?.link === 'connected' && (synced ? ' · all saved' : ' · saving…')}
          {link?.ended ? ' · the class has ended' : ''}
        </span>
      </div>
    </>
  );
}
