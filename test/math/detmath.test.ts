// The deterministic exp, log and pow of models/math/detmath.ts: within 1 ulp of the engine's Math
// functions over many arguments, exactly ECMAScript's results for the special values, exact where
// the result is representable, and pinned bit for bit (a checksum of 60,000 results), so a change
// of algorithm cannot pass unnoticed.

import { describe, expect, it } from 'vitest';
import { exp, fdlibmExp, log, pow, RememberedExp } from '../../models/math/detmath.ts';

const view = new DataView(new ArrayBuffer(8));
/** The double's bits as a signed 64-bit integer, ordered like the doubles of one sign. */
function bits(x: number): bigint {
  view.setFloat64(0, x);
  return view.getBigInt64(0);
}
/** Distance in ulps between two finite doubles of the same sign (0 when Object.is). */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) !== Math.sign(b)) return Infinity;
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

/** A small seeded generator (xorshift32), so the arguments are the same in every run. */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const random = generator(16);
/** A positive double spread over 2^lo … 2^hi (uniform in the exponent). */
const spread = (lo: number, hi: number) => Math.pow(2, lo + random() * (hi - lo)) * (1 + random());

interface Sample {
  readonly name: string;
  readonly args: () => [number, number];
}

const EXP_SAMPLES: Sample[] = [
  { name: 'over the whole range', args: () => [random() * 1500 - 750, 0] },
  { name: 'near zero', args: () => [(random() * 2 - 1) * Math.pow(2, -40 * random()), 0] },
  { name: 'as the engine calls it (−20 to 5)', args: () => [random() * 25 - 20, 0] },
];
const LOG_SAMPLES: Sample[] = [
  { name: 'over the whole range', args: () => [spread(-1074, 1023), 0] },
  { name: 'near one', args: () => [1 + (random() - 0.5) * Math.pow(2, -50 * random()), 0] },
];
const POW_SAMPLES: Sample[] = [
  { name: 'as the engine calls it', args: () => [random() * 200, random() * 4 - 2] },
  {
    name: 'over a wide range',
    args: () => [spread(-100, 100), (random() * 2 - 1) * 2 ** (12 * random())],
  },
  {
    name: 'negative bases, integer exponents',
    args: () => [-10 * random(), Math.round(random() * 60 - 30)],
  },
  {
    name: 'bases near one, large exponents',
    args: () => [1 + (random() - 0.5) * 1e-7, (random() * 2 - 1) * 1e10],
  },
  { name: 'results near the subnormal range', args: () => [random() * 0.5, 1000 + random() * 600] },
];

describe('exp, log and pow (models/math/detmath.ts)', () => {
  const cases: [
    string,
    (x: number, y: number) => number,
    (x: number, y: number) => number,
    Sample[],
  ][] = [
    ['exp', (x) => exp(x), (x) => Math.exp(x), EXP_SAMPLES],
    ['log', (x) => log(x), (x) => Math.log(x), LOG_SAMPLES],
    ['pow', pow, Math.pow, POW_SAMPLES],
  ];
  for (const [name, ours, engine, samples] of cases) {
    for (const sample of samples) {
      it(`${name} is within 1 ulp of Math.${name} ${sample.name} (20,000 arguments)`, () => {
        let worst = 0;
        let worstArgs: [number, number] = [0, 0];
        for (let i = 0; i < 20_000; i++) {
          const [x, y] = sample.args();
          const d = ulps(ours(x, y), engine(x, y));
          if (d > worst) [worst, worstArgs] = [d, [x, y]];
        }
        expect(worst, `at ${worstArgs.join(', ')}`).toBeLessThanOrEqual(1);
      });
    }
  }

  it('exp’s fast path gives fdlibm’s exp bit for bit (100,000 arguments and the boundaries)', () => {
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      xs.push(random() * 1500 - 750, (random() * 2 - 1) * Math.pow(2, -40 * random()));
    }
    // Around the thresholds fdlibm tests on the high word: ln2/2, 1.5 ln2, 2^-28, 709, and k = ±1.
    for (const edge of [0.34657359027997264, 1.0397207708399179, 2 ** -28, 709, Math.LN2]) {
      for (let d = -64; d <= 64; d++) {
        const x = edge * (1 + d * Number.EPSILON);
        xs.push(x, -x);
      }
    }
    const differing = xs.filter((x) => !Object.is(exp(x), fdlibmExp(x)));
    expect(differing).toEqual([]);
  });

  const SPECIAL = [
    NaN,
    Infinity,
    -Infinity,
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    2,
    -2,
    3,
    -3,
    1.5,
    -1.5,
    0.25,
    10,
    -10,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
    2 ** -1022,
    2 ** 53,
    -(2 ** 53),
    2 ** 53 + 2,
    2 ** 31 + 1,
    -(2 ** 31 + 1),
    2 ** 64 * 3,
    1e300,
    -1e300,
    1 + 2 ** -52,
    1 - 2 ** -53,
    710,
    -746,
    709.7,
    -745.1,
  ];
  /** ECMAScript fixes the result, or the result is exactly representable (any faithful pow gives it). */
  function exactPow(x: number, y: number): boolean {
    const r = Math.pow(x, y);
    if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || !Number.isFinite(y))
      return true;
    if (x === 0 || y === 0 || Math.abs(x) === 1 || y === 1 || y === -1 || y === 2 || y === 0.5)
      return true;
    if (r === 0 || !Number.isFinite(r)) return true;
    return Number.isInteger(x) && Number.isInteger(y) && y > 0 && Math.abs(r) < 2 ** 53;
  }

  it('exp and log give ECMAScript’s results for NaN, ±Infinity, ±0, 1 and out-of-range arguments', () => {
    for (const x of SPECIAL) {
      if (!Number.isFinite(x) || x === 0 || Math.abs(x) >= 709 || x === 1) {
        expect(Object.is(exp(x), Math.exp(x)), `exp(${x})`).toBe(true);
      }
      if (!Number.isFinite(x) || x <= 0 || x === 1) {
        expect(Object.is(log(x), Math.log(x)), `log(${x})`).toBe(true);
      }
    }
    expect(exp(1)).toBe(Math.E);
  });

  it('pow gives ECMAScript’s results for every pair of special values, and is within 1 ulp otherwise', () => {
    for (const x of SPECIAL) {
      for (const y of SPECIAL) {
        const ours = pow(x, y);
        const engine = Math.pow(x, y);
        if (exactPow(x, y)) expect(Object.is(ours, engine), `pow(${x}, ${y})`).toBe(true);
        else expect(ulps(ours, engine), `pow(${x}, ${y})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('pow is exact for integer powers that are representable, with the sign of negative bases', () => {
    for (let base = -12; base <= 12; base++) {
      for (let n = 0; n <= 40; n++) {
        const exact = Math.pow(base, n);
        if (Math.abs(exact) >= 2 ** 53) continue;
        expect(Object.is(pow(base, n), exact), `pow(${base}, ${n})`).toBe(true);
      }
    }
    for (let n = 0; n <= 22; n++) expect(pow(10, n)).toBe(Number(`1e${n}`));
    for (let n = -1074; n <= 1023; n++) expect(pow(2, n)).toBe(2 ** n);
    expect(pow(-2, -3)).toBe(-0.125);
    expect(Object.is(pow(-0, -3), -Infinity)).toBe(true);
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(Object.is(pow(-8, 1 / 3), NaN)).toBe(true);
  });

  it('the same bits in every engine: a checksum of 60,000 results is pinned', () => {
    // If this fails, the algorithm changed: every golden trace and replayed run log moves with it.
    const r = generator(2026);
    let hash = 0n;
    const mix = (x: number) => {
      hash = BigInt.asUintN(64, (hash ^ BigInt.asUintN(64, bits(x))) * 0x100000001b3n);
    };
    for (let i = 0; i < 20_000; i++) {
      mix(exp(r() * 60 - 40));
      mix(log(r() * 1000));
      mix(pow(r() * 200, r() * 4 - 2));
    }
    expect(hash.toString(16)).toBe('fe5f4bc10b6c22f3');
    expect(pow(74, 0.425)).toBe(6.229073866036352);
  });
});

describe('RememberedExp', () => {
  it('gives exp’s bits for every argument, repeated or not, in each slot apart', () => {
    const remembered = new RememberedExp(3);
    const r = generator(17);
    const args = [0, -0, 1, -1e-30, NaN, Infinity, -Infinity, 800, -800];
    for (let i = 0; i < 2000; i++) args.push(r() * 40 - 30);
    for (let i = 0; i < args.length; i++) {
      const x = args[i]!;
      for (const slot of [i % 3, i % 3, (i + 1) % 3]) {
        expect(Object.is(remembered.of(x, slot), exp(x)), `slot ${slot}, ${x}`).toBe(true);
      }
    }
    const one = new RememberedExp();
    expect(one.of(-0.5)).toBe(exp(-0.5));
    expect(one.of(-0.5)).toBe(exp(-0.5));
    expect(one.of(0.25)).toBe(exp(0.25));
  });
});
