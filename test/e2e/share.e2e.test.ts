// End-to-end: sharing a scenario that is not in the library as a link (issue 20): the text carried
// in the link (`#s=`, made on the briefing of a file opened from disk), a file on the same site
// (`?scenario=/path/file.yaml`), and what is refused (another site, a damaged link, a file with
// mistakes, which is listed and never run). At 1280×720 and 1024×768.

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeScenarioText } from '../../src/state/shareLink.ts';
import { OUT_DIR, ROOT, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const poll = { timeout: 30_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');
const title = (page: Page) => page.getByRole('heading', { level: 1 }).innerText();
const FIXTURE = `${ROOT}test/e2e/fixtures/immersion.yaml`;
const FIXTURE_TITLE = 'Under the ice (test fixture)';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;

describe('sharing a scenario as a link', () => {
  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: a link made on the briefing opens the same scenario`, async () => {
      const context = await harness.browser.newContext({ viewport: size });
      const page = await context.newPage();
      const errors = watchErrors(page);
      try {
        // A file opened from disk: its briefing offers a link that carries it.
        await page.goto(harness.baseUrl);
        await expect.poll(() => screenOf(page), poll).toBe('library');
        await page.locator('input[type="file"]').setInputFiles(FIXTURE);
        await expect.poll(() => title(page), poll).toBe(FIXTURE_TITLE);
        await page.getByTestId('make-share-link').click();
        const link = await page.getByTestId('share-link').inputValue();
        expect(link.startsWith(`${harness.baseUrl}#s=`)).toBe(true);
        await page.getByTestId('share-link').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${OUT_DIR}/share-briefing-${size.width}.png` });
        expect(await seriousViolations(page)).toEqual([]);

        // Someone else opens the link: the same briefing, under the link's name.
        const other = await context.newPage();
        const otherErrors = watchErrors(other);
        await other.goto(link);
        await expect.poll(() => title(other), poll).toBe(FIXTURE_TITLE);
        expect(await other.locator('.doc-kicker').innerText()).toContain('scenario-from-link.yaml');
        await other.getByTestId('start-run').click();
        await expect.poll(() => screenOf(other), poll).toBe('run');
        expect(otherErrors).toEqual([]);
        await other.close();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  it('opens a file on the same site; refuses another site, a damaged link and lists mistakes', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    try {
      // A scenario file on this site, by its path.
      await page.goto(`${harness.baseUrl}?scenario=/scenarios/field-ice-tub.yaml`);
      await expect.poll(() => title(page), poll).toBe('Heat stroke and the ice-water tub');
      expect(await page.locator('.doc-kicker').innerText()).toContain('File: field-ice-tub.yaml');

      // Another site: refused before anything is fetched.
      const fetched: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).hostname === 'example.org') fetched.push(r.url());
      });
      await page.goto(`${harness.baseUrl}?scenario=https://example.org/x.yaml`);
      await expect
        .poll(() => page.getByTestId('load-error').innerText(), poll)
        .toMatch(/only open a file on this site/);
      expect(fetched).toEqual([]);

      // A damaged link.
      await page.goto(`${harness.baseUrl}#s=@@@`);
      await page.reload();
      await expect.poll(() => page.getByTestId('load-error').innerText(), poll).toMatch(/damaged/);

      // A scenario with a mistake: listed like a file's, never run.
      const text = readFileSync(FIXTURE, 'utf8').replace(/medium: air/, 'medium: lava');
      expect(text).toContain('lava');
      await page.goto(`${harness.baseUrl}#s=${encodeScenarioText(text)}`);
      await page.reload();
      await expect
        .poll(() => page.getByTestId('load-error').innerText(), poll)
        .toMatch(/scenario-from-link\.yaml:\d+/);
      expect(await page.getByTestId('load-error').innerText()).toContain('lava');
      await page.screenshot({ path: `${OUT_DIR}/share-mistake.png` });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
