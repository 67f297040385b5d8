import { describe, expect, it } from 'vitest';
import { describeAction, setTemperature } from '../../src/app/describe.ts';

describe('the event log’s words', () => {
  it('writes set temperatures as people say them, in the display unit', () => {
    expect(setTemperature(30.0003, 'C')).toBe('30 °C');
    expect(setTemperature(27.5, 'C')).toBe('27.5 °C');
    expect(setTemperature(27, 'F')).toBe('80.6 °F');
    expect(setTemperature(-2, 'C')).toBe('−2 °C');
    expect(describeAction({ do: 'setHeaterCooler', waterTemperatureC: 30.0003 }, 'C')).toBe(
      'Heater-cooler water set to 30 °C',
    );
    expect(describeAction({ do: 'startForcedAirWarming', temperatureC: 43 }, 'F')).toBe(
      'Forced-air warming at 109.4 °F',
    );
  });

  it('says a FiO₂ set with the sweep gas off is set, and that no gas flows', () => {
    expect(describeAction({ do: 'setOxygenator', sweepLPerMin: 0, fio2: 0.8 }, 'C')).toBe(
      'Oxygenator: FiO₂ 0.80 set, sweep gas off (no gas exchange)',
    );
    expect(describeAction({ do: 'setOxygenator', sweepLPerMin: 4.5, fio2: 1 }, 'C')).toBe(
      'Oxygenator: FiO₂ 1.00, sweep 4.5 L/min',
    );
  });
});
