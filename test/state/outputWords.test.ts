import { describe, expect, it } from 'vitest';
import { outputsInWords } from '../../src/state/outputWords.ts';
import { temperaturesInText } from '../../src/state/units.ts';

describe('output names in words', () => {
  it('names outputs and puts units after their numbers', () => {
    expect(outputsInWords('core_temp_c below 35 at 0:12:00 (core_temp_c 34.97)')).toBe(
      'core temperature below 35 °C at 0:12:00 (core temperature 34.97 °C)',
    );
    expect(
      outputsInWords(
        'defibrillate at 0:30 with heart_temp_c 31.2, rhythm sinus (needed heart_temp_c above 30 and rhythm is vf)',
      ),
    ).toBe(
      'shock at 0:30 with heart temperature 31.2 °C, rhythm sinus (needed heart temperature above 30 °C and rhythm is vf)',
    );
    expect(outputsInWords('pump_flow_l_min above 3 and below 6')).toMatch(
      /above 3 L\/min and below 6 L\/min$/,
    );
  });

  it('names actions and their fields', () => {
    expect(outputsInWords('setHeaterCooler at 15:01, then setPumpFlow at 17:27')).toBe(
      'heater-cooler set at 15:01, then pump flow set at 17:27',
    );
    expect(outputsInWords('setOxygenator (fio2 above 0.5, sweepLPerMin above 2) at 17:26')).toBe(
      'oxygenator set (FiO₂ above 0.5, sweep above 2 L/min) at 17:26',
    );
    expect(outputsInWords('stopCpr at 17:28 with pump_flow_l_min 4.50')).toMatch(
      /^CPR stopped at 17:28 with pump flow 4\.50 L\/min$/,
    );
  });

  it('writes shares of cells as percentages, as the screen does', () => {
    expect(
      outputsInWords('brain_autolysed_fraction below 0.05 (brain_autolysed_fraction 0.0385)'),
    ).toBe('brain cells autolysed below 5 % (brain cells autolysed 3.9 %)');
    expect(outputsInWords('brain_viable_fraction 0.99999')).toBe('brain cells viable >99.9 %');
  });

  it('leaves other words, times and unknown names alone', () => {
    const text = 'Started CPR at 0:01:00; the_core is not an output';
    expect(outputsInWords(text)).toBe(text);
  });

  it('reads in °F too, a gradient converted as a difference', () => {
    const f = (s: string) => temperaturesInText(outputsInWords(s), 'F');
    expect(f('core_temp_c below 35')).toMatch(/below 95 °F$/);
    expect(f('outlet_venous_gradient_c above 10')).toMatch(/above 18 °F$/);
  });
});
