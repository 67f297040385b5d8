import { describe, expect, it } from 'vitest';
import { ScenarioError, parseAction } from '../../models/index.ts';

describe('one action from text (the instructor panel)', () => {
  it('reads YAML and JSON into the engine action', () => {
    expect(parseAction('{ do: setEnvironment, medium: air, temperatureC: 20 }', 'event')).toEqual({
      do: 'setEnvironment',
      medium: 'air',
      temperatureC: 20,
    });
    expect(parseAction('{"do": "ventilate", "fio2": 1}', 'event')).toEqual({
      do: 'ventilate',
      fio2: 1,
    });
  });

  it('says what is wrong and where, never throwing anything else', () => {
    const cases: [string, RegExp][] = [
      ['{ do: ventilate, fio2: 2 }', /event(:1)?: fio2: expected .*found 2/],
      ['{ do: ventilat, fio2: 1 }', /event(:1)?: do: expected .*ventilate/],
      ['{ do: ventilate', /event(:\d+)?: expected valid YAML or JSON/],
      ['', /event: expected an action/],
      ['{ do: ventilate, fio2: 1, extra: 3 }', /extra/],
      [
        '{ do: setEnvironment, medium: water, temperatureC: -60 }',
        /temperatureC: expected a number from -2 to 45 \(°C\) in water \(medium: water\), found -60/,
      ],
      ['{ do: ventilate, fio2: 1, __proto__: { x: 1 } }', /__proto__: expected a field name other/],
    ];
    for (const [text, message] of cases) {
      let error: unknown;
      try {
        parseAction(text, 'event');
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(ScenarioError);
      expect((error as Error).message, text).toMatch(message);
    }
  });
});
