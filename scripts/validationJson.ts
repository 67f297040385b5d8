// The validation table as JSON, for the model explorer of the app (public/validation.json). Written by
// `npm run validate` (scripts/validate.ts) next to doc/validation.md, from the same results, so the two
// agree; test/docs/validationJson.test.ts checks that they do.

import * as prettier from 'prettier';
import { formatValue, summary, type CaseResult } from '../models/validation/report.ts';

/** One row of the validation table. Numbers are in `unit`; the *Text fields are as doc/validation.md prints them. */
export interface ValidationRow {
  readonly id: string;
  readonly title: string;
  /** Short citation, e.g. 'Croughwell 1992'. */
  readonly source: string;
  /** Full citation with its [read] / [recall] / [derived] tag. */
  readonly citation: string;
  readonly quantity: string;
  /** '1' for ratios and fractions. */
  readonly unit: string;
  /** 'value' or 'upper bound' (the published number is a limit the model should stay under). */
  readonly kind: 'value' | 'upper bound';
  readonly published: number;
  readonly publishedText: string;
  /** [min, max] a faithful model should fall in. */
  readonly acceptable: readonly [number, number];
  readonly acceptableText: string;
  /** The model's value; null if it was not a finite number. */
  readonly model: number | null;
  readonly modelText: string;
  /** Relative difference from the published value (0.1 = 10 %); null if not finite. */
  readonly difference: number | null;
  readonly differenceText: string;
  readonly rating: string;
  readonly inRange: boolean;
}

export interface ValidationJson {
  readonly format: 'coldboot/validation@1';
  readonly generatedBy: string;
  /** As the summary line of doc/validation.md, e.g. '40 cases: 27 within 10 %, …'. */
  readonly summary: string;
  readonly cases: readonly ValidationRow[];
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

// The three formats below match models/validation/report.ts, which does not export them.
function formatDifference(d: number): string {
  if (!Number.isFinite(d)) return '—';
  return `${(100 * d).toFixed(d < 0.001 ? 2 : 1)} %`;
}

/** The rows and summary of the validation table. */
export function validationJson(results: readonly CaseResult[]): ValidationJson {
  return {
    format: 'coldboot/validation@1',
    generatedBy: 'npm run validate (scripts/validate.ts) from models/validation/cases.ts',
    summary: summary(results).trim(),
    cases: results.map((r) => {
      const c = r.case;
      return {
        id: c.id,
        title: c.title,
        source: c.citation,
        citation: c.source,
        quantity: c.quantity,
        unit: c.unit,
        kind: c.kind ?? 'value',
        published: c.published,
        publishedText: `${c.kind === 'upper bound' ? '≤ ' : ''}${formatValue(c, c.published)}`,
        acceptable: [c.acceptable[0], c.acceptable[1]],
        acceptableText: `${formatValue(c, c.acceptable[0])}–${formatValue(c, c.acceptable[1])}`,
        model: finiteOrNull(r.model),
        modelText: formatValue(c, r.model),
        difference: finiteOrNull(r.difference),
        differenceText: formatDifference(r.difference),
        rating: r.rating,
        inRange: r.acceptable,
      };
    }),
  };
}

/** The JSON text, formatted by Prettier so that `prettier --check` passes on the written file. */
export async function validationJsonText(
  results: readonly CaseResult[],
  filepath: string,
): Promise<string> {
  const options = (await prettier.resolveConfig(filepath)) ?? {};
  return prettier.format(JSON.stringify(validationJson(results)), {
    ...options,
    parser: 'json',
    filepath,
  });
}
