// The instructor's console of a live class (`/?console#<token>`, printed by `coldboot classroom`):
// every learner live in one sortable table, pacing for the whole class (start, pause that locks
// the learners' Play, a common speed that learners may change or not, holding everyone at the scenario's prompts until released),
// one learner followed live (their trend and action log), groups of learners, the instructor
// panel's faults, arrests and messages to one learner, a group or everyone, the join screen for the
// projector, and the class debrief at the end. Names are shown only here, and only when asked; the projector's
// views are anonymous by default.

import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import { formatClock, type ArrestRhythm, type FaultKind } from '../../../models/index.ts';
import { openConsoleLink, type ConsoleLink } from '../../classroom/consoleLink.ts';
import { classSocketUrl } from '../../classroom/learnerLink.ts';
import {
  GROUP_PREFIX,
  MAX_GROUP_NAME_LENGTH,
  learnerLabel,
  targetLabel,
  type LearnerRow,
  type PaceOp,
} from '../../classroom/protocol.ts';
import { SPEEDS } from '../../worker/protocol.ts';
import { ArrestSelect, FaultSelect } from '../FaultSelect.tsx';
import { ClassDebriefView } from './ClassDebriefView.tsx';
import { LearnerDrillDown } from './LearnerDrillDown.tsx';
import './classroom.css';

/** `?console` with the token in the fragment. */
export function consoleTokenOf(location: Pick<Location, 'search' | 'hash'>): string | null {
  if (!new URLSearchParams(location.search).has('console')) return null;
  return location.hash.replace(/^#/, '');
}

type SortKey =
  'number' | 'group' | 'connected' | 'tS' | 'brainC' | 'coreC' | 'rhythm' | 'viable' | 'alarms';

const COLUMNS: readonly { key: SortKey; label: string }[] = [
  { key: 'number', label: 'Learner' },
  { key: 'group', label: 'Group' },
  { key: 'connected', label: 'Link' },
  { key: 'tS', label: 'Time' },
  { key: 'brainC', label: 'Brain °C' },
  { key: 'coreC', label: 'Core °C' },
  { key: 'rhythm', label: 'Rhythm' },
  { key: 'viable', label: 'Brain cells' },
  { key: 'alarms', label: 'Alarms' },
];

function sortValue(row: LearnerRow, key: SortKey): number | string {
  const s = row.status;
  switch (key) {
    case 'number':
      return row.number;
    case 'group':
      return row.group;
    case 'connected':
      return row.connected ? 1 : 0;
    case 'tS':
      return s?.tS ?? -1;
    case 'brainC':
      return s?.brainC ?? -999;
    case 'coreC':
      return s?.coreC ?? -999;
    case 'rhythm':
      return s?.rhythm ?? '';
    case 'viable':
      return s?.viable ?? -1;
    case 'alarms':
      return s?.alarms.length ?? 0;
  }
}

const STATE_WORDS: Record<string, string> = {
  idle: 'joining',
  loading: 'loading',
  ready: 'ready',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  error: 'error',
};

/** The class's pacing, a button a step for everyone (the first, to start, the primary one). */
const PACE_BUTTONS: readonly { op: PaceOp; label: string; testId: string }[] = [
  { op: 'start', label: 'Start all', testId: 'start-all' },
  { op: 'pause', label: 'Pause all', testId: 'pause-all' },
  { op: 'resume', label: 'Resume all', testId: 'resume-all' },
];

/** The class's switches the server keeps (each shows the server's state; `before`, until it is known). */
const SESSION_SWITCHES: readonly {
  key: 'ownSpeed' | 'hold';
  label: string;
  title: string;
  before: boolean;
  testId: string;
}[] = [
  {
    key: 'ownSpeed',
    label: 'Learners choose their speed',
    title:
      "On: each learner may change their own speed after yours. Off: every learner's speed stays at the class's",
    before: true,
    testId: 'own-speed',
  },
  {
    key: 'hold',
    label: 'Hold at prompts',
    title: 'Learners who reach a prompt wait there until you release them',
    before: false,
    testId: 'hold-prompts',
  },
];

/** One of the toolbar's on/off switches: a checkbox and its words, with what it does as a tooltip. */
function CheckSwitch({
  label,
  title,
  checked,
  disabled,
  onChange,
  testId,
}: {
  label: string;
  title?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
  testId: string;
}) {
  return (
    <label className="class-check" title={title}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {label}
    </label>
  );
}

function useConsole(token: string): ConsoleLink {
  const [link] = useState(() => openConsoleLink(classSocketUrl(window.location), token));
  useEffect(() => () => link.close(), [link]);
  return link;
}

export function ClassConsole({ token }: { token: string }) {
  const link = useConsole(token);
  const state = useSyncExternalStore(link.subscribe, link.getState);
  // 'auto': the console, then the class debrief as soon as it arrives.
  const [chosenView, setView] = useState<'auto' | 'console' | 'join' | 'debrief'>('auto');
  const [showNames, setShowNames] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; up: boolean }>({ key: 'number', up: true });
  const [target, setTarget] = useState('all');
  const [fault, setFault] = useState<FaultKind>('oxygenator-failure');
  const [rhythm, setRhythm] = useState<ArrestRhythm>('vf');
  const [message, setMessage] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [groupName, setGroupName] = useState('');
  const ids = {
    group: useId(),
    target: useId(),
    fault: useId(),
    rhythm: useId(),
    message: useId(),
    speed: useId(),
  };
  const { session, learners, debrief, followed } = state;
  const groups = useMemo(
    () => [...new Set(learners.map((l) => l.group).filter(Boolean))].sort(),
    [learners],
  );

  const view = chosenView === 'auto' ? (debrief ? 'debrief' : 'console') : chosenView;

  const rows = useMemo(() => {
    const sorted = [...learners].sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      const c = x < y ? -1 : x > y ? 1 : a.number - b.number;
      return sort.up ? c : -c;
    });
    return sorted;
  }, [learners, sort]);
  // A large class in two tables side by side (on a wide screen), so 60 fit on one screen.
  const parts =
    rows.length > SPLIT_FROM
      ? [rows.slice(0, Math.ceil(rows.length / 2)), rows.slice(Math.ceil(rows.length / 2))]
      : [rows];

  if (state.link === 'refused') {
    return (
      <main className="class-console">
        <h1>ColdBoot classroom</h1>
        <p className="class-error" role="alert" data-testid="console-refused">
          The server refused this console: {state.refusal}. Use the console address that{' '}
          <code>coldboot classroom</code> printed.
        </p>
      </main>
    );
  }

  const connected = learners.filter((l) => l.connected).length;
  const title = session?.title ?? 'ColdBoot classroom';

  if (view === 'join' && session) {
    return (
      <main className="class-projector class-joinscreen" data-testid="join-screen">
        <div className="class-joinscreen-text">
          <p className="class-brand">ColdBoot · live class</p>
          <h1>{title}</h1>
          <p className="class-joinscreen-label">Open</p>
          <p className="class-joinscreen-url" data-testid="join-url">
            {state.joinUrl}
          </p>
          <p className="class-joinscreen-label">Class code</p>
          <p className="class-joinscreen-code" data-testid="join-code">
            {session.code}
          </p>
          <p className="class-joinscreen-count" data-testid="join-count">
            {learners.length === 1
              ? '1 learner has joined'
              : `${learners.length} learners have joined`}
          </p>
          <button type="button" className="button" onClick={() => setView('console')}>
            Back to the console
          </button>
        </div>
        <img className="class-qr" src="/classroom/qr.svg" alt={`QR code of ${state.joinUrl}`} />
      </main>
    );
  }

  if (view === 'debrief' && debrief) {
    return (
      <ClassDebriefView
        debrief={debrief}
        showNames={showNames}
        onShowNames={setShowNames}
        onBack={() => setView('console')}
      />
    );
  }

  const live = state.link === 'connected' && session !== null && !session.ended;
  const inject = (action: Parameters<ConsoleLink['inject']>[1]) => link.inject(target, action);
  const inTarget = (l: LearnerRow) =>
    target === 'all' ||
    target === l.id ||
    (target.startsWith(GROUP_PREFIX) && l.group === target.slice(GROUP_PREFIX.length));
  const waiting = learners.filter((l) => l.status?.held != null);
  const waitingInTarget = waiting.filter(inTarget);
  const followedRow = followed ? learners.find((l) => l.id === followed.id) : undefined;
  const choose = (id: string) => {
    setTarget(id);
    link.follow(id);
  };
  const toggleSelected = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <main className="class-console" data-testid="class-console">
      <header className="class-console-head">
        <div>
          <p className="class-brand">ColdBoot · live class console</p>
          <h1>{title}</h1>
        </div>
        <div className="class-console-meta">
          <span>
            Code <strong data-testid="console-code">{session?.code ?? '…'}</strong>
          </span>
          <span data-testid="console-count">
            {connected} of {learners.length} connected
          </span>
          <span
            className={`class-dot class-dot-${state.link}`}
            data-testid="console-link"
            data-link={state.link}
          >
            {state.link}
          </span>
        </div>
      </header>

      <section className="class-toolbar panel" aria-label="Pacing">
        {PACE_BUTTONS.map((b) => (
          <button
            key={b.op}
            type="button"
            className={b.op === 'start' ? 'button button-primary' : 'button'}
            disabled={!live}
            onClick={() => link.pace(b.op)}
            data-testid={b.testId}
          >
            {b.label}
          </button>
        ))}
        <label htmlFor={ids.speed}>Speed</label>
        <select
          id={ids.speed}
          value={session?.speed ?? 60}
          disabled={!live}
          onChange={(e) => link.speed(Number(e.target.value))}
          data-testid="class-speed"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        {SESSION_SWITCHES.map((sw) => (
          <CheckSwitch
            key={sw.key}
            label={sw.label}
            title={sw.title}
            checked={session?.[sw.key] ?? sw.before}
            disabled={!live}
            onChange={(on) => link[sw.key](on)}
            testId={sw.testId}
          />
        ))}
        <button
          type="button"
          className="button"
          disabled={!live || waitingInTarget.length === 0}
          onClick={() => link.release(target)}
          data-testid="release"
          title={`Let the learners of ${targetLabel(target, learners, showNames)} who wait at a prompt go on`}
        >
          Release {waitingInTarget.length} waiting
        </button>
        <span className="class-toolbar-state" data-testid="class-pacing">
          {session?.ended
            ? 'Ended'
            : !session?.started
              ? 'Not started'
              : session.paused
                ? 'Paused'
                : 'Running'}
          {waiting.length > 0 ? ` · ${waiting.length} at a prompt` : ''}
        </span>
        <span className="class-toolbar-gap" />
        <CheckSwitch
          label="Show names"
          checked={showNames}
          onChange={setShowNames}
          testId="show-names"
        />
        <button
          type="button"
          className="button"
          onClick={() => setView('join')}
          data-testid="show-join"
        >
          Join screen
        </button>
        {debrief ? (
          <button type="button" className="button" onClick={() => setView('debrief')}>
            Class debrief
          </button>
        ) : (
          <button
            type="button"
            className="button button-warn"
            disabled={!live}
            onClick={() => {
              if (window.confirm('End the session for everyone and show the class debrief?')) {
                setView('auto');
                link.end();
              }
            }}
            data-testid="end-session"
          >
            End and debrief
          </button>
        )}
      </section>

      <section className="class-inject panel" aria-label="Instructor actions">
        <label htmlFor={ids.target}>To</label>
        <select
          id={ids.target}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="inject-target"
        >
          <option value="all">Everyone</option>
          {groups.map((g) => (
            <option key={g} value={`${GROUP_PREFIX}${g}`}>
              Group {g}
            </option>
          ))}
          {learners.map((l) => (
            <option key={l.id} value={l.id}>
              {learnerLabel(l, showNames)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.fault}>Fault</label>
        <FaultSelect id={ids.fault} value={fault} onChange={setFault} testId="console-fault" />
        <button
          type="button"
          className="button button-small button-warn"
          disabled={!live}
          onClick={() => inject({ do: 'fault', kind: fault })}
          data-testid="console-inject-fault"
        >
          Inject
        </button>
        <label htmlFor={ids.rhythm}>Arrest</label>
        <ArrestSelect id={ids.rhythm} value={rhythm} onChange={setRhythm} />
        <button
          type="button"
          className="button button-small button-warn"
          disabled={!live}
          onClick={() => inject({ do: 'cardiacArrest', rhythm })}
          data-testid="console-inject-arrest"
        >
          Inject
        </button>
        <form
          className="class-message"
          onSubmit={(e) => {
            e.preventDefault();
            const text = message.trim();
            if (!text) return;
            inject({ do: 'message', text });
            setMessage('');
          }}
        >
          <label htmlFor={ids.message}>Message</label>
          <input
            id={ids.message}
            type="text"
            value={message}
            maxLength={300}
            onChange={(e) => setMessage(e.target.value)}
            data-testid="console-message"
          />
          <button
            type="submit"
            className="button button-small"
            disabled={!live || !message.trim()}
            data-testid="console-send"
          >
            Send
          </button>
        </form>
        <p className="muted class-inject-note">
          Faults and arrests are hidden from the learners&apos; event log; they find them by their
          alarms. Click a learner to choose them and follow them live.
          {state.notice ? ` Refused: ${state.notice}.` : ''}
        </p>
      </section>

      <section className="class-groups panel" aria-label="Groups">
        <label htmlFor={ids.group}>Group</label>
        <input
          id={ids.group}
          type="text"
          value={groupName}
          maxLength={MAX_GROUP_NAME_LENGTH}
          placeholder="e.g. Red"
          onChange={(e) => setGroupName(e.target.value)}
          data-testid="group-name"
        />
        <button
          type="button"
          className="button button-small"
          disabled={!live || selected.size === 0 || !groupName.trim()}
          onClick={() => {
            link.group([...selected], groupName.trim());
            setSelected(new Set());
          }}
          data-testid="group-selected"
        >
          Put {selected.size} ticked in the group
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={!live || selected.size === 0}
          onClick={() => {
            link.group([...selected], '');
            setSelected(new Set());
          }}
        >
          Out of their group
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={selected.size === 0}
          onClick={() => setSelected(new Set())}
        >
          Untick all
        </button>
        <span className="muted">
          {groups.length > 0
            ? `Groups: ${groups.join(', ')}. Choose one in “To” to act on it.`
            : 'Tick learners in the list, name a group and put them in it.'}
        </span>
      </section>

      <div className="class-roster">
        <div className={`class-tables${parts.length > 1 ? ' is-split' : ''}`}>
          {parts.map((part, i) => (
            <RosterTable
              key={i}
              rows={part}
              first={i === 0}
              dense={learners.length > DENSE_FROM}
              sort={sort}
              onSort={(key) => setSort((s) => ({ key, up: s.key === key ? !s.up : true }))}
              target={target}
              onTarget={choose}
              selected={selected}
              onSelect={toggleSelected}
              showNames={showNames}
            />
          ))}
        </div>
        {followed && followedRow && (
          <LearnerDrillDown
            row={followedRow}
            followed={followed}
            showNames={showNames}
            onClose={() => link.follow(null)}
          />
        )}
      </div>
    </main>
  );
}

/** More learners than this: smaller rows; more than SPLIT_FROM: two tables side by side. */
const DENSE_FROM = 24;
const SPLIT_FROM = 30;

function RosterTable({
  rows,
  first,
  dense,
  sort,
  onSort,
  target,
  onTarget,
  selected,
  onSelect,
  showNames,
}: {
  rows: readonly LearnerRow[];
  first: boolean;
  dense: boolean;
  sort: { key: SortKey; up: boolean };
  onSort: (key: SortKey) => void;
  target: string;
  onTarget: (id: string) => void;
  selected: ReadonlySet<string>;
  onSelect: (id: string) => void;
  showNames: boolean;
}) {
  return (
    <div className="class-table-wrap">
      <table
        className={`class-table${dense ? ' is-dense' : ''}`}
        data-testid={first ? 'class-table' : undefined}
      >
        <thead>
          <tr>
            <th scope="col" className="class-tick">
              <span className="visually-hidden">Ticked</span>
            </th>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.up ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" onClick={() => onSort(c.key)}>
                  {c.label}
                  {sort.key === c.key ? (sort.up ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th scope="col">Last action</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && first && (
            <tr>
              <td colSpan={COLUMNS.length + 2} className="muted">
                Nobody has joined yet: show the join screen on the projector.
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const s = row.status;
            const alarms = s?.alarms ?? [];
            const held = s?.held ?? null;
            return (
              <tr
                key={row.id}
                className={`${row.connected ? '' : 'is-offline'}${target === row.id ? ' is-target' : ''}${alarms.length > 0 ? ' has-alarm' : ''}${held !== null ? ' is-held' : ''}`}
                onClick={() => onTarget(row.id)}
                data-testid="class-row"
                data-number={row.number}
                data-connected={row.connected}
                data-actions={row.actionCount}
                data-alarms={alarms.join(' ')}
                data-held={held ?? ''}
                data-group={row.group}
              >
                <td className="class-tick" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    checked={selected.has(row.id)}
                    onChange={() => onSelect(row.id)}
                    aria-label={`Tick ${learnerLabel(row, showNames)}`}
                    data-testid="class-tick"
                  />
                </td>
                <th scope="row">
                  {learnerLabel(row, showNames)}
                  <span className="class-sub">
                    {held !== null
                      ? `waiting at prompt ${held}`
                      : s
                        ? STATE_WORDS[s.state]
                        : 'joined'}
                  </span>
                </th>
                <td>{row.group || '–'}</td>
                <td>{row.connected ? 'online' : 'offline'}</td>
                <td className="num">{s ? formatClock(s.tS, true) : '–'}</td>
                <td className="num">{s?.brainC != null ? s.brainC.toFixed(1) : '–'}</td>
                <td className="num">{s?.coreC != null ? s.coreC.toFixed(1) : '–'}</td>
                <td>{s?.rhythm || '–'}</td>
                <td className="num">
                  {s?.viable != null ? `${(s.viable * 100).toFixed(0)} %` : '–'}
                </td>
                <td className={alarms.length > 0 ? 'class-alarm' : ''}>
                  {alarms.length > 0 ? alarms.join(', ') : '–'}
                </td>
                <td className="class-last">
                  {row.lastAction
                    ? `${row.lastActionS !== null ? `${formatClock(row.lastActionS)} ` : ''}${row.lastAction}`
                    : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
