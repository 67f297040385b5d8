// Sharing a scenario that is not in the library, as a link. Two kinds:
//
// - `?scenario=<address>` with a path (it has a "/"): a scenario file on the same origin as the app,
//   e.g. `?scenario=/classes/week3/drill.yaml` or the full address on this origin. Another origin is
//   refused (the app never fetches from elsewhere on a link's say-so). Only .yaml, .yml and .json.
//   `?scenario=<file>` without a "/" stays a built-in scenario of the library.
// - `#s=<base64url of the file's text>`: a small scenario carried in the link itself (up to
//   MAX_LINKED_SCENARIO_CHARS characters of YAML or JSON). The fragment never reaches a server.
//
// Either way the text is only read as data: parsed as YAML or JSON and validated like any opened file
// (its mistakes are listed), never executed.

import { isScenarioFileName } from './library.ts';

/** Longest scenario text a link may carry in its fragment, characters. */
export const MAX_LINKED_SCENARIO_CHARS = 16_384;

/** The name a scenario carried in a link is shown under (it has no file name of its own). */
export const SHARED_SCENARIO_FILE_NAME = 'scenario-from-link.yaml';

/** The fragment's parameter that carries a scenario: `#s=…`. */
export const SHARE_FRAGMENT_PARAM = 's';

/** Whether a `?scenario=` value is an address (has a path) rather than a built-in file's name. */
export function isScenarioAddress(value: string): boolean {
  return value.includes('/');
}

/** The scenario address of a `?scenario=` value, on the page's origin, or why it is refused. */
export function sameOriginScenarioUrl(
  value: string,
  pageHref: string,
): { url: string; fileName: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value, pageHref);
  } catch {
    return { error: `“${value}” is not an address of a scenario file.` };
  }
  const page = new URL(pageHref);
  if (url.origin !== page.origin) {
    return {
      error: `A scenario link may only open a file on this site (${page.origin}), not on ${url.origin}. Download the file and open it instead.`,
    };
  }
  const fileName = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  if (!isScenarioFileName(fileName)) {
    return { error: `“${value}” is not a scenario file (.yaml, .yml or .json).` };
  }
  url.hash = '';
  return { url: url.toString(), fileName };
}

/** base64url of a text's UTF-8 bytes, without padding. */
export function encodeScenarioText(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The link that carries a scenario's text: the page's address (no query) with `#s=…`, or null if too big. */
export function scenarioLink(pageHref: string, text: string): string | null {
  if (text.length > MAX_LINKED_SCENARIO_CHARS) return null;
  const url = new URL(pageHref);
  url.search = '';
  url.hash = `${SHARE_FRAGMENT_PARAM}=${encodeScenarioText(text)}`;
  return url.toString();
}

/**
 * The scenario text a fragment carries (`#s=…`): null when it carries none, an error when it is not
 * base64url of UTF-8 text or is too long.
 */
export function scenarioFromFragment(hash: string): { text: string } | { error: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(SHARE_FRAGMENT_PARAM);
  if (value === null) return null;
  // 4 characters of base64 for 3 bytes; a UTF-8 character is at least one byte.
  if (value.length > Math.ceil((MAX_LINKED_SCENARIO_CHARS * 4 * 4) / 3) + 4) {
    return { error: tooLong() };
  }
  if (!/^[A-Za-z0-9_-]*$/.test(value)) {
    return {
      error: 'The scenario in this link is damaged (not base64url): ask for the link again.',
    };
  }
  let text: string;
  try {
    const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      error: 'The scenario in this link is damaged (not UTF-8 text): ask for the link again.',
    };
  }
  if (text.length > MAX_LINKED_SCENARIO_CHARS) return { error: tooLong() };
  if (text.trim() === '') return { error: 'The scenario in this link is empty.' };
  return { text };
}

function tooLong(): string {
  return `A scenario carried in a link may have at most ${MAX_LINKED_SCENARIO_CHARS.toLocaleString('en')} characters: share the file, or put it on this site and link to it.`;
}
