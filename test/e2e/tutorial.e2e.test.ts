// End-to-end: a learner takes the heart-lung machine tutorial (public/scenarios/hlm-tutorial.yaml)
// from the library to the debrief through the UI alone: the card, the briefing, then each step the
// tutorial prompts in the event log (the run pauses on each; Play goes on), acting with the console's
// settings, the bedside buttons and the speed selector, and finally "End and debrief". The debrief
// must show every objective met and the expert's score. Run with `npm run test:e2e` (builds first).

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { OUT_DIR, useHarness, watchErrors } from './harness.ts';

const harness = useHarness();

const TITLE = 'Tutorial: the heart-lung machine';
const poll = { timeout: 30_000 };
/** Polls often: at 600× a tenth of a second is a minute of the run. */
const fastPoll = { timeout: 30_000, intervals: [50] };

/** "1:02:03" or "2:03" → seconds. */
function seconds(clock: string): number {
  return clock
    .trim()
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
}

/** Whether an element is wholly on the screen as it is (the viewport, without scrolling). */
async function inView(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  return (
    box !== null &&
    size !== null &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= size.height &&
    box.x + box.width <= size.width
  );
}

/** What a learner does on the run screen, by what the screen shows and names. */
function learner(page: Page) {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const status = () => page.getByTestId('run-status').innerText();
  const clockS = async () => seconds(await page.getByTestId('clock').innerText());
  const log = page.getByRole('list', { name: 'Event log' });
  const rhythm = () => page.getByTestId('monitor-rhythm').innerText();

  /** Waits until the run has paused on the tutorial's step `n` (its prompt is in the event log). */
  async function promptedStep(n: number): Promise<void> {
    await expect.poll(() => log.innerText(), poll).toMatch(new RegExp(`Step ${n}\\b`));
    await expect.poll(status, poll).toBe('Paused');
  }

  /** Chooses a speed ("600" is 10 simulated minutes a second). */
  async function speed(value: '60' | '600'): Promise<void> {
    await page.getByLabel('Speed').selectOption(value);
  }

  /** Presses Play (the run may stop again at once on the next prompt). */
  async function play(): Promise<void> {
    await button('Play').click();
  }

  async function pause(): Promise<void> {
    await button('Pause').click();
    await expect.poll(status, poll).toBe('Paused');
  }

  /**
   * Plays until the clock reaches `targetS`, fast, then slower over the last two minutes (as a
   * learner turns the speed down when the time comes), and pauses there.
   */
  async function runUntil(targetS: number): Promise<void> {
    for (const [value, untilS] of [
      ['600', targetS - 120],
      ['60', targetS],
    ] as const) {
      if ((await clockS()) >= untilS) continue;
      await speed(value);
      if ((await status()) !== 'Running') {
        await play();
        await expect.poll(status, poll).toBe('Running');
      }
      await expect
        .poll(async () => {
          // A prompt on the way would stop the run: fail with what it said.
          if ((await status()) !== 'Running') throw new Error(`stopped: ${await log.innerText()}`);
          return (await clockS()) >= untilS;
        }, fastPoll)
        .toBe(true);
    }
    await pause();
  }

  /** Opens an intervention tab: Bedside, Heart-lung (its name shows alarms), Warming or Heat. */
  async function tab(name: RegExp): Promise<void> {
    await page.getByRole('tab', { name }).click();
  }

  /** Types a value into a console setting's box and presses Enter. */
  async function typeSetting(name: string, value: string): Promise<void> {
    const box = page.getByRole('spinbutton', { name });
    await box.fill(value);
    await box.press('Enter');
  }

  /** Waits for an entry in the event log (the run's record of what was done). */
  async function logged(text: string | RegExp): Promise<void> {
    await expect.poll(() => log.innerText(), poll).toMatch(text);
  }

  return {
    button,
    status,
    clockS,
    log,
    rhythm,
    promptedStep,
    speed,
    play,
    pause,
    runUntil,
    tab,
    typeSetting,
    logged,
  };
}

describe('the heart-lung machine tutorial, through the UI alone', () => {
  it('library → briefing → the eight prompted steps → End and debrief: every objective met', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const shot = (name: string) => page.screenshot({ path: `${OUT_DIR}/tutorial-${name}.png` });
    const me = learner(page);
    const hlm = page.getByRole('region', { name: /^Heart-lung machine/ });
    const circuit = () => hlm.getByRole('heading', { level: 2 }).innerText();
    try {
      // The library: the tutorial's card.
      await page.goto(harness.baseUrl);
      await page.getByRole('link', { name: TITLE, exact: true }).click();

      // The briefing: the story, the patient and what is graded; Start.
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText(), poll)
        .toBe(TITLE);
      const objectives = page.getByRole('region', { name: 'Objectives' }).getByRole('listitem');
      expect(await objectives.count()).toBe(11);
      expect(await page.getByRole('region', { name: 'The story' }).innerText()).toMatch(
        /Heart-lung tab .* Bedside tab/s,
      );
      await shot('1-briefing');
      await page.getByRole('button', { name: /^Start/ }).click();

      // Step 1, shown at once (the run waits for Play): cannulate, then let the clock run fast.
      await expect.poll(me.status, poll).toBe('Ready');
      await me.logged(/Step 1 of 8/);
      await shot('2-step1');
      await me.tab(/^Heart-lung/);
      expect(await inView(me.button('Cannulate VA-ECMO'))).toBe(true);
      await me.button('Cannulate VA-ECMO').click();
      await expect.poll(circuit, poll).toMatch(/cannulating · 1[45]:\d\d left/);
      await shot('3-cannulating');
      await me.speed('600');
      await me.play();

      // Step 2: the cannulae are in; the heater-cooler's water to 27 °C before any flow.
      await me.promptedStep(2);
      expect(await me.clockS()).toBeGreaterThanOrEqual(15 * 60);
      expect(await circuit()).toMatch(/VA-ECMO · pump stopped/);
      // A slip of the finger: 270 °C is out of the heater-cooler's range, marked and not sent.
      const waterBox = page.getByRole('spinbutton', { name: 'Heater-cooler water (°C)' });
      await me.typeSetting('Heater-cooler water (°C)', '270');
      expect(await waterBox.getAttribute('aria-invalid')).toBe('true');
      expect(await me.log.innerText()).not.toContain('Heater-cooler water set');
      await me.typeSetting('Heater-cooler water (°C)', '27');
      await me.logged('Heater-cooler water set to 27 °C');
      expect(await waterBox.getAttribute('aria-invalid')).toBe('false');
      await shot('4-step2-water');
      await me.play();

      // Step 3 (once the water is below 30 °C): the sweep gas, with oxygen. The sweep is typed;
      // FiO₂ goes to 1.00 with the slider's End key.
      await me.promptedStep(3);
      const water = hlm.getByText(/^Water/).locator('..');
      // The run stops on the second the water passes below 30 °C: shown to 0.1 °C, it may read 30.0.
      expect(Number((await water.innerText()).match(/\d+\.\d/)?.[0])).toBeLessThanOrEqual(30);
      await me.typeSetting('Sweep gas (L/min)', '4.5');
      await me.logged('Oxygenator: FiO₂ 0.21, sweep 4.5 L/min');
      await page.getByRole('slider', { name: 'Sweep FiO₂' }).press('End');
      await me.logged('Oxygenator: FiO₂ 1.00, sweep 4.5 L/min');
      await me.play();

      // Step 4: start the pump at 4.5 L/min.
      await me.promptedStep(4);
      await me.typeSetting('Pump flow (L/min)', '4.5');
      await me.logged('Pump flow set to 4.5 L/min');
      await me.play();

      // Step 5: the pump carries him: stop the compressions at the bedside.
      await me.promptedStep(5);
      expect(await circuit()).toMatch(/VA-ECMO · running/);
      // "Check the arterial PO2": the blood leaving the oxygenator is well oxygenated.
      const postOxy = await hlm
        .getByText(/^Post-oxy PO₂/)
        .locator('..')
        .innerText();
      expect(Number(/(\d+)\s*mmHg/.exec(postOxy)?.[1])).toBeGreaterThan(100);
      // Every setting of the console is on the 1280×720 screen, no scrolling needed.
      for (const box of await hlm.getByRole('spinbutton').all()) {
        expect(await inView(box), (await box.getAttribute('aria-label')) ?? '').toBe(true);
      }
      await shot('5-step5-pump-running');
      await hlm.screenshot({ path: `${OUT_DIR}/tutorial-5-console.png` });
      await me.tab(/^Bedside/);
      await me.button('Stop CPR').click();
      await me.logged('Chest compressions stopped');
      await me.play();

      // Step 6: rewarm 2 °C at a time, every 15 minutes: the water box's up arrow, four times.
      await me.promptedStep(6);
      const step6S = await me.clockS();
      await me.tab(/^Heart-lung/);
      for (let i = 0; i < 4; i++) await waterBox.press('ArrowUp');
      await me.logged('Heater-cooler water set to 29 °C');
      await shot('6-step6-rewarm');

      // 15 minutes later, the next 2 °C.
      await me.runUntil(step6S + 15 * 60);
      for (let i = 0; i < 4; i++) await waterBox.press('ArrowUp');
      await me.logged('Heater-cooler water set to 31 °C');
      await me.speed('600');
      await me.play();

      // Step 7: the outlet nears 30 °C; the limits tighten. Nothing to change yet.
      await me.promptedStep(7);
      await shot('7-step7-near-30');
      expect(await page.getByRole('list', { name: 'Active alarms' }).count()).toBe(0);
      await me.play();

      // Step 8: the heart is above 30 °C: shock, again a minute later if it stays in VF.
      await me.promptedStep(8);
      await me.tab(/^Bedside/);
      await me.speed('60');
      for (let shock = 1; !/^sinus/.test(await me.rhythm()); shock++) {
        expect(shock, 'shocks before the heart beats').toBeLessThanOrEqual(5);
        await me.button('Defibrillate result depends on rhythm').click();
        await expect
          .poll(() => me.log.innerText(), poll)
          .toMatch(new RegExp(`(Shock delivered[^]*){${shock}}`));
        if (/^sinus/.test(await me.rhythm())) break;
        await me.runUntil((await me.clockS()) + 60);
      }
      await expect.poll(me.rhythm, poll).toMatch(/^sinus/);
      await shot('8-heartbeat');

      // End and debrief.
      await me.button('End and debrief').click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).innerText(), poll)
        .toBe(`Debrief: ${TITLE}`);
      await expect.poll(() => page.getByTestId('score').count(), { timeout: 60_000 }).toBe(1);
      const results = page.getByRole('region', { name: 'Objectives' }).getByRole('listitem');
      expect(await results.count()).toBe(11);
      for (const text of await results.allInnerTexts()) expect(text).toMatch(/^\W*Met:/);
      // The score is the expert's (the debrief replays the expert's run beside this one).
      expect(await page.getByTestId('score').innerText()).toBe('100 / 100');
      const summary = await page.getByTestId('score').locator('..').innerText();
      expect(/\(the expert: ([\d.]+)\)/.exec(summary)?.[1]).toBe('100');
      expect(
        await page.getByRole('table', { name: /When each action was first done/ }).count(),
      ).toBe(1);
      await shot('9-debrief');
      await page
        .getByRole('region', { name: 'Objectives' })
        .screenshot({ path: `${OUT_DIR}/tutorial-9-objectives.png` });
      await page.screenshot({ path: `${OUT_DIR}/tutorial-9-debrief-full.png`, fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
