// Which arrangement of the run screen fits the window: three columns on a wide screen (1280×720
// projector and up), two on a classroom laptop or landscape tablet (1024×768: the monitor beside the
// controls and the interventions), one on a phone or a portrait tablet. The CSS of each is in
// styles.css (.layout-wide, .layout-medium, .layout-narrow).

import { useSyncExternalStore } from 'react';

export type RunLayout = 'wide' | 'medium' | 'narrow';

/** The smallest window width, CSS px, of each layout but the narrow one. */
export const WIDE_MIN_PX = 1181;
export const MEDIUM_MIN_PX = 901;

const WIDE = `(min-width: ${WIDE_MIN_PX}px)`;
const MEDIUM = `(min-width: ${MEDIUM_MIN_PX}px)`;

function layoutNow(): RunLayout {
  if (typeof window === 'undefined' || !window.matchMedia) return 'wide';
  if (window.matchMedia(WIDE).matches) return 'wide';
  return window.matchMedia(MEDIUM).matches ? 'medium' : 'narrow';
}

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const lists = [window.matchMedia(WIDE), window.matchMedia(MEDIUM)];
  for (const list of lists) list.addEventListener('change', onChange);
  return () => {
    for (const list of lists) list.removeEventListener('change', onChange);
  };
}

/** The run screen's layout for the window's width now; changes as the window is resized. */
export function useRunLayout(): RunLayout {
  return useSyncExternalStore(subscribe, layoutNow, () => 'wide');
}
