import { describe, expect, it } from 'vitest';
import type { Snapshot, TimedAction } from '../../models/index.ts';
import {
  FIO2_MAX,
  FIO2_MIN,
  canVentilate,
  clampFio2,
  isArrestRhythm,
  selectBedside,
  selectCells,
  selectMonitor,
  selfCheckPhase,
} from '../../src/state/patient.ts';
import { fakeSnapshot } from '../helpers.ts';
import { sampleOf, trendIndex } from '../../src/worker/protocol.ts';
import { formatFraction, formatPercent, formatTemperatureNumber } from '../../src/state/units.ts';

const patient = fakeSnapshot;

const learner = (action: TimedAction['action'], atS = 0): TimedAction => ({
  atS,
  source: 'learner',
  action,
});

describe('bedside monitor', () => {
  it('shows dashes before there is a patient', () => {
    const m = selectMonitor(null, 'C');
    expect([m.heartRate, m.map, m.spo2, m.potassium, ...m.probes].map((v) => v.value)).toEqual(
      Array(7).fill('—'),
    );
    expect(m.heartRate.tone).toBe('neutral');
  });

  it('shows a beating heart with its rhythm, pressure, saturation and probes', () => {
    const m = selectMonitor(patient({ rhythmLabel: 'sinus bradycardia' }), 'C');
    expect(m.heartRate).toMatchObject({ value: '72', unit: '/min', detail: 'sinus bradycardia' });
    expect(m.heartRate.tone).toBe('ok');
    expect(m.map).toMatchObject({ value: '90', unit: 'mmHg', tone: 'ok' });
    expect(m.spo2).toMatchObject({ value: '97', unit: '%', tone: 'ok' });
    expect(m.probes.map((p) => [p.label, p.detail, p.value, p.unit])).toEqual([
      ['Brain', 'nasopharyngeal', '37.2', '°C'],
      ['Core', 'oesophageal', '37.0', '°C'],
      ['Skin', 'skin probe', '32.0', '°C'],
    ]);
    expect(m.breathing).toMatchObject({ value: 'Yes', tone: 'ok' });
    expect(m.conscious).toMatchObject({ value: 'Yes', tone: 'ok' });
    expect(m.cpr).toBe('none');
  });

  it('converts the probes to °F', () => {
    const m = selectMonitor(patient({ coreTempC: 30, skinTempC: -5 }), 'F');
    expect(m.probes[1]).toMatchObject({ value: '86.0', unit: '°F' });
    expect(m.probes[2]).toMatchObject({ value: '23.0', unit: '°F' });
    expect(formatTemperatureNumber(-20, 'C')).toBe('\u221220.0');
  });

  it('raises the alarm in ventricular fibrillation, and credits CPR for the pressure', () => {
    const m = selectMonitor(
      patient({
        rhythm: 'vf',
        rhythmLabel: 'ventricular fibrillation',
        heartRateBpm: 0,
        mapMmHg: 27,
        cpr: 'mechanical',
        arterialSat: 0.8,
        conscious: 0,
      }),
      'C',
    );
    expect(m.heartRate).toMatchObject({
      value: '0',
      detail: 'ventricular fibrillation',
      tone: 'danger',
    });
    expect(m.map).toMatchObject({ value: '27', tone: 'danger', detail: 'from CPR' });
    expect(m.spo2.tone).toBe('danger');
    expect(m.conscious).toMatchObject({ value: 'No', tone: 'warn' });
    expect(m.cpr).toBe('mechanical');
    expect(isArrestRhythm('vf') && isArrestRhythm('asystole') && isArrestRhythm('pea')).toBe(true);
    expect(isArrestRhythm('sinus') || isArrestRhythm('af')).toBe(false);
  });

  it('highlights potassium above 8 and above 12 mmol/L', () => {
    const k = (potassiumMmolPerL: number) =>
      selectMonitor(patient({ potassiumMmolPerL }), 'C').potassium;
    expect(k(4.2)).toMatchObject({ value: '4.2', tone: 'ok', detail: 'normal' });
    expect(k(6).tone).toBe('warn');
    expect(k(8)).toMatchObject({ tone: 'warn', detail: 'high' });
    expect(k(8.4)).toMatchObject({ tone: 'warn', detail: 'above 8: very high' });
    expect(k(12)).toMatchObject({ tone: 'warn', detail: 'above 8: very high' });
    const fatal = k(12.3);
    expect(fatal).toMatchObject({ value: '12.3', tone: 'danger' });
    expect(fatal.detail).toMatch(/above 12/);
    expect(fatal.title).toMatch(/No hypothermic patient has been reported to survive/);
  });

  it('tells breathing, ventilation and apnoea apart', () => {
    const b = (o: Partial<Snapshot>) => selectMonitor(patient(o), 'C').breathing;
    expect(b({ breathing: 0, ventilationFio2: 0.5 })).toMatchObject({
      value: 'Ventilated',
      detail: 'FiO₂ 0.50',
      tone: 'ok',
    });
    expect(b({ breathing: 1, ventilationFio2: 1 })).toMatchObject({
      detail: 'FiO₂ 1.00',
      title: 'Ventilated at FiO₂ 1.00, and breathing spontaneously too.',
    });
    expect(b({ breathing: 0 })).toMatchObject({
      value: 'No',
      tone: 'danger',
      detail: 'not ventilated',
    });
    const underWater = patient({ breathing: 0 });
    const drowned = {
      ...underWater,
      environment: { ...underWater.environment, canBreathe: false },
    } as Snapshot;
    expect(selectMonitor(drowned, 'C').breathing.detail).toBe('face under water');
  });

  it('shows a patient on the heart-lung machine as sedated, saying whether the brain could wake', () => {
    const c = (o: Partial<Snapshot>) => selectMonitor(patient(o), 'C').conscious;
    expect(c({ conscious: 1, cannulated: 1 })).toMatchObject({
      value: 'Sedated',
      detail: 'brain could wake',
    });
    expect(c({ conscious: 0, cannulated: 1 })).toMatchObject({ value: 'No', tone: 'warn' });
    expect(c({ conscious: 1, cannulated: 0 })).toMatchObject({ value: 'Yes', tone: 'ok' });
  });
});

describe('brain cells panel', () => {
  it('is empty before there is a patient', () => {
    expect(selectCells(null)).toBeNull();
  });

  it('gives the three shares with numbers that never hide a small share', () => {
    const c = selectCells(
      patient({
        brainViableFraction: 0.87,
        brainAtRiskFraction: 0.0004,
        brainAutolysedFraction: 0.1296,
        brainEnergy: 0.456,
        brainDerangementMin: 4.72,
        brainSelfCheck: 0.4,
        heartViableFraction: 0.96,
        frostbiteFraction: 0.12,
      }),
    )!;
    expect([c.viableText, c.atRiskText, c.autolysedText]).toEqual(['87.0 %', '<0.1 %', '13.0 %']);
    expect(c.viable + c.atRisk + c.autolysed).toBeCloseTo(1);
    expect(c.energyText).toBe('46 %');
    expect(c.derangementText).toBe('4.7 min');
    expect(c.selfCheckText).toBe('40 %');
    expect(c.selfCheckPhase).toBe('waking');
    expect(c.selfCheckWords).toMatch(/^Partly awake at \d+\.\d °C: .*out of spec.*self-destruct/);
    expect(c.heartViableText).toBe('96.0 %');
    expect(c.extremityViableText).toBe('100 %');
    expect(c.frostbiteText).toBe('12.0 %');
    expect(selectCells(patient())!.frostbiteText).toBeNull();
    expect(selectCells(patient({ brainDerangementMin: 42.4 }))!.derangementText).toBe('42 min');
  });

  it('names the self-check phase from its activity', () => {
    expect(selfCheckPhase(0.05)).toBe('asleep');
    expect(selfCheckPhase(0.3)).toBe('waking');
    expect(selfCheckPhase(0.95)).toBe('awake');
    expect(selectCells(patient({ brainSelfCheck: 0.02 }))!.selfCheckWords).toMatch(/cold/);
  });

  it('says what the self-check does at the brain’s temperature, never that a cold brain is warm', () => {
    const awake = selectCells(patient({ brainSelfCheck: 0.9, brainTempC: 26.9 }))!;
    expect(awake.selfCheckWords).toMatch(/^Awake at 26\.9 °C: /);
    expect(awake.selfCheckWords).not.toMatch(/warm/);
    const waking = selectCells(patient({ brainSelfCheck: 0.4, brainTempC: 25.5 }), 'F')!;
    expect(waking.selfCheckWords).toMatch(/^Partly awake at 77\.9 °F: /);
    expect(waking.selfCheckWords).not.toMatch(/warms/);
  });
});

describe('the pulse oximeter', () => {
  it('reads nothing without a pulse, compressions or pump flow', () => {
    const arrested = { rhythm: 'asystole', heartRateBpm: 0, arterialSat: 0.99 } as const;
    expect(selectMonitor(patient({ ...arrested, cpr: 'none' }), 'C').spo2).toMatchObject({
      value: '—',
      detail: 'no pulse to read',
    });
    expect(selectMonitor(patient({ ...arrested, cpr: 'manual' }), 'C').spo2.value).toBe('99');
    expect(
      selectMonitor(patient({ ...arrested, cpr: 'none', pumpFlowLPerMin: 4 }), 'C').spo2.value,
    ).toBe('99');
    expect(selectMonitor(patient({ arterialSat: 0.97 }), 'C').spo2.value).toBe('97');
  });

  it('leaves a gap in the trend where it reads nothing', () => {
    const sat = (s: Snapshot) => sampleOf(s).values[trendIndex('arterialSat')];
    const arrested = { rhythm: 'asystole', heartRateBpm: 0, arterialSat: 0.99 } as const;
    expect(sat(patient({ ...arrested, cpr: 'none' }))).toBeNaN();
    expect(sat(patient({ ...arrested, cpr: 'manual' }))).toBe(0.99);
    expect(sat(patient({ ...arrested, cpr: 'none', pumpFlowLPerMin: 4 }))).toBe(0.99);
    expect(sat(patient({ arterialSat: 0.97 }))).toBe(0.97);
  });
});

describe('bedside actions', () => {
  const ready = (snapshot: Snapshot, events: TimedAction[] = []) =>
    selectBedside({ status: 'paused', snapshot, events });

  it('offers nothing without a running patient', () => {
    for (const status of ['idle', 'loading', 'finished', 'error'] as const) {
      const v = selectBedside({
        status,
        snapshot: status === 'idle' ? null : patient(),
        events: [],
      });
      expect(v.active).toBe(false);
      expect([
        v.canStopBreathing,
        v.canLetBreathe,
        v.canArrest,
        v.canStartCpr.manual,
        v.canStartCpr.mechanical,
        v.canStopCpr,
        v.canStopVentilation,
        v.canDefibrillate,
      ]).toEqual(Array(8).fill(false));
      expect(canVentilate(v, 1)).toBe(false);
    }
    expect(selectBedside({ status: 'running', snapshot: null, events: [] }).active).toBe(false);
  });

  it('offers what makes sense for a breathing patient with a beating heart', () => {
    const v = ready(patient());
    expect(v).toMatchObject({
      active: true,
      airwayBlocked: false,
      canStopBreathing: true,
      canLetBreathe: false,
      canArrest: true,
      canStartCpr: { manual: true, mechanical: true },
      canStopCpr: false,
      canStopVentilation: false,
      canDefibrillate: true,
    });
    expect(canVentilate(v, 0.4)).toBe(true);
  });

  it('follows the airway from the log: blocked after stopBreathing until resumeBreathing', () => {
    const blocked = ready(patient({ breathing: 0 }), [
      learner({ do: 'stopBreathing' }, 10),
      learner({ do: 'message', text: 'later' }, 20),
    ]);
    expect(blocked).toMatchObject({
      airwayBlocked: true,
      canStopBreathing: false,
      canLetBreathe: true,
    });
    const open = ready(patient(), [
      learner({ do: 'stopBreathing' }, 10),
      learner({ do: 'resumeBreathing' }, 30),
    ]);
    expect(open).toMatchObject({
      airwayBlocked: false,
      canStopBreathing: true,
      canLetBreathe: false,
    });
  });

  it('in VF with CPR and a ventilator: no second arrest, stop buttons on, shocks allowed', () => {
    const v = ready(patient({ rhythm: 'vf', cpr: 'manual', ventilationFio2: 1 }));
    expect(v).toMatchObject({
      canArrest: false,
      canStartCpr: { manual: false, mechanical: true },
      canStopCpr: true,
      canStopVentilation: true,
      canDefibrillate: true,
      ventilationFio2: 1,
    });
    // Ventilating again only makes sense at another FiO₂.
    expect(canVentilate(v, 1)).toBe(false);
    expect(canVentilate(v, 0.5)).toBe(true);
    expect(ready(patient({ rhythm: 'asystole' })).canArrest).toBe(true);
  });

  it('keeps the chosen FiO₂ within 0.21–1', () => {
    expect(clampFio2(0.1)).toBe(FIO2_MIN);
    expect(clampFio2(1.5)).toBe(FIO2_MAX);
    expect(clampFio2(0.456)).toBe(0.46);
    expect(clampFio2(Number.NaN)).toBe(FIO2_MAX);
  });
});

describe('percentages', () => {
  it('never rounds a small share to zero or a large one to a hundred', () => {
    expect(formatFraction(0)).toBe('0 %');
    expect(formatFraction(1e-9)).toBe('<0.1 %');
    expect(formatFraction(0.1234)).toBe('12.3 %');
    expect(formatFraction(0.99999)).toBe('>99.9 %');
    expect(formatFraction(1)).toBe('100 %');
    expect(formatFraction(Number.NaN)).toBe('—');
    expect(formatPercent(0.972)).toBe('97 %');
    expect(formatPercent(1.2)).toBe('100 %');
    expect(formatPercent(null)).toBe('—');
  });
});
