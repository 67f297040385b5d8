// npm run docs:cells: the cell mechanism alone, under each view. Calls stepCells with the brain's
// temperature and aerobic fraction imposed (0 without oxygen, 1 with it), every other parameter at its
// best estimate, and prints the brain cells lost at the end of each story at hypothesisBalance 0
// (the essay's view), 0.5 (halfway, the default) and 1 (the conventional view), as a Markdown table
// for doc/model.md ("What the cell equations give").

import { C, S, createState } from '../models/core/state.ts';
import { parameterValues } from '../models/parameters/index.ts';
import {
  cellRates,
  initialiseCells,
  neurologicalOutcome,
  selfCheckActivity,
  stepCells,
  cellFractions,
  CELL_GROUPS,
} from '../models/physiology/cells.ts';

/** One leg of a story: minutes at a brain temperature (or a ramp), with or without oxygen. */
interface Leg {
  readonly minutes: number;
  readonly fromC: number;
  readonly toC?: number;
  readonly oxygen: boolean;
}

const STORIES: readonly { readonly text: string; readonly legs: readonly Leg[] }[] = [
  {
    text: '5 min without oxygen at 37 °C, then oxygen at 37 °C for 2 h',
    legs: [
      { minutes: 5, fromC: 37, oxygen: false },
      { minutes: 120, fromC: 37, oxygen: true },
    ],
  },
  {
    text: '10 min without oxygen at 37 °C, then oxygen at 37 °C for 2 h',
    legs: [
      { minutes: 10, fromC: 37, oxygen: false },
      { minutes: 120, fromC: 37, oxygen: true },
    ],
  },
  {
    text: '15 min without oxygen at 37 °C, then oxygen at 37 °C for 2 h',
    legs: [
      { minutes: 15, fromC: 37, oxygen: false },
      { minutes: 120, fromC: 37, oxygen: true },
    ],
  },
  {
    text: '15 min without oxygen at 37 °C, 15 min more cooling to 15 °C without oxygen, oxygen at 15 °C for 2 h, rewarming at 3 °C/h to 37 °C',
    legs: [
      { minutes: 15, fromC: 37, oxygen: false },
      { minutes: 15, fromC: 37, toC: 15, oxygen: false },
      { minutes: 120, fromC: 15, oxygen: true },
      { minutes: 440, fromC: 15, toC: 37, oxygen: true },
      { minutes: 60, fromC: 37, oxygen: true },
    ],
  },
  {
    text: 'the same, but rewarmed to 37 °C within 30 min of the oxygen',
    legs: [
      { minutes: 15, fromC: 37, oxygen: false },
      { minutes: 15, fromC: 37, toC: 15, oxygen: false },
      { minutes: 30, fromC: 15, toC: 37, oxygen: true },
      { minutes: 120, fromC: 37, oxygen: true },
    ],
  },
  {
    text: '60 min without oxygen at 37 °C, then oxygen at 37 °C for 2 h (Hossmann)',
    legs: [
      { minutes: 60, fromC: 37, oxygen: false },
      { minutes: 120, fromC: 37, oxygen: true },
    ],
  },
  {
    text: '60 min without oxygen at 20 °C, then oxygen at 20 °C for 6 h, then rewarming at 1 °C/h to 37 °C',
    legs: [
      { minutes: 60, fromC: 20, oxygen: false },
      { minutes: 360, fromC: 20, oxygen: true },
      { minutes: 1020, fromC: 20, toC: 37, oxygen: true },
    ],
  },
  {
    text: '60 min without oxygen at 20 °C, then oxygen while rewarming to 37 °C within 30 min, then 2 h at 37 °C',
    legs: [
      { minutes: 60, fromC: 20, oxygen: false },
      { minutes: 30, fromC: 20, toC: 37, oxygen: true },
      { minutes: 120, fromC: 37, oxygen: true },
    ],
  },
];

const BALANCES = [0, 0.5, 1] as const;
const BODY = {
  massKg: 70,
  compartmentKg: [1.4, 0.3, 10, 28, 20, 4, 5.5],
  logQ10: [0, 0, 0, 0, 0, 0, 0],
  restingBrainFlowLPerMin: 0.75,
};

function story(legs: readonly Leg[], balance: number): { lost: number; cpc: number } {
  const v = parameterValues({ hypothesisBalance: balance });
  const body = { ...BODY, ...cellRates(v) };
  const state = createState();
  initialiseCells(state, v);
  state[S.cardiacOutputRatio] = 1;
  state[S.brainFlowLPerMin] = BODY.restingBrainFlowLPerMin;
  let t = 37;
  for (const leg of legs) {
    const steps = Math.round(leg.minutes * 60);
    for (let i = 0; i < steps; i++) {
      t = leg.toC === undefined ? leg.fromC : leg.fromC + ((leg.toC - leg.fromC) * (i + 1)) / steps;
      for (let c = 0; c < C.blood; c++) {
        state[c] = t;
        state[S.brainAerobicFraction + c] = leg.oxygen ? 1 : 0;
        state[S.brainDemandW + c] = 0;
      }
      stepCells(state, body, 1, v);
    }
  }
  const brain = cellFractions(state, CELL_GROUPS[0], v);
  const lost = brain.autolysed + brain.atRisk * selfCheckActivity(t, v);
  return { lost, cpc: neurologicalOutcome(lost, true, v) };
}

const pct = (x: number) => `${Math.round(100 * x)} %`;
const header = `| story | ${BALANCES.map((b) => `lost, CPC at balance ${b}`).join(' | ')} |`;
const lines = [header, `| --- | ${BALANCES.map(() => '---').join(' | ')} |`];
for (const s of STORIES) {
  const cells = BALANCES.map((b) => {
    const r = story(s.legs, b);
    return `${pct(r.lost)}, CPC ${r.cpc}`;
  });
  lines.push(`| ${s.text} | ${cells.join(' | ')} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
