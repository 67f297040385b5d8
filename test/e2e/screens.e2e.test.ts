// End-to-end: every screen a class uses, at every size it is used at: a classroom laptop or a
// landscape tablet (1024×768), a phone (390×844), a portrait tablet (768×1024), a 1920×1080
// projector and a 1280×720 projector at 150 % zoom (853×480 CSS px at 1.5 device pixels per px).
// The library, the briefing, the run with each of its tabs and the instructor panel, the odds, model
// and keyboard dialogs, and the debrief: none scrolls sideways, the vital controls (Play, the clock,
// End and debrief, Odds, Model, the monitor's numbers) are on the page and unclipped, touch-sized
// layouts have targets of at least 44 px, and axe finds nothing serious. The projectors are also
// shown in the projector colours. Screenshots go to test-results/e2e/screens-<size>-<screen>.png.
// Run with `npm run test:e2e` (builds first).

import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, seriousViolations, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

interface Size {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  /** A touch-sized layout: every target at least 44 px. */
  readonly touch: boolean;
  readonly projector: boolean;
}

export const SIZES: readonly Size[] = [
  { name: 'laptop-1024x768', width: 1024, height: 768, scale: 1, touch: false, projector: false },
  { name: 'phone-390x844', width: 390, height: 844, scale: 1, touch: true, projector: false },
  { name: 'tablet-768x1024', width: 768, height: 1024, scale: 1, touch: true, projector: false },
  {
    name: 'projector-1920x1080',
    width: 1920,
    height: 1080,
    scale: 1,
    touch: false,
    projector: true,
  },
  {
    name: 'desktop-1280x720',
    width: 1280,
    height: 720,
    scale: 1,
    touch: false,
    projector: false,
  },
  {
    name: 'projector-1280x720-at-150',
    width: 853,
    height: 480,
    scale: 1.5,
    touch: false,
    projector: true,
  },
];

const poll = { timeout: 30_000 };
const slow = { timeout: 120_000 };
const screenOf = (page: Page) => page.locator('.app').getAttribute('data-screen');

/** The page scrolls sideways: its width and the elements that stick out on the right. */
async function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const out = [`the page is ${document.documentElement.scrollWidth} px wide in ${width} px`];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0 && el.checkVisibility()) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(r.right)}`);
        if (out.length > 8) break;
      }
    }
    return out;
  });
}

/** Parts of the header that overlap one another (a squeezed title under the unit switch). */
async function headerOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parts = [
      '.app-header .scenario-title',
      '.app-header .header-nav',
      '.app-header .brand',
      '.app-header .header-settings',
      '.app-header .header-tools',
      '.app-header .header-run',
    ]
      .map((sel) => ({ sel, el: document.querySelector<HTMLElement>(sel) }))
      .filter((p): p is { sel: string; el: HTMLElement } => p.el !== null);
    const out: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const a = parts[i]!.el.getBoundingClientRect();
        const b = parts[j]!.el.getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push(`${parts[i]!.sel} overlaps ${parts[j]!.sel}`);
      }
    }
    const title = document.querySelector<HTMLElement>('.app-header .scenario-title');
    if (title && title.getBoundingClientRect().width < 100) {
      out.push(`the title has ${Math.round(title.getBoundingClientRect().width)} px`);
    }
    return out;
  });
}

/** Test ids of the controls a run cannot do without, and of the monitor's numbers. */
const HEADER_VITALS = ['clock', 'end-run', 'open-odds', 'open-model'];
const MONITOR_VITALS = [
  'monitor-heart-rate',
  'monitor-map',
  'monitor-spo2',
  'monitor-naso',
  'monitor-oeso',
  'monitor-skin',
  'monitor-breathing',
  'monitor-conscious',
];

/**
 * What is wrong with the vital controls: missing, hidden, off the page sideways, clipped, or (for
 * `inFirstView`) below the first screenful.
 */
async function vitalProblems(
  page: Page,
  ids: readonly string[],
  inFirstView: readonly string[],
): Promise<string[]> {
  return page.evaluate(
    ({ ids, inFirstView }) => {
      const problems: string[] = [];
      for (const id of ids) {
        const el = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
        if (!el) {
          problems.push(`${id}: missing`);
          continue;
        }
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
          problems.push(`${id}: hidden`);
          continue;
        }
        const r = el.getBoundingClientRect();
        if (r.width < 1 || r.height < 1) problems.push(`${id}: no size`);
        if (r.left < -0.5 || r.right > window.innerWidth + 0.5) {
          problems.push(
            `${id}: off the page sideways (${Math.round(r.left)}–${Math.round(r.right)})`,
          );
        }
        if (el.scrollWidth > el.clientWidth + 1) {
          problems.push(`${id}: clipped (${el.scrollWidth} px of text in ${el.clientWidth} px)`);
        }
        const tile = el.closest<HTMLElement>('.vital');
        if (tile && tile.scrollWidth > tile.clientWidth + 1) problems.push(`${id}: tile clipped`);
        if (
          inFirstView.includes(id) &&
          (r.top + window.scrollY < 0 || r.bottom + window.scrollY > window.innerHeight + 0.5)
        ) {
          problems.push(
            `${id}: not in the first screenful (${Math.round(r.top + window.scrollY)}–${Math.round(r.bottom + window.scrollY)} of ${window.innerHeight})`,
          );
        }
      }
      return problems;
    },
    { ids: [...ids], inFirstView: [...inFirstView] },
  );
}

/** Targets smaller than 44 × 44 px (a checkbox or radio counts with its label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const selector =
      'button, a[href], select, input:not([type="hidden"]), [role="tab"], summary, [tabindex="0"][role="button"]';
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      if (el.closest('.visually-hidden, .skip-links')) continue;
      // Links inside running text are exempt (WCAG 2.5.5: inline), and so are the model text's
      // links to a section in another tab (buttons, as their target is not on the page).
      const inlineLink =
        (el.tagName === 'A' && !el.classList.contains('card-link')) ||
        el.classList.contains('md-link');
      if (inlineLink && el.closest('p, li, td, dd')) continue;
      const type = (el as HTMLInputElement).type;
      let r = el.getBoundingClientRect();
      if (el.tagName === 'INPUT' && (type === 'checkbox' || type === 'radio')) {
        // The target is the box and its label(s) together.
        const boxes = [el, ...Array.from((el as HTMLInputElement).labels ?? [])];
        const wrap = el.closest<HTMLElement>('label, .check-field, .segment');
        if (wrap) boxes.push(wrap);
        const rects = boxes.map((b) => b.getBoundingClientRect());
        const left = Math.min(...rects.map((x) => x.left));
        const top = Math.min(...rects.map((x) => x.top));
        const right = Math.max(...rects.map((x) => x.right));
        const bottom = Math.max(...rects.map((x) => x.bottom));
        r = new DOMRect(left, top, right - left, bottom - top);
      }
      if (el.classList.contains('card-link')) {
        r = (el.closest<HTMLElement>('.scenario-card') ?? el).getBoundingClientRect();
      }
      if (r.width < 1 && r.height < 1) continue;
      if (r.height < 43.5 || r.width < 43.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        out.push(
          `${el.tagName.toLowerCase()}${type ? `[${type}]` : ''} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return out;
  });
}

/** Everything every screen must meet at this size; a screenshot named after the screen. */
async function checkScreen(
  page: Page,
  size: Size,
  screen: string,
  options: { vitals?: readonly string[]; inFirstView?: readonly string[]; axe?: boolean } = {},
) {
  await page.waitForTimeout(300); // layout settles (fonts, resize observers)
  await page.screenshot({ path: `${OUT_DIR}/screens-${size.name}-${screen}.png` });
  expect(await sidewaysScroll(page), `${screen} scrolls sideways`).toEqual([]);
  expect(await headerOverlaps(page), `${screen}: header`).toEqual([]);
  if (options.vitals) {
    expect(
      await vitalProblems(page, options.vitals, options.inFirstView ?? []),
      `${screen}: vital controls`,
    ).toEqual([]);
  }
  if (size.touch) expect(await smallTargets(page), `${screen}: small targets`).toEqual([]);
  if (options.axe !== false) {
    expect(await seriousViolations(page), `${screen}: axe`).toEqual([]);
  }
}

async function openContext(size: Size): Promise<BrowserContext> {
  return harness.browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
    hasTouch: size.touch,
  });
}

/** Runs Step until the heart-lung machine is connected (cannulation takes 15 simulated minutes). */
async function cannulate(page: Page): Promise<void> {
  await page.getByTestId('intervention-tab-hlm').click();
  await page.getByRole('button', { name: 'Cannulate VA-ECMO' }).click();
  await page.getByTestId('speed').selectOption('600');
  const circuit = page.locator('.circuit-status');
  for (let i = 0; i < 10; i++) {
    if (/VA-ECMO/.test(await circuit.innerText())) return;
    await page.getByTestId('step').click();
    await expect.poll(() => page.getByTestId('run-status').innerText(), poll).toBe('Paused');
  }
  await expect.poll(() => circuit.innerText(), poll).toMatch(/VA-ECMO/);
}

async function walkThrough(size: Size, projector: boolean) {
  const context = await openContext(size);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const tag = (screen: string) => (projector ? `projector-${screen}` : screen);
  try {
    if (projector) {
      await page.addInitScript(() =>
        localStorage.setItem('coldboot:preferences', JSON.stringify({ projector: true })),
      );
    }
    await page.goto(harness.baseUrl);
    await expect.poll(() => page.getByTestId('scenario-card').count(), poll).toBeGreaterThan(0);
    if (projector) {
      expect(await page.locator('html').getAttribute('data-theme')).toBe('projector');
      expect(await page.getByTestId('projector-switch').getAttribute('aria-pressed')).toBe('true');
    }
    // The library: °C/°F and the projector switch are on the page.
    await checkScreen(page, size, tag('library'), {
      vitals: ['projector-switch'],
      inFirstView: ['projector-switch'],
    });
    expect(await page.getByRole('button', { name: '°F' }).isVisible()).toBe(true);

    await page.goto(`${harness.baseUrl}?scenario=hlm-tutorial.yaml`);
    await expect.poll(() => screenOf(page), poll).toBe('briefing');
    await expect.poll(() => page.getByTestId('start-run').isVisible(), poll).toBe(true);
    await checkScreen(page, size, tag('briefing'));

    await page.getByTestId('start-run').click();
    await expect.poll(() => screenOf(page), poll).toBe('run');
    await expect.poll(() => page.getByTestId('run-status').innerText(), slow).toBe('Ready');
    const runVitals = [...HEADER_VITALS, 'play-pause', ...MONITOR_VITALS];
    const firstView = [...HEADER_VITALS, 'play-pause', 'monitor-heart-rate'];
    // On the laptop, the monitor and the interventions share the first screenful.
    const interventionsInView = size.width >= 901 && size.height >= 700;
    if (interventionsInView) firstView.push('monitor-oeso', 'intervention-tab-hlm');
    await checkScreen(page, size, tag('run'), {
      vitals: [...runVitals, 'intervention-tab-hlm'],
      inFirstView: firstView,
    });
    if (projector) {
      // Large numbers: the core temperature's digits are at least 26 CSS px.
      const px = await page
        .locator('[data-testid="monitor-oeso"] .vital-number')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(px).toBeGreaterThanOrEqual(26);
    }
    // In the projector colours, the dialogs and the debrief follow; the tabs are the same.
    if (!projector) await runTabs(page, size, runVitals, interventionsInView);
    await dialogsAndDebrief(page, size, tag);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The run's tabs, with the heart-lung machine connected, and the instructor panel in the page. */
async function runTabs(
  page: Page,
  size: Size,
  runVitals: readonly string[],
  interventionsInView: boolean,
) {
  await cannulate(page);
  await checkScreen(page, size, 'run-heart-lung', {
    vitals: runVitals,
    inFirstView: interventionsInView ? ['monitor-heart-rate', 'setting-pump-flow'] : [],
  });
  for (const tab of ['rewarming', 'heat', 'bedside'] as const) {
    await page.getByTestId(`intervention-tab-${tab}`).click();
    await checkScreen(page, size, `run-${tab}`, { vitals: runVitals, axe: tab !== 'bedside' });
  }
  await page.getByTestId('patient-tab-body').click();
  await checkScreen(page, size, 'run-body-map', { vitals: runVitals });
  await page.getByTestId('patient-tab-cells').click();

  // The instructor panel in the page.
  await page.getByTestId('instructor-switch').click();
  await expect.poll(() => page.getByTestId('instructor-panel').isVisible(), poll).toBe(true);
  await page.getByTestId('instructor-panel').scrollIntoViewIfNeeded();
  await checkScreen(page, size, 'run-instructor', { vitals: runVitals });
  await page.getByTestId('instructor-switch').click();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The odds, model and keyboard dialogs, then the debrief. */
async function dialogsAndDebrief(page: Page, size: Size, tag: (screen: string) => string) {
  await page.getByTestId('open-odds').click();
  await expect.poll(() => page.getByTestId('odds-panel').isVisible(), poll).toBe(true);
  await checkScreen(page, size, tag('odds'));
  await page.getByTestId('odds-close').click();
  await page.getByTestId('open-model').click();
  await expect.poll(() => page.getByTestId('model-explorer').isVisible(), poll).toBe(true);
  await checkScreen(page, size, tag('model'));
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('model-explorer').count(), poll).toBe(0);
  await page.getByTestId('open-keys').click();
  await expect.poll(() => page.getByTestId('keys-dialog').isVisible(), poll).toBe(true);
  await checkScreen(page, size, tag('keys'));
  await page.keyboard.press('Escape');

  await page.getByTestId('end-run').click();
  await expect.poll(() => page.getByTestId('debrief').isVisible(), slow).toBe(true);
  await checkScreen(page, size, tag('debrief'), {
    vitals: ['download-report'],
    inFirstView: ['download-report'],
  });
  // The unit switch is not hidden under the debrief's buttons: it takes a click.
  await page.getByRole('button', { name: '°F' }).click();
  await expect
    .poll(() => page.getByRole('button', { name: '°F' }).getAttribute('aria-pressed'))
    .toBe('true');
}

describe('every screen a class uses', () => {
  for (const size of SIZES) {
    it(
      `fits ${size.name}: no sideways scrolling, vital controls visible, axe clean`,
      { timeout: 600_000 },
      async () => {
        await walkThrough(size, false);
      },
    );
    if (size.projector) {
      it(`shows ${size.name} in the projector colours`, { timeout: 300_000 }, async () => {
        await walkThrough(size, true);
      });
    }
  }
});
