import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, parsePreferences } from '../../src/state/preferences.ts';

describe('preferences', () => {
  it('round-trips what was stored', () => {
    const stored = { unit: 'F', autoPauseOnAlarm: true, instructorMode: true, projector: true };
    expect(parsePreferences(JSON.stringify(stored))).toEqual(stored);
  });

  it('keeps the default of anything missing or malformed, never throwing', () => {
    expect(parsePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{oops')).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('[]')).toEqual(DEFAULT_PREFERENCES);
    expect(parsePreferences('{"unit":"K","autoPauseOnAlarm":"yes","instructorMode":true}')).toEqual(
      { ...DEFAULT_PREFERENCES, instructorMode: true },
    );
    expect(parsePreferences('{"projector":1}')).toEqual(DEFAULT_PREFERENCES);
  });
});
