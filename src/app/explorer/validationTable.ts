// The validation table of the model explorer: public/validation.json, written by `npm run validate`
// (scripts/validationJson.ts), fetched when the Validation tab is first opened.

export interface ValidationCase {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly citation: string;
  readonly quantity: string;
  readonly unit: string;
  readonly publishedText: string;
  readonly acceptableText: string;
  readonly modelText: string;
  readonly differenceText: string;
  readonly rating: string;
  readonly inRange: boolean;
}

export interface ValidationTable {
  readonly summary: string;
  readonly cases: readonly ValidationCase[];
}

const TEXT_FIELDS = [
  'id',
  'source',
  'quantity',
  'unit',
  'publishedText',
  'acceptableText',
  'modelText',
  'differenceText',
  'rating',
] as const;

/** Checks the shape of validation.json; throws an Error that says what is wrong. */
export function parseValidationTable(data: unknown): ValidationTable {
  if (
    typeof data !== 'object' ||
    data === null ||
    !Array.isArray((data as { cases?: unknown }).cases)
  ) {
    throw new Error('validation.json: expected an object with a list of cases.');
  }
  const { summary, cases } = data as { summary?: unknown; cases: unknown[] };
  return {
    summary: typeof summary === 'string' ? summary : '',
    cases: cases.map((c, index) => {
      if (typeof c !== 'object' || c === null) {
        throw new Error(`validation.json: case ${index + 1} is not an object.`);
      }
      const record = c as Record<string, unknown>;
      for (const field of TEXT_FIELDS) {
        if (typeof record[field] !== 'string') {
          throw new Error(`validation.json: case ${index + 1} has no text field "${field}".`);
        }
      }
      if (typeof record.inRange !== 'boolean') {
        throw new Error(`validation.json: case ${index + 1} has no true/false field "inRange".`);
      }
      return {
        id: record.id as string,
        title: typeof record.title === 'string' ? record.title : '',
        source: record.source as string,
        citation: typeof record.citation === 'string' ? record.citation : '',
        quantity: record.quantity as string,
        unit: record.unit as string,
        publishedText: record.publishedText as string,
        acceptableText: record.acceptableText as string,
        modelText: record.modelText as string,
        differenceText: record.differenceText as string,
        rating: record.rating as string,
        inRange: record.inRange,
      };
    }),
  };
}

/** Fetches and checks the table; the error message says what went wrong in words. */
export async function loadValidationTable(
  url: string,
  signal?: AbortSignal,
): Promise<ValidationTable> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(
      `Could not load the validation table from ${url}: the network request failed (offline?).`,
      { cause: error },
    );
  }
  if (!response.ok) {
    throw new Error(`Could not load the validation table from ${url} (HTTP ${response.status}).`);
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch (error) {
    throw new Error(`Could not load the validation table from ${url}: it is not valid JSON.`, {
      cause: error,
    });
  }
  return parseValidationTable(data);
}

/** The cases whose text contains every word of the query (id, source, quantity, rating…). */
export function filterCases(
  cases: readonly ValidationCase[],
  query: string,
  onlyOutside = false,
): ValidationCase[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return cases.filter((c) => {
    if (onlyOutside && c.inRange) return false;
    const text = [c.id, c.title, c.source, c.citation, c.quantity, c.unit, c.rating]
      .join(' \u0000 ')
      .toLowerCase();
    return terms.every((term) => text.includes(term));
  });
}
