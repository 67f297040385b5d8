// Validation against published data: one test per reference case of models/validation/cases.ts,
// asserting that the model's value lies in the case's acceptable range. The full table, with
// published and model values and their ratings, is doc/validation.md (npm run validate).

import { describe, expect, it } from 'vitest';
import { REFERENCE_CASES, type ReferenceCase } from '../../models/validation/cases.ts';
import { formatValue } from '../../models/validation/report.ts';

/**
 * Known disagreements: cases whose model value lies outside its acceptable range with the current
 * model. They run with it.fails, so they stay visible in every test run (not skipped), and Vitest
 * reports it the moment one of them starts to pass: then move it out of this list.
 */
const KNOWN_DISAGREEMENTS: Readonly<Record<string, string>> = {
  // Known disagreement: peak shivering VO2 is ~15 mL/kg/min, not 22.1 ± 4.2. The model caps shivering
  // at 4.9 × its own resting rate (3.4 mL/kg/min, from Elia organ rates: 1 MET at rest), below the
  // resting rate implied by Eyolfson (22.1/4.9 = 4.5 mL/kg/min, measured in cold-exposed subjects).
  // The ratio (case 10a) is inside its range.
  '10b': 'ceiling is 4.9 × a lower (thermoneutral) resting rate',
  // Known disagreement: in 17 °C water with the head under, the core falls ~1.0 °C in 45 min (measured
  // 0.73 °C). Head-out cooling (W1) matches, because the lean-layer insulation was calibrated on it;
  // the head adds +0.5 °C (measured +0.33 °C) with +12 % heat loss (measured +11 %): the head's skin
  // draws its heat straight from the blood, so all of it comes from the deep body, whereas part of the
  // real head's loss comes from cooling the scalp and neck tissues themselves.
  W2: 'head submersion adds half again too much core cooling',
  // Known disagreement: with a ≈ 10 °C gradient at 4 L/min the pump gives 2.49 kW (2.52 kW per 10 °C,
  // case 5a) and the mean body temperature rises 0.656 °C/min, above the 0.62 °C/min bound. The bound
  // assumes a whole-body specific heat of 3.47 kJ/kg/K ("based on assumptions, not measured", Xu 2022);
  // the model's compartments hold 3.24 kJ/kg/K (Xu's calculated value is 2.98), so the same heat warms
  // it 7 % faster. With its own heat capacity the bound is 0.667 °C/min and the model stays under it:
  // heat is conserved (case E and test/devices/bedside.test.ts).
  '5b': 'the bound assumes 3.47 kJ/kg/K; the model body holds 3.24 kJ/kg/K',
  // Known disagreement: after mild immersion hypothermia (core 36 °C) a 42 °C bath rewarms the model's
  // core at 6.4 °C/h over the 30 min after the afterdrop, measured 10.1 °C/h (±30 %: 7.1–13.1). Heated
  // skin dilates its own vessels (local thermal hyperaemia, to the highest skin flow at 42 °C), and
  // that flow is warmed at the skin's surface, so there is no afterdrop (measured 0.18 °C, case 6g
  // passes); but the heat the water can give through the skin's surface (waterHeatTransferWPerM2K,
  // calibrated on cooling) and the skin flow it warms limit the rate to about two thirds of the
  // measured one.
  '6f': 'a 42 °C bath rewarms the core at two thirds of the measured rate',
  // Known disagreement (issue 15, item 6): after immersion in 8 °C water to a core of 34.6 °C, the
  // model rewarms by shivering alone at 1.1 °C/h over the 30 min after the afterdrop (measured 2.4 and
  // 3.0 °C/h; afterdrop 0.33 °C, case 6i, measured 0.54–0.61). The shivering heat (at its ceiling, about
  // 285 W) is made, but about half of it goes into rewarming the cold skin and fat (15.6 °C at the
  // start, 30 °C an hour later) rather than the core; the skin heat flux (35–65 W) matches the
  // measured 30–50 W. Shivering heat shared by muscle mass (shiveringLimbShare 0.4, the top of its
  // range, against 0.1) gives the measured afterdrop (0.57 °C) but only 1.33 °C/h, and moves W1 (0.76
  // °C in 45 min, range 0.28–0.52) and 6d (0.47, range 0.5–1.0) out of range: the immersion insulation
  // calibrated on W1 would need refitting with it, so it was not landed (run details of 6j).
  '6j': 'shivering alone rewarms the core at 1.1 °C/h, measured 2.4–3.0 °C/h',
  // Known disagreements of the two views of ischaemic brain death (research notes §9; the run details
  // in doc/validation.md give each end of hypothesisBalance). After Hossmann's hour of warm no-flow
  // most cells are still at risk, not dead, under the essay's view (H1a passes), but warm reperfusion
  // then commits nearly all of them (0.91 lost at balance 0, more at the other balances): no balance
  // leaves the brain whose EEG returned in half the cats.
  H1c: 'warm reperfusion after 1 h loses 0.91 of the brain under the essay’s view, more under others',
  // EPR is expected under both views: the essay's view (balance 0) reproduces it (losses 0.012 and
  // 0.124), but at balance 1 cells out of spec die during the cold no-flow itself (the necrosis clock,
  // 5 min at 37 °C, is about 30 min at 20 °C and 100 min at 10 °C with derangementQ10 3), so 90 min at
  // a brain of 10 °C loses 0.27 and 60 min at 20 °C loses 0.50.
  H3a: 'holds under the essay’s view only: at balance 1 cells die during the cold no-flow',
  H3b: 'holds under the essay’s view only: at balance 1 cells die during the cold no-flow',
  // Mild cooling after reperfusion (30–34 °C) barely changes the fate of cells at risk under either
  // view: it slows commitment (commitQ10 2.2) and repair (energyQ10 2.3) alike, and the self-check is
  // still ~97 % on at 30 °C and ~99.8 % at 34 °C (with selfCheckHalfTempC at the top of its range,
  // 32 °C, the ratios are still 0.91 and 0.59). Kuboyama's immediate group and Busto's early cooling
  // protect far more.
  H5a: 'mild cooling at reperfusion barely protects: commitment and repair slow alike',
  H5b: 'no benefit at all (1.000, a hair above the range’s top); the dogs’ delayed group had 0.71',
  H6a: '30 °C from 5 min into reflow barely protects: commitment and repair slow alike',
  // The essay's view makes slow rewarming after deep hypothermic arrest save too much (ratio 0.40,
  // range 0.5–0.9): with the self-check off while cold, the rate of rewarming decides how much repair
  // happens before it wakes. The default balance (0.5) gives 0.60, balance 1 gives 0.96.
  H7: 'the essay’s view gives slow rewarming too large a benefit (0.40; default balance 0.60)',
  // Known disagreement (issue 15, item 2, left open): in shorts in 10 °C still air the model's core
  // falls 0.80 °C in 2 h (skin 25.6 °C, shivering 152 W, heat loss 254 W against 220 W made) where
  // Tikuisis's 13 men held theirs. Settled in thermoneutral air the body now holds its core (P2a); in
  // the cold its skin-to-air loss outruns the shivering that the Tikuisis & Giesbrecht fit allows; the
  // tissue insulation of a vasoconstricted shell is the likely cause.
  P2b: 'in 10 °C air in shorts the core falls 0.80 °C in 2 h; the men held theirs',
  // Known disagreement (issue 15, item 5, in part): after bypass at 31 °C the model's body ends
  // rewarming 96 kcal short of its heat before cooling where Rajek's patients were 87 kcal above it.
  // Anaesthesia now lowers the constriction threshold on the pump (the periphery opens as the blood
  // passes 34.5 °C: 136 kcal short before), and the afterdrops fall in range (P5a, P5b), but the
  // brain reaches 37.5 °C while the trunk organs are at 36.5 °C: rewarming stops at the brain, as the
  // study's did, and the model's trunk lags it more than the study's single core assumed.
  P5c: 'the body ends bypass rewarming 96 kcal short of its heat before cooling, not 87 kcal above',
};

function describeRange(c: ReferenceCase): string {
  return `${formatValue(c, c.acceptable[0])}–${formatValue(c, c.acceptable[1])} ${c.unit}`;
}

describe('validation against published data', () => {
  it('lists each known disagreement under an existing case', () => {
    const ids = new Set(REFERENCE_CASES.map((c) => c.id));
    for (const id of Object.keys(KNOWN_DISAGREEMENTS)) expect(ids.has(id), id).toBe(true);
  });

  for (const c of REFERENCE_CASES) {
    const known = KNOWN_DISAGREEMENTS[c.id];
    const test = known === undefined ? it : it.fails;
    const name =
      `${c.id} ${c.title}: ${c.quantity} within ${describeRange(c)} (${c.citation})` +
      (known === undefined ? '' : ` — known disagreement: ${known}`);
    test(name, () => {
      const model = c.compute();
      const message = `${c.id}: model ${model} ${c.unit}, acceptable ${describeRange(c)}; source: ${c.source}`;
      expect(Number.isFinite(model), message).toBe(true);
      expect(model, message).toBeGreaterThanOrEqual(c.acceptable[0]);
      expect(model, message).toBeLessThanOrEqual(c.acceptable[1]);
    });
  }
});
