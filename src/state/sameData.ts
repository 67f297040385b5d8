// Structural equality of plain data (numbers, strings, booleans, null, arrays and plain objects): a
// panel's view (the texts and tones it shows) is compared with the previous one, so the panel
// re-renders only when something it shows has changed. zustand's `shallow` compares one level only,
// and the views nest (a tile in a list); no deep-equality library is a dependency of the app, and
// these views need no more than this (no Maps, Sets, Dates or cycles).

/** True when `a` and `b` hold the same plain data. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((x, i) => sameData(x, list[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length &&
    keys.every((k) => Object.hasOwn(y, k) && sameData(x[k], y[k]))
  );
}
