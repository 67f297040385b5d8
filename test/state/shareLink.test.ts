// Sharing a scenario as a link (src/state/shareLink.ts): a file on the same origin, or the text
// carried in the link's fragment, checked before anything is read.

import { describe, expect, it } from 'vitest';
import {
  MAX_LINKED_SCENARIO_CHARS,
  encodeScenarioText,
  isScenarioAddress,
  sameOriginScenarioUrl,
  scenarioFromFragment,
  scenarioLink,
} from '../../src/state/shareLink.ts';

const PAGE = 'https://coldboot.example/app/?scenario=x.yaml#old';

describe('a scenario carried in a link', () => {
  it('round-trips any text, UTF-8 included, through base64url without padding', () => {
    const text = 'title: Ski — 2 °C, ½ h\nbriefing: "<script>alert(1)</script>"\n';
    const link = scenarioLink(PAGE, text)!;
    expect(link.startsWith('https://coldboot.example/app/#s=')).toBe(true);
    expect(link).not.toContain('?scenario');
    const hash = new URL(link).hash;
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(scenarioFromFragment(hash)).toEqual({ text });
  });

  it('carries nothing without #s=, and refuses damaged, empty or too long text', () => {
    expect(scenarioFromFragment('')).toBeNull();
    expect(scenarioFromFragment('#main')).toBeNull();
    expect(scenarioFromFragment('#s=@@@')).toEqual({ error: expect.stringMatching(/damaged/) });
    // The byte 0xFF is no UTF-8.
    expect(scenarioFromFragment('#s=_w')).toEqual({ error: expect.stringMatching(/damaged/) });
    expect(scenarioFromFragment('#s=')).toEqual({ error: expect.stringMatching(/empty/) });
    const big = 'x'.repeat(MAX_LINKED_SCENARIO_CHARS + 1);
    expect(scenarioLink(PAGE, big)).toBeNull();
    expect(scenarioFromFragment(`#s=${encodeScenarioText(big)}`)).toEqual({
      error: expect.stringMatching(/at most 16,384 characters/),
    });
  });
});

describe('a link to a scenario file on the same site', () => {
  it('tells an address from a built-in file name', () => {
    expect(isScenarioAddress('skier-under-ice.yaml')).toBe(false);
    expect(isScenarioAddress('/classes/drill.yaml')).toBe(true);
    expect(isScenarioAddress('https://coldboot.example/x.yaml')).toBe(true);
  });

  it('resolves paths on the page’s origin and refuses other origins and other files', () => {
    expect(sameOriginScenarioUrl('/classes/drill.yaml', PAGE)).toEqual({
      url: 'https://coldboot.example/classes/drill.yaml',
      fileName: 'drill.yaml',
    });
    expect(sameOriginScenarioUrl('cases/a.json', PAGE)).toEqual({
      url: 'https://coldboot.example/app/cases/a.json',
      fileName: 'a.json',
    });
    expect(sameOriginScenarioUrl('https://evil.example/x.yaml', PAGE)).toEqual({
      error: expect.stringMatching(/only open a file on this site/),
    });
    expect(sameOriginScenarioUrl('//evil.example/x.yaml', PAGE)).toEqual({
      error: expect.stringMatching(/only open a file on this site/),
    });
    expect(sameOriginScenarioUrl('/classes/notes.txt', PAGE)).toEqual({
      error: expect.stringMatching(/not a scenario file/),
    });
  });
});
