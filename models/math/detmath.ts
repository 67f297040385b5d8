// Deterministic exp, log and pow: the same bits in every JavaScript engine. ECMAScript leaves
// Math.exp, Math.log and Math.pow "implementation-approximated", and Node's V8 and Chromium's V8
// give different last bits for about one argument in ten, so a browser's run replayed in Node would
// drift. These use only IEEE 754 operations the language specifies exactly (+, −, ×, ÷, sqrt and bit
// access to the double), so every engine computes the same result.
//
// The algorithms and constants are those of fdlibm 5.3 (e_exp.c, e_log.c, e_pow.c), Copyright (C)
// 1993-2004 Sun Microsystems, Inc.: "Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this software is freely granted, provided that
// this notice is preserved." Errors are below 1 ulp (pow: below 0.5 ulp + 2⁻⁶⁴ in most of its
// range); special values (NaN, ±Infinity, ±0, 1, negative bases) follow ECMAScript's Math.pow,
// Math.exp and Math.log exactly. See doc/implementation-notes.md ("Deterministic arithmetic").

// One double seen as two 32-bit words. The word order follows the platform's byte order.
const FLOAT = new Float64Array(1);
const WORDS = new Int32Array(FLOAT.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** The high 32 bits of x (sign, exponent, top of the significand), as a signed integer. */
function highWord(x: number): number {
  FLOAT[0] = x;
  return WORDS[HI]!;
}

/** The low 32 bits of x's significand, as an unsigned integer. */
function lowWord(x: number): number {
  FLOAT[0] = x;
  return WORDS[LO]! >>> 0;
}

/** x with its low 32 bits cleared (an exactly representable head of x). */
function withLowCleared(x: number): number {
  FLOAT[0] = x;
  WORDS[LO] = 0;
  return FLOAT[0];
}

/** The double whose high word is `high` and low word 0. */
function fromHighWord(high: number): number {
  WORDS[HI] = high;
  WORDS[LO] = 0;
  return FLOAT[0]!;
}

/** x with its high word replaced, low word kept. */
function withHighWord(x: number, high: number): number {
  FLOAT[0] = x;
  WORDS[HI] = high;
  return FLOAT[0];
}

const TWO_M1000 = 9.3326361850321887899e-302; // 2^-1000
const TWO54 = 1.8014398509481984e16; // 2^54
const TWO53 = 9007199254740992.0; // 2^53

// exp: e^x = 2^k · e^r, r = x − k·ln2 in [−ln2/2, ln2/2], e^r from a rational approximation.
const EXP_OVERFLOW = 7.09782712893383973096e2;
const EXP_UNDERFLOW = -7.4513321910194110842e2;
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** The double with high word `high` and low word 0, for constants. */
function doubleOfHighWord(high: number): number {
  const words = new Int32Array(2);
  words[HI] = high;
  return new Float64Array(words.buffer)[0]!;
}

// fdlibm's tests of the high word of |x|, as comparisons of |x| with doubles (exactly equivalent).
/** |x| ≥ this ⟺ high word > 0x3fd62e42: |x| > ln2/2, so the argument is reduced. */
const EXP_REDUCE = doubleOfHighWord(0x3fd62e43);
/** |x| < this ⟺ high word < 0x3e300000: |x| < 2^-28. */
const EXP_TINY = doubleOfHighWord(0x3e300000);
/** 2^k for k = −1074 … 1023, at index k + 1074 (all exact). */
const POWERS_OF_TWO = new Float64Array(2098);
POWERS_OF_TWO[0] = Number.MIN_VALUE;
for (let i = 1; i < POWERS_OF_TWO.length; i++) POWERS_OF_TWO[i] = POWERS_OF_TWO[i - 1]! * 2;

/**
 * e^x, the same bits in every engine (fdlibm's __ieee754_exp). The common range, |x| < 709, runs as
 * plain arithmetic with a table of powers of two, short enough for the JIT to inline where it is
 * called; the edges go to fdlibm's code as written (`fdlibmExp`). The results are identical: where
 * fdlibm takes k = ±1 or k = 0 without multiplying, k · LN2_HI and 0 · LN2_LO are exact, and y · 2^k
 * is one rounding as fdlibm's y · 2^(k+1000) · 2^-1000 is. The unit tests compare the two.
 */
export function exp(x: number): number {
  const ax = Math.abs(x);
  if (!(ax < 709)) return fdlibmExp(x); // NaN, infinities, overflow, underflow, k ≥ 1024
  if (ax < EXP_TINY) return 1 + x;
  // fdlibm's exp(1) is 1 ulp above e; Node's Math.exp(1) is Math.E, the correctly rounded e: so is ours.
  if (x === 1) return Math.E;
  const k = ax < EXP_REDUCE ? 0 : (INV_LN2 * x + (x < 0 ? -0.5 : 0.5)) | 0;
  const hi = x - k * LN2_HI; // exact
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  return (1 - (lo - (r * c) / (2.0 - c) - hi)) * POWERS_OF_TWO[k + 1074]!;
}

/** e^x for every x: fdlibm's __ieee754_exp as written, with its bit tests (exp's reference). */
export function fdlibmExp(x: number): number {
  if (x === 1) return Math.E;
  const word = highWord(x);
  const negative = word < 0;
  const high = word & 0x7fffffff;
  if (high >= 0x40862e42) {
    // |x| ≥ 709.78: NaN, infinities, overflow and underflow.
    if (high >= 0x7ff00000) {
      if (x !== x) return x;
      return negative ? 0 : x;
    }
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (high > 0x3fd62e42) {
    // |x| > ln2/2
    if (high < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (high < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2.0 * fromHighWord(0x7fe00000); // y · 2 · 2^1023
    return y * fromHighWord((0x3ff + k) << 20);
  }
  return y * fromHighWord((0x3ff + k + 1000) << 20) * TWO_M1000;
}

// log: x = 2^k · (1 + f), log(1 + f) = 2s + 2s³/3 + … with s = f / (2 + f).
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** The natural logarithm of x, the same bits in every engine (fdlibm's __ieee754_log). */
export function log(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2 into [sqrt(2)/2, sqrt(2)]
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

// pow: x^y = 2^(y · log2 x), log2 x in extra precision (t1 + t2), y split into a head and a tail.
const BP = [1.0, 1.5] as const;
const DP_H = [0.0, 5.84962487220764160156e-1] as const; // log2(1.5), head
const DP_L = [0.0, 1.35003920212974897128e-8] as const; // log2(1.5), tail
const L1 = 5.99999999999994648725e-1;
const L2 = 4.28571428578550184252e-1;
const L3 = 3.33333329818377432918e-1;
const L4 = 2.72728123808534006489e-1;
const L5 = 2.30660745775561754067e-1;
const L6 = 2.06975017800338417784e-1;
const LG2_FULL = 6.93147180559945286227e-1;
const LG2_H = 6.93147182464599609375e-1;
const LG2_L = -1.90465429995776804525e-9;
const OVT = 8.008566259537294e-17; // −(1024 − log2(overflow + 0.5 ulp))
const CP = 9.61796693925975554329e-1; // 2/(3 ln2)
const CP_H = 9.61796700954437255859e-1; // (float)CP
const CP_L = -7.02846165095275826516e-9; // tail of CP_H
const IVLN2 = 1.442695040888963387;
const IVLN2_H = 1.44269502162933349609; // 1/ln2 to 24 bits
const IVLN2_L = 1.92596299112661746887e-8; // 1/ln2 tail

/** x · 2^n for x near 1 and a result below the normal range, rounded once (as fdlibm's scalbn). */
function scaleDown(x: number, n: number): number {
  // x · 2^(n+54) is normal and exact; one multiplication by 2^-54 then rounds once.
  return x * fromHighWord((0x3ff + n + 54) << 20) * fromHighWord((0x3ff - 54) << 20);
}

/** x raised to the power y, the same bits in every engine (fdlibm's __ieee754_pow). */
export function pow(x: number, y: number): number {
  FLOAT[0] = x;
  const hx = WORDS[HI]!;
  const lx = WORDS[LO]! >>> 0;
  FLOAT[0] = y;
  const hy = WORDS[HI]!;
  const ly = WORDS[LO]! >>> 0;
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^±0 = 1, even for NaN
  if (x !== x || y !== y) return NaN;

  // yisint: 0 when y is not an integer, 1 when an odd integer, 2 when an even one (for x < 0).
  let yisint = 0;
  if (hx < 0) {
    if (iy >= 0x43400000)
      yisint = 2; // |y| ≥ 2^53: even
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if ((j << (52 - e)) >>> 0 === ly) yisint = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yisint = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±Infinity
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (±1)^±Infinity is NaN in ECMAScript
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x ≥ +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x = ±0, ±Infinity, ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yisint) === 0)
        z = NaN; // (−1)^non-integer
      else if (yisint === 1) z = -z; // (x < 0)^odd = −(|x|^odd)
    }
    return z;
  }

  if (hx < 0 && yisint === 0) return NaN; // (x < 0)^non-integer
  const sign = hx < 0 && yisint === 1 ? -1 : 1;

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: overflows or underflows
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? sign * Infinity : sign * 0;
    if (ix > 0x3ff00000) return hy > 0 ? sign * Infinity : sign * 0;
    // |1 − x| ≤ 2^-20: log(x) by x − x²/2 + x³/3 − x⁴/4
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowCleared(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000; // normalise
    let k: 0 | 1;
    if (j <= 0x3988e)
      k = 0; // |x| < sqrt(3/2)
    else if (j < 0xbb67a)
      k = 1; // |x| < sqrt(3)
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);

    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    const bp = BP[k];
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = withLowCleared(ss);
    let tH = fromHighWord(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)); // ax + bp, head
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowCleared(3.0 + s2 + r);
    tL = r - (tH - 3.0 - s2);
    // u + v = ss · (1 + …)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3 log2) · (ss + …)
    const pH = withLowCleared(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + DP_L[k];
    // log2(ax) = (ss + …) · 2/(3 log2) = n + dp_h + z_h + z_l
    const t = n;
    t1 = withLowCleared(zH + zL + DP_H[k] + t);
    t2 = zL - (t1 - t - DP_H[k] - zH);
  }

  // (y1 + y2) · (t1 + t2), y1 the head of y
  const y1 = withLowCleared(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  FLOAT[0] = z;
  let j = WORDS[HI]!;
  const i = WORDS[LO]! >>> 0;
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return sign * Infinity;
    if (pL + OVT > z - pH) return sign * Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - 0xc090cc00) | i) !== 0) return sign * 0;
    if (pL <= z - pH) return sign * 0;
  }

  // 2^(pH + pL)
  const absJ = j & 0x7fffffff;
  let k = (absJ >> 20) - 0x3ff;
  let n = 0;
  if (absJ > 0x3fe00000) {
    // |z| > 0.5: n = [z + 0.5]
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromHighWord(n & ~(0x000fffff >> k));
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = withLowCleared(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2_FULL + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const c = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * c) / (c - 2) - (w + z * w);
  z = 1 - (r - z);
  j = highWord(z) + (n << 20);
  if (j >> 20 <= 0)
    z = scaleDown(z, n); // subnormal result
  else z = withHighWord(z, j);
  return sign * z;
}

/** log₂(x), from the deterministic natural logarithm (Math.log2 is approximate too). */
export function log2(x: number): number {
  return log(x) / Math.LN2;
}

/**
 * e^x with the last argument and result remembered, for a call site whose argument often repeats
 * from one step to the next (a decay over a constant step and time constant, a term taken at the end
 * of one step and again at the start of the next). A remembered result is the one `exp` gives for that
 * argument, so results are the same to the bit; ±0 both give 1 and NaN is never remembered.
 */
export class RememberedExp {
  private readonly args: Float64Array;
  private readonly values: Float64Array;

  /** `slots` independent memories, one per index (e.g. one per compartment). */
  constructor(slots = 1) {
    this.args = new Float64Array(slots).fill(NaN);
    this.values = new Float64Array(slots);
  }

  /** e^x, remembered in slot `slot`. */
  of(x: number, slot = 0): number {
    if (x === this.args[slot]) return this.values[slot]!;
    const y = exp(x);
    this.args[slot] = x;
    this.values[slot] = y;
    return y;
  }
}
