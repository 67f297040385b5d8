// The heart-lung machine console and the rewarming devices, rendered from the controls the devices
// declare as data (models/devices/controls.ts). Settings commit when the learner lets go of a slider
// (or presses a key), so each change is one action in the log, not one per pixel.

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  ALARMS,
  BEDSIDE_DEVICES,
  controlAvailable,
  FAULT_FIXES,
  HEART_LUNG_MACHINE,
  settingAction,
  settingMax,
  type Action,
  type ButtonControl,
  type Device,
  type SettingControl,
  type Snapshot,
} from '../../models/index.ts';
import { useAppStore } from './store-context.tsx';
import { Tabs, type TabSpec } from './Tabs.tsx';

const ALARM_FIX = new Map(ALARMS.map((a) => [a.id, a.fix]));
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
      tabs={tabs}
      selected={tab}
      onSelect={setTab}
    >
      {tab === 'bedside' && bedside}
      {tab === 'hlm' && <HeartLungMachineConsole />}
      {tab === 'rewarming' && <DevicePanel device={BEDSIDE_DEVICES} />}
      {tab === 'heat' && heat}
    </Tabs>
  );
}

function useDeviceStore() {
  return useAppStore(
    useShallow((s) => ({ snapshot: s.snapshot, status: s.status, apply: s.apply })),
  );
}

export function HeartLungMachineConsole() {
  const { snapshot, status, apply } = useDeviceStore();
  const running = status === 'ready' || status === 'running' || status === 'paused';
  if (snapshot === null) {
    return (
      <section className="panel devices" aria-label="Heart-lung machine">
        <p className="muted">Load a scenario to use the heart-lung machine.</p>
      </section>
    );
  }
  const s = snapshot;
  const buttons = HEART_LUNG_MACHINE.controls.filter(
    (c): c is ButtonControl => c.kind === 'button',
  );
  const settings = HEART_LUNG_MACHINE.controls.filter(
    (c): c is SettingControl =>
      c.kind === 'setting' && (c.id !== 'hand-crank' || controlAvailable(c, s)),
  );
  return (
    <section className="panel devices" aria-labelledby="hlm-heading">
      <h2 id="hlm-heading">
        Heart-lung machine <span className="circuit-status">{circuitStatus(s)}</span>
      </h2>
      <AlarmList snapshot={s} running={running} apply={apply} />
      <div className="hlm-readouts" data-testid="hlm-readouts">
        <Readout label="Flow" value={`${s.pumpFlowLPerMin.toFixed(1)}`} unit="L/min" />
        <Readout label="Outlet" value={s.arterialOutletTempC.toFixed(1)} unit="°C" />
        <Readout label="Venous" value={s.venousTempC.toFixed(1)} unit="°C" />
        <Gauge
          label="Gradient"
          value={s.outletVenousGradientC}
          limit={s.arterialOutletTempC >= 30 ? 4 : 10}
          unit="°C"
          flowing={s.pumpFlowLPerMin > 0}
        />
        <Gauge
          label="Rewarming"
          value={s.outletRateCPerMin}
          limit={0.5}
          unit="°C/min"
          flowing={s.pumpFlowLPerMin > 0 && s.arterialOutletTempC >= 30}
        />
        <Readout label="Water" value={s.heaterWaterTempC.toFixed(1)} unit="°C" />
        <Readout
          label="Post-oxy PO₂"
          value={s.pumpFlowLPerMin > 0 ? s.postOxygenatorPo2MmHg.toFixed(0) : '—'}
          unit="mmHg"
        />
        <Readout label="SvO₂" value={(s.venousSat * 100).toFixed(0)} unit="%" />
        <Readout label="Hb" value={s.haemoglobinGPerDl.toFixed(1)} unit="g/dL" />
      </div>
      {settings.map((c) => (
        <SettingRow
          key={c.id}
          control={c}
          snapshot={s}
          disabled={!running || !controlAvailable(c, s)}
          apply={apply}
        />
      ))}
      <div className="action-grid">
        {buttons
          // Cannulation before the circuit is connected; pump and weaning buttons after.
          .filter((c) => (c.available === 'not-cannulated') === (s.cannulated !== 1))
          .map((c) => (
            <ControlButton
              key={c.id}
              control={c}
              disabled={!running || !controlAvailable(c, s)}
              apply={apply}
            />
          ))}
      </div>
    </section>
  );
}

function circuitStatus(s: Snapshot): string {
  if (s.cannulationRemainingS > 0) {
    const m = Math.floor(s.cannulationRemainingS / 60);
    const sec = Math.floor(s.cannulationRemainingS % 60);
    return `cannulating · ${m}:${String(sec).padStart(2, '0')} left`;
  }
  if (s.cannulated !== 1) return 'not connected';
  const name = s.circuit === 'cpb' ? 'bypass' : 'VA-ECMO';
  return s.pumpFlowLPerMin > 0 ? `${name} · running` : `${name} · pump stopped`;
}

function AlarmList({
  snapshot,
  running,
  apply,
}: {
  snapshot: Snapshot;
  running: boolean;
  apply: (a: Action) => void;
}) {
  if (snapshot.alarms.length === 0 && snapshot.faults.length === 0) {
    return (
      <p className="visually-hidden" data-testid="hlm-alarms">
        No alarms.
      </p>
    );
  }
  return (
    <div className="alarm-list" data-testid="hlm-alarms">
      <ul aria-label="Active alarms">
        {snapshot.alarms.map((id, i) => (
          <li key={id} className="alarm-item">
            <strong>{snapshot.alarmMessages[i]}</strong>
            <span className="alarm-fix">{ALARM_FIX.get(id)}</span>
          </li>
        ))}
      </ul>
      {snapshot.faults.length > 0 && (
        <div className="action-grid">
          {snapshot.faults.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button action-button"
              disabled={!running}
              onClick={() => apply({ do: 'clearFault', kind })}
            >
              {FAULT_FIXES[kind]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function DevicePanel({ device }: { device: Device }) {
  const { snapshot, status, apply } = useDeviceStore();
  const running = status === 'ready' || status === 'running' || status === 'paused';
  const s = snapshot;
  return (
    <section className="panel devices" aria-label={device.label}>
      <h2>{device.label}</h2>
      {s && (
        <p className="device-state">
          {[
            s.icePacks ? 'ice packs on' : null,
            s.forcedAirTempC !== null ? `forced air ${s.forcedAirTempC} °C` : null,
            s.lavage ? `${s.lavage} lavage` : null,
            s.fluidRemainingMl > 0 ? `${s.fluidRemainingMl.toFixed(0)} mL fluid running` : null,
            s.vasodilator ? 'vasodilator acting' : null,
          ]
            .filter((x) => x !== null)
            .join(' · ') || 'Nothing running.'}
          {s.externalHeatW !== 0 && (
            <span className="muted"> Net heat from devices {s.externalHeatW.toFixed(0)} W.</span>
          )}
        </p>
      )}
      <div className="action-grid">
        {device.controls.map((c) =>
          c.kind === 'button' ? (
            <ControlButton
              key={c.id}
              control={c}
              disabled={!running || s === null || !controlAvailable(c, s)}
              apply={apply}
            />
          ) : null,
        )}
      </div>
    </section>
  );
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
  return (
    <button
      type="button"
      className={`button action-button${control.tone === 'danger' ? ' action-danger' : ''}`}
      disabled={disabled}
      title={control.help}
      onClick={() => apply(control.action)}
    >
      {control.label}
    </button>
  );
}

function SettingRow({
  control,
  snapshot,
  disabled,
  apply,
}: {
  control: SettingControl;
  snapshot: Snapshot;
  disabled: boolean;
  apply: (a: Action) => void;
}) {
  const id = useId();
  const current = snapshot[control.reads];
  const [draft, setDraft] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const value = draft ?? current;
  const max = settingMax(control, snapshot);
  const commit = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    if (draft !== null && draft !== current) apply(settingAction(control, draft, snapshot));
    setDraft(null);
  };
  // Keys: one action once the learner stops pressing, not one per key press.
  const commitSoon = () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(commit, KEY_COMMIT_DELAY_MS);
  };
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const decimals = control.step < 0.1 ? 2 : control.step < 1 ? 1 : 0;
  return (
    <div className="fio2-row setting-row" title={control.help}>
      <label htmlFor={id}>{control.label}</label>
      <input
        id={id}
        type="range"
        min={control.min}
        max={max}
        step={control.step}
        value={value}
        disabled={disabled}
        onChange={(e) => setDraft(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commitSoon}
        onBlur={commit}
        aria-valuetext={`${value.toFixed(decimals)} ${control.unit}`}
        data-testid={`setting-${control.id}`}
      />
      <output htmlFor={id} className="fio2-value">
        {value.toFixed(decimals)}
        {control.unit && <span className="unit"> {control.unit}</span>}
      </output>
    </div>
  );
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

/** A reading against its guideline limit: a bar that turns red past the limit. */
function Gauge({
  label,
  value,
  limit,
  unit,
  flowing,
}: {
  label: string;
  value: number;
  limit: number;
  unit: string;
  flowing: boolean;
}) {
  const over = flowing && value > limit;
  const share = flowing ? Math.min(1, Math.abs(value) / (limit * 1.5)) : 0;
  return (
    <div className={`hlm-readout hlm-gauge${over ? ' hlm-over' : ''}`}>
      <span className="hlm-label">
        {label} <span className="muted">≤ {limit}</span>
      </span>
      <span className="hlm-value">
        {flowing ? value.toFixed(unit === '°C' ? 1 : 2) : '—'}
        <span className="unit"> {unit}</span>
      </span>
      <span className="gauge-track" aria-hidden="true">
        <span className="gauge-fill" style={{ width: `${(share * 100).toFixed(0)}%` }} />
        <span className="gauge-limit" style={{ left: `${(100 / 1.5).toFixed(1)}%` }} />
      </span>
    </div>
  );
}
