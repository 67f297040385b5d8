// Engine events (models/engine/events.ts): the detector on hand-set state vectors, and the
// simulation's events against its own records (arrest and alarm counts), live and replayed.

import { describe, expect, it } from 'vitest';
import {
  ALARMS,
  ENGINE_EVENTS,
  PATIENT_PRESETS,
  createEventDetector,
  createSimulation,
  isRhythmEvent,
  monitorAlarmsFor,
  rhythmEventKind,
  type EngineEvent,
} from '../../models/index.ts';
import { RHYTHM, S, createState } from '../../models/core/state.ts';
import { alarmBit } from '../../models/devices/alarms.ts';
import { testScenario } from '../helpers.ts';

describe('rhythmEventKind', () => {
  it('calls a pumping rhythm becoming one without a pulse an arrest, and the way back a return of circulation', () => {
    expect(rhythmEventKind(RHYTHM.sinus, RHYTHM.vf)).toBe('arrest');
    expect(rhythmEventKind(RHYTHM.af, RHYTHM.asystole)).toBe('arrest');
    expect(rhythmEventKind(RHYTHM.sinus, RHYTHM.pea)).toBe('arrest');
    expect(rhythmEventKind(RHYTHM.vf, RHYTHM.sinus)).toBe('rosc');
    expect(rhythmEventKind(RHYTHM.pea, RHYTHM.af)).toBe('rosc');
  });

  it('tells changes within the arrest rhythms from changes within the pumping ones', () => {
    expect(rhythmEventKind(RHYTHM.vf, RHYTHM.asystole)).toBe('arrestRhythm');
    expect(rhythmEventKind(RHYTHM.asystole, RHYTHM.vf)).toBe('arrestRhythm');
    expect(rhythmEventKind(RHYTHM.sinus, RHYTHM.af)).toBe('perfusingRhythm');
    expect(rhythmEventKind(RHYTHM.af, RHYTHM.sinus)).toBe('perfusingRhythm');
  });
});

describe('ENGINE_EVENTS', () => {
  it('has the monitor alarm for a new alarm and for a heart that stops pumping, and for nothing else', () => {
    const alarming = Object.entries(ENGINE_EVENTS)
      .filter(([, e]) => e.monitorAlarms)
      .map(([kind]) => kind);
    expect(alarming.sort()).toEqual(['alarm', 'arrest', 'arrestRhythm']);
  });
});

describe('createEventDetector', () => {
  const at = (tS: number, rhythm: number, alarms: number) => {
    const state = createState();
    state[S.timeS] = tS;
    state[S.rhythm] = rhythm;
    state[S.alarms] = alarms;
    return state;
  };

  it('records nothing while the rhythm and the alarms stay the same', () => {
    const detector = createEventDetector(at(0, RHYTHM.sinus, 0));
    detector.look(at(1, RHYTHM.sinus, 0));
    detector.look(at(2, RHYTHM.sinus, 0));
    expect(detector.count()).toBe(0);
    expect(detector.since()).toEqual([]);
  });

  it('records an arrest going on at the first look, but not alarms already sounding then', () => {
    const detector = createEventDetector(at(0, RHYTHM.asystole, alarmBit('low-flow')));
    expect(detector.since()).toEqual([{ kind: 'arrest', atS: 0, rhythm: 'asystole', from: null }]);
  });

  it('records each change of rhythm once, with the rhythm before and the time of the look', () => {
    const detector = createEventDetector(at(0, RHYTHM.sinus, 0));
    detector.look(at(5, RHYTHM.vf, 0));
    detector.look(at(6, RHYTHM.vf, 0));
    detector.look(at(9, RHYTHM.asystole, 0));
    detector.look(at(12, RHYTHM.sinus, 0));
    expect(detector.since()).toEqual([
      { kind: 'arrest', atS: 5, rhythm: 'vf', from: 'sinus' },
      { kind: 'arrestRhythm', atS: 9, rhythm: 'asystole', from: 'vf' },
      { kind: 'rosc', atS: 12, rhythm: 'sinus', from: 'asystole' },
    ]);
    expect(detector.since(2)).toEqual([
      { kind: 'rosc', atS: 12, rhythm: 'sinus', from: 'asystole' },
    ]);
    expect(detector.since(3)).toEqual([]);
  });

  it('records alarms raised and cleared, each by its id, in the order of the alarm table', () => {
    const [first, second, third] = ALARMS.map((a) => a.id);
    const detector = createEventDetector(at(0, RHYTHM.sinus, alarmBit(first!)));
    detector.look(at(3, RHYTHM.sinus, alarmBit(third!) | alarmBit(second!)));
    expect(detector.since()).toEqual([
      { kind: 'alarm', atS: 3, alarm: second },
      { kind: 'alarm', atS: 3, alarm: third },
      { kind: 'alarmCleared', atS: 3, alarm: first },
    ]);
  });

  it('tells rhythm events from alarm events, and which of them the monitor alarms for', () => {
    const detector = createEventDetector(at(0, RHYTHM.sinus, 0));
    detector.look(at(1, RHYTHM.vf, alarmBit(ALARMS[0].id)));
    detector.look(at(2, RHYTHM.sinus, 0));
    const events = detector.since();
    expect(events.map((e) => [e.kind, isRhythmEvent(e), monitorAlarmsFor(e)])).toEqual([
      ['arrest', true, true],
      ['alarm', false, true],
      ['rosc', true, false],
      ['alarmCleared', false, false],
    ]);
  });
});

describe('Simulation events', () => {
  const bypass = testScenario({
    patient: PATIENT_PRESETS['adult-male'].patient,
    start: { environment: { medium: 'air', temperatureC: 20 }, ventilationFio2: 0.5 },
    timeline: [
      { atS: 0, action: { do: 'cannulate', mode: 'cpb', durationS: 0 } },
      { atS: 0, action: { do: 'setHeaterCooler', waterTemperatureC: 37 } },
      { atS: 0, action: { do: 'setOxygenator', fio2: 0.6, sweepLPerMin: 4.5 } },
      { atS: 0, action: { do: 'startPump', flowLPerMin: 4.5 } },
      { atS: 600, action: { do: 'cardiacArrest', rhythm: 'vf' } },
      { atS: 1200, action: { do: 'fault', kind: 'pump-failure' } },
      { atS: 1500, action: { do: 'clearFault', kind: 'pump-failure' } },
    ],
    endS: 3600,
  });

  it('agree with the engine’s own count of arrests and alarms over a run', () => {
    const sim = createSimulation(bypass, { seed: 1 });
    sim.advance(3600);
    const events = sim.events();
    const count = (kind: EngineEvent['kind']) => events.filter((e) => e.kind === kind).length;
    const outcome = sim.outcome();
    expect(count('arrest')).toBe(outcome.arrest_count);
    expect(count('alarm')).toBe(outcome.alarm_count);
    expect(count('alarm')).toBeGreaterThan(0);
    expect(events).toContainEqual({ kind: 'arrest', atS: 600, rhythm: 'vf', from: 'sinus' });
    expect(events).toContainEqual({ kind: 'alarm', atS: 1201, alarm: 'pump-failure' });
    expect(sim.eventCount()).toBe(events.length);
  });

  it('records an action between steps at its own time, as a replay of the run does', () => {
    const live = createSimulation(bypass, { seed: 2 });
    live.advance(900.5);
    live.apply({ do: 'defibrillate' });
    live.advance(100);
    expect(live.snapshot().rhythm).not.toBe('asystole');
    live.apply({ do: 'cardiacArrest', rhythm: 'asystole' });
    live.advance(3600);
    const actions = live.log().filter((e) => e.source === 'learner');
    expect(actions.map((e) => e.atS)).toEqual([900, 1000]);
    expect(live.events()).toContainEqual(
      expect.objectContaining({ atS: 1000, rhythm: 'asystole' }),
    );
    const replay = createSimulation(bypass, { seed: 2, replay: actions });
    replay.advance(3600);
    expect(replay.events()).toEqual(live.events());
  });
});
