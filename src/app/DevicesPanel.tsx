// The heart-lung machine console and the rewarming devices, rendered from the controls the devices
// declare as data (models/devices/controls.ts). Each setting has a slider and a number box (typed
// values for exact set points, like a heater-cooler's); a setting commits when the learner lets go
// of the slider, stops pressing keys, or presses Enter in the box, so each change is one action in
// the log, not one per pixel or key. The console and the devices select what they show (readouts
// as written, alarms, what is available), so a tick that changes none of it does not re-render them.

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  BEDSIDE_DEVICES,
  controlAvailable,
  guidelineGauges,
  HEART_LUNG_MACHINE,
  parameterValues,
  REMEDIES,
  settingAction,
  settingMax,
  type Action,
  type ButtonControl,
  type Device,
  type GaugeReading,
  type ParameterValues,
  type SettingControl,
  type Snapshot,
} from '../../models/index.ts';
import type { AppState } from '../state/store.ts';
import { useAppStore, useAppStoreApi, useAppView } from './store-context.tsx';
import { Tabs, type TabSpec } from './Tabs.tsx';

const KEY_COMMIT_DELAY_MS = 600;

/** Tabs for what the learner does: bedside actions, the heart-lung machine, rewarming devices. */
export function InterventionTabs({ bedside, heat }: { bedside: ReactNode; heat: ReactNode }) {
  type Tab = 'bedside' | 'hlm' | 'rewarming' | 'heat';
  const [tab, setTab] = useState<Tab>('bedside');
  const alarmCount = useAppStore((s) => s.snapshot?.alarms.length ?? 0);
  const tabs: readonly TabSpec<Tab>[] = [
    { id: 'bedside', label: 'Bedside' },
    alarmCount > 0
      ? { id: 'hlm', label: `Heart-lung ⚠ ${alarmCount}`, className: 'tab-alarm' }
      : { id: 'hlm', label: 'Heart-lung' },
    { id: 'rewarming', label: 'Warming' },
    { id: 'heat', label: 'Heat' },
  ];
  return (
    <Tabs
      label="Interventions"
      className="intervention-tabs"
      id="run-interventions"
      tabs={tabs}
      selected={tab}
      onSelect={setTab}
      testIdPrefix="intervention-tab-"
    >
      {tab === 'bedside' && bedside}
      {tab === 'hlm' && <HeartLungMachineConsole />}
      {tab === 'rewarming' && <DevicePanel device={BEDSIDE_DEVICES} />}
      {tab === 'heat' && heat}
    </Tabs>
  );
}

/** Whether the run takes actions (loaded and not ended), and the store's `apply`. */
function useDeviceStore() {
  return useAppStore(
    useShallow((s) => ({
      running: s.status === 'ready' || s.status === 'running' || s.status === 'paused',
      apply: s.apply,
    })),
  );
}

/** Whether each control of `device` can be used now, by id. */
function availability(device: Device, s: Snapshot): Record<string, boolean> {
  return Object.fromEntries(device.controls.map((c) => [c.id, controlAvailable(c, s)]));
}

/** A guideline gauge as shown: its limit, whether it is flagged, the value written, the bar's width. */
interface GaugeView {
  readonly limit: number;
  readonly over: boolean;
  readonly text: string;
  readonly width: string;
}

function gaugeView(value: number, gauge: GaugeReading, unit: string): GaugeView {
  const { limit, over, applies: flowing } = gauge;
  const share = flowing ? Math.min(1, Math.abs(value) / (limit * 1.5)) : 0;
  return {
    limit,
    over,
    text: flowing ? value.toFixed(unit === '°C' ? 1 : 2) : '—',
    width: `${(share * 100).toFixed(0)}%`,
  };
}

/**
 * What the console shows: the circuit's status, the alarms, the readouts and gauges as written,
 * which controls are available, and each setting's value and highest value.
 */
function consoleView(state: AppState, values: ParameterValues) {
  const s = state.snapshot;
  if (s === null) return null;
  const gauges = guidelineGauges(s, values);
  return {
    circuit: circuitStatus(s, state.status !== 'running'),
    alarms: s.alarms,
    alarmMessages: s.alarmMessages,
    flow: s.pumpFlowLPerMin.toFixed(1),
    outlet: s.arterialOutletTempC.toFixed(1),
    venous: s.venousTempC.toFixed(1),
    gradient: gaugeView(s.outletVenousGradientC, gauges.gradient, '°C'),
    rewarming: gaugeView(s.outletRateCPerMin, gauges.rewarming, '°C/min'),
    water: s.heaterWaterTempC.toFixed(1),
    po2: s.pumpFlowLPerMin > 0 ? s.postOxygenatorPo2MmHg.toFixed(0) : '—',
    svo2: (s.venousSat * 100).toFixed(0),
    hb: s.haemoglobinGPerDl.toFixed(1),
    connected: s.cannulated === 1,
    available: availability(HEART_LUNG_MACHINE, s),
    settings: Object.fromEntries(
      HEART_LUNG_MACHINE.controls
        .filter((c): c is SettingControl => c.kind === 'setting')
        .map((c) => [c.id, { current: s[c.reads], max: settingMax(c, s) }]),
    ),
  };
}

export function HeartLungMachineConsole() {
  const { running, apply } = useDeviceStore();
  // The alarms' limits (models/parameters/devices.ts), with the run's overrides.
  const parameters = useAppStore((s) => s.parameters);
  const values = useMemo(() => parameterValues(parameters), [parameters]);
  const view = useAppView((s) => consoleView(s, values));
  if (view === null) {
    return (
      <section className="panel devices" aria-label="Heart-lung machine">
        <p className="muted">Load a scenario to use the heart-lung machine.</p>
      </section>
    );
  }
  const buttons = HEART_LUNG_MACHINE.controls.filter(
    (c): c is ButtonControl => c.kind === 'button',
  );
  const settings = HEART_LUNG_MACHINE.controls.filter(
    (c): c is SettingControl =>
      c.kind === 'setting' && (c.id !== 'hand-crank' || view.available[c.id] === true),
  );
  // The cannulation buttons until the circuit is connected (disabled while the cannulae go in);
  // the pump and weaning buttons after.
  const { connected } = view;
  const circuitButtons = buttons
    .filter((c) => (c.available === 'not-cannulated') === !connected)
    .map((c) => (
      <ControlButton
        key={c.id}
        control={c}
        disabled={!running || !view.available[c.id]}
        apply={apply}
      />
    ));
  return (
    <section className="panel devices" aria-labelledby="hlm-heading">
      <h2 id="hlm-heading">
        Heart-lung machine{' '}
        <span className="circuit-status" data-testid="circuit-status">
          {view.circuit}
        </span>
      </h2>
      <AlarmList
        alarms={view.alarms}
        messages={view.alarmMessages}
        running={running}
        apply={apply}
      />
      <div className="hlm-readouts" data-testid="hlm-readouts">
        <Readout label="Flow" value={view.flow} unit="L/min" />
        <Readout label="Outlet" value={view.outlet} unit="°C" />
        <Readout label="Venous" value={view.venous} unit="°C" />
        <Gauge label="Gradient" gauge={view.gradient} unit="°C" />
        <Gauge label="Rewarming" gauge={view.rewarming} unit="°C/min" />
        <Readout label="Water" value={view.water} unit="°C" />
        <Readout label="Post-oxy PO₂" value={view.po2} unit="mmHg" />
        <Readout label="SvO₂" value={view.svo2} unit="%" />
        <Readout label="Hb" value={view.hb} unit="g/dL" />
      </div>
      {/* Not connected: cannulation is the first step, so its buttons come first. */}
      {!connected && <div className="action-grid">{circuitButtons}</div>}
      {settings.map((c) => (
        <SettingRow
          key={c.id}
          control={c}
          current={view.settings[c.id]!.current}
          max={view.settings[c.id]!.max}
          disabled={!running || !view.available[c.id]}
          apply={apply}
        />
      ))}
      {connected && <div className="action-grid">{circuitButtons}</div>}
      {connected && <Troubleshooting disabled={!running} apply={apply} />}
    </section>
  );
}

/** Words for the circuit; `stopped` while the run is paused (settings wait for the next step). */
function circuitStatus(s: Snapshot, stopped: boolean): string {
  if (s.cannulationRemainingS > 0) {
    const m = Math.floor(s.cannulationRemainingS / 60);
    const sec = Math.floor(s.cannulationRemainingS % 60);
    return `cannulating · ${m}:${String(sec).padStart(2, '0')} left`;
  }
  if (s.cannulated !== 1) return 'not connected';
  const name = s.circuit === 'cpb' ? 'bypass' : 'VA-ECMO';
  if (s.pumpFlowLPerMin > 0) return `${name} · running`;
  // Set while paused: the pump starts with the run, not before; say so rather than "stopped".
  if (stopped && s.pumpFlowSetLPerMin > 0 && !s.alarms.includes('pump-failure')) {
    return `${name} · pump set to ${s.pumpFlowSetLPerMin.toFixed(1)} L/min: starts when the run goes on`;
  }
  return `${name} · pump stopped`;
}

/**
 * The console's alarms as a real console shows them: the message, nothing about the fault behind it.
 * **Acknowledge** records that the learners have seen them (the debrief's time to detect).
 */
function AlarmList({
  alarms,
  messages,
  running,
  apply,
}: {
  alarms: readonly string[];
  messages: readonly string[];
  running: boolean;
  apply: (a: Action) => void;
}) {
  const key = alarms.join('+');
  // The alarms last acknowledged, as one key: a new alarm asks again.
  const [acknowledged, setAcknowledged] = useState<string | null>(null);
  if (alarms.length === 0) {
    return (
      <p className="visually-hidden" data-testid="hlm-alarms">
        No alarms.
      </p>
    );
  }
  const seen = acknowledged === key;
  return (
    <div className="alarm-list" data-testid="hlm-alarms">
      <ul aria-label="Active alarms">
        {alarms.map((id, i) => (
          <li key={id} className="alarm-item">
            <strong>{messages[i]}</strong>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button alarm-acknowledge"
        disabled={!running || seen}
        onClick={() => {
          setAcknowledged(key);
          apply({ do: 'acknowledgeAlarms' });
        }}
        data-testid="hlm-acknowledge"
      >
        {seen ? 'Acknowledged' : 'Acknowledge alarms'}
      </button>
    </div>
  );
}

/**
 * What a perfusionist can do about a circuit that misbehaves, always the same six: the learners choose
 * from what the console shows. A wrong remedy is applied all the same, with its cost, and is logged.
 */
function Troubleshooting({ disabled, apply }: { disabled: boolean; apply: (a: Action) => void }) {
  return (
    <section className="troubleshooting" aria-labelledby="hlm-troubleshoot-heading">
      <h3 id="hlm-troubleshoot-heading">Troubleshooting</h3>
      <div className="action-grid">
        {REMEDIES.map((r) => (
          <button
            key={r.id}
            type="button"
            className={`button action-button${r.cost ? ' has-hint' : ''}`}
            disabled={disabled}
            title={r.help}
            onClick={() => apply({ do: 'remedy', remedy: r.id })}
            data-testid={`remedy-${r.id}`}
          >
            <span className="action-text">{r.label}</span>
            {r.cost && (
              <>
                {' '}
                <span className="action-hint">{r.cost}</span>
              </>
            )}
          </button>
        ))}
      </div>
    </section>
  );
}

/** What a device panel shows: what is running, the devices' net heat as written, what is available. */
function deviceView(device: Device, s: Snapshot | null) {
  if (s === null) return null;
  return {
    state:
      [
        s.icePacks ? 'ice packs on' : null,
        s.forcedAirTempC !== null ? `forced air ${s.forcedAirTempC} °C` : null,
        s.lavage ? `${s.lavage} lavage` : null,
        s.fluidRemainingMl > 0 ? `${s.fluidRemainingMl.toFixed(0)} mL fluid running` : null,
        s.vasodilator ? 'vasodilator acting' : null,
      ]
        .filter((x) => x !== null)
        .join(' · ') || 'Nothing running.',
    heat: s.externalHeatW !== 0 ? s.externalHeatW.toFixed(0) : null,
    available: availability(device, s),
  };
}

export function DevicePanel({ device }: { device: Device }) {
  const { running, apply } = useDeviceStore();
  const view = useAppView((s) => deviceView(device, s.snapshot));
  return (
    <section className="panel devices" aria-label={device.label}>
      <h2>{device.label}</h2>
      {view && (
        <p className="device-state">
          {view.state}
          {view.heat !== null && (
            <span className="muted"> Net heat from devices {view.heat} W.</span>
          )}
        </p>
      )}
      <div className="action-grid">
        {device.controls.map((c) =>
          c.kind === 'button' ? (
            <ControlButton
              key={c.id}
              control={c}
              disabled={!running || view === null || !view.available[c.id]}
              apply={apply}
            />
          ) : null,
        )}
      </div>
    </section>
  );
}

/** "Cannulate VA-ECMO" on two lines ("Cannulate", then "VA-ECMO" smaller): the narrow column. */
function buttonText(label: string): { text: string; hint?: string } {
  const match = /^(Cannulate) (.+)$/.exec(label);
  return match ? { text: match[1]!, hint: match[2]! } : { text: label };
}

function ControlButton({
  control,
  disabled,
  apply,
}: {
  control: ButtonControl;
  disabled: boolean;
  apply: (a: Action) => void;
}) {
  const { text, hint } = buttonText(control.label);
  return (
    <button
      type="button"
      className={`button action-button${control.tone === 'danger' ? ' action-danger' : ''}${hint ? ' has-hint' : ''}`}
      disabled={disabled}
      title={control.help}
      onClick={() => apply(control.action)}
    >
      {/* The name is the visible text, both lines: "Cannulate VA-ECMO". */}
      <span className="action-text">{text}</span>
      {hint && (
        <>
          {' '}
          <span className="action-hint">{hint}</span>
        </>
      )}
    </button>
  );
}

/**
 * One setting of the console, like a heater-cooler's set point: a slider to drag or move with the
 * arrow keys, and beside it the value as a number field to type into (Enter or leaving the field
 * sets it; its arrows step it). Each change is one action once the learner lets go.
 */
function SettingRow({
  control,
  current,
  max,
  disabled,
  apply,
}: {
  control: SettingControl;
  /** The setting's value, and its highest for this patient (settingMax). */
  current: number;
  max: number;
  disabled: boolean;
  apply: (a: Action) => void;
}) {
  const id = useId();
  const setting = useSettingDraft(control, current, max, disabled, apply);
  const { value } = setting;
  const decimals = control.step < 0.1 ? 2 : control.step < 1 ? 1 : 0;
  const unitWords = control.unit ? ` ${control.unit}` : '';
  return (
    <div className="fio2-row setting-row" title={control.help}>
      <span>
        <label htmlFor={id}>{control.label}</label>
        {control.unit && (
          <span className="unit" aria-hidden="true">
            {' '}
            {control.unit}
          </span>
        )}
      </span>
      <input
        id={id}
        type="range"
        min={control.min}
        max={max}
        step={control.step}
        value={value}
        disabled={disabled}
        onChange={(e) => setting.slide(Number(e.target.value))}
        onPointerUp={setting.commit}
        onKeyUp={setting.keysReleased}
        onBlur={setting.commit}
        aria-valuetext={`${value.toFixed(decimals)}${unitWords}`}
        data-testid={`setting-${control.id}`}
      />
      <input
        type="number"
        className="setting-number"
        min={control.min}
        max={max}
        step={control.step}
        value={setting.typed ?? value.toFixed(decimals)}
        disabled={disabled}
        aria-label={`${control.label} (${control.unit || 'fraction'})`}
        aria-invalid={setting.invalid}
        onFocus={(e) => e.target.select()}
        // Typed text (an InputEvent) or a step of the field's arrows (keys or buttons).
        onChange={(e) => setting.edit(e.target.value, !(e.nativeEvent instanceof InputEvent))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            setting.enter();
          } else if (e.key === 'Escape' && setting.pending) {
            e.preventDefault();
            setting.drop();
          }
        }}
        onBlur={setting.leave}
        data-testid={`setting-${control.id}-value`}
      />
    </div>
  );
}

/**
 * A setting being chosen, until it is committed as one action: a value dragged on the slider or
 * stepped (with its keys or the number field's arrows; sent once they stop), and text typed into
 * the number field (sent on Enter or on leaving the field, if in range).
 */
function useSettingDraft(
  control: SettingControl,
  current: number,
  max: number,
  disabled: boolean,
  apply: (a: Action) => void,
) {
  const store = useAppStoreApi();
  // A value being chosen (slider dragged, arrows pressed) and text being typed, until committed.
  const [draft, setDraft] = useState<number | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ current, disabled });
  useEffect(() => {
    latest.current = { current, disabled };
  });
  const cancelTimer = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => cancelTimer, []);
  /** Sends the setting for `next` (clamped to the range, rounded to the step) if it changes it. */
  const send = (next: number | null) => {
    cancelTimer();
    const now = latest.current;
    // The action's other fields and its range are read from the snapshot as it is now.
    const snapshot = store.getState().snapshot;
    if (snapshot !== null && next !== null && Number.isFinite(next) && !now.disabled) {
      const action = settingAction(control, next, snapshot);
      const sent = (action as unknown as Record<string, unknown>)[control.field];
      if (sent !== now.current) apply(action);
    }
    setDraft(null);
    setTyped(null);
  };
  // Keys: one action once the learner stops pressing, not one per key press.
  const commitSoon = (next: number) => {
    cancelTimer();
    timer.current = setTimeout(() => send(next), KEY_COMMIT_DELAY_MS);
  };
  // Typed text outside the setting's range is not sent: Enter leaves it to be corrected (marked
  // invalid), leaving the field drops it.
  const typedValue = typed === null ? null : typedNumber(typed);
  const invalid =
    typed !== null && (typedValue === null || typedValue < control.min || typedValue > max);
  const pending = typed !== null || draft !== null;
  const sendTyped = () => send(typed === null ? draft : typedValue);
  const drop = () => {
    setTyped(null);
    setDraft(null);
  };
  return {
    /** The value shown: the one being chosen, else the setting's. */
    value: draft ?? current,
    typed,
    invalid,
    /** Something chosen or typed and not yet sent. */
    pending,
    slide: setDraft,
    /** The slider let go (pointer up, focus gone): send what was chosen. */
    commit: () => send(draft),
    keysReleased: () => {
      if (draft !== null) commitSoon(draft);
    },
    /** The number field changed: typed text waits for Enter or leaving; a step is sent once they stop. */
    edit(text: string, stepped: boolean) {
      setTyped(text);
      const next = typedNumber(text);
      if (stepped && next !== null) {
        setDraft(next);
        commitSoon(next);
      } else {
        cancelTimer();
        setDraft(null);
      }
    },
    enter: () => {
      if (!invalid) sendTyped();
    },
    /** Escape: nothing sent, the setting's value shown again. */
    drop: () => {
      cancelTimer();
      drop();
    },
    /** Leaving the number field: text out of range is dropped, anything else sent. */
    leave: () => {
      if (invalid) drop();
      else if (pending) sendTyped();
    },
  };
}

/** A typed number, or null when the field is empty or not a number (nothing is sent). */
function typedNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function Readout({ label, value, unit }: { label: string; value: string; unit: string }) {
  return (
    <div className="hlm-readout">
      <span className="hlm-label">{label}</span>
      <span className="hlm-value">
        {value}
        <span className="unit"> {unit}</span>
      </span>
    </div>
  );
}

/**
 * A reading against its guideline limit: a bar that turns red past the limit, flagged exactly while
 * its alarms are on (guidelineGauges of the alarm table).
 */
function Gauge({ label, gauge, unit }: { label: string; gauge: GaugeView; unit: string }) {
  return (
    <div className={`hlm-readout hlm-gauge${gauge.over ? ' hlm-over' : ''}`}>
      <span className="hlm-label">
        {label} <span className="muted">≤ {gauge.limit}</span>
      </span>
      <span className="hlm-value">
        {gauge.text}
        <span className="unit"> {unit}</span>
      </span>
      <span className="gauge-track" aria-hidden="true">
        <span className="gauge-fill" style={{ width: gauge.width }} />
        <span className="gauge-limit" style={{ left: `${(100 / 1.5).toFixed(1)}%` }} />
      </span>
    </div>
  );
}
