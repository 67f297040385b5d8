// How often the trend charts redraw. The worker posts up to 25 ticks a second, and at high speeds
// nearly every one adds trend samples; redrawing both charts for each (thinning and drawing every
// series over up to 12 h of samples, then handing the browser new paths to parse and paint) was
// most of the page's work per tick and most of what it allocated. The charts follow the trend's
// version through this throttle instead: a change is drawn at once when the last redraw is older
// than CHART_REDRAW_MS (a step, a reset, a paused run), otherwise at the end of that interval, so the
// latest data are always drawn, at most CHART_REDRAW_MS late. The readings beside the charts still
// change with every tick.

import { useMemo, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppStore } from '../state/store.ts';
import { useAppStore, useAppStoreApi } from './store-context.tsx';

/** Least time between two redraws of a trend chart while the trend keeps changing, ms. */
export const CHART_REDRAW_MS = 100;

export interface ThrottledVersion {
  readonly subscribe: (notify: () => void) => () => void;
  readonly get: () => number;
}

/** The store's trend version, passed on at most once per `intervalMs` (the latest one, always). */
export function throttledTrendVersion(
  store: Pick<AppStore, 'getState' | 'subscribe'>,
  intervalMs = CHART_REDRAW_MS,
  now: () => number = () => performance.now(),
): ThrottledVersion {
  let shown = store.getState().trendVersion;
  return {
    get: () => shown,
    subscribe(notify) {
      let lastMs = -Infinity;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const pass = () => {
        timer = undefined;
        lastMs = now();
        const version = store.getState().trendVersion;
        if (version === shown) return;
        shown = version;
        notify();
      };
      const changed = () => {
        if (timer !== undefined || store.getState().trendVersion === shown) return;
        const waitMs = lastMs + intervalMs - now();
        if (waitMs <= 0) pass();
        else timer = setTimeout(pass, waitMs);
      };
      const unsubscribe = store.subscribe((s, prev) => {
        if (s.trendVersion !== prev.trendVersion) changed();
      });
      // A change between the render and this subscription.
      changed();
      return () => {
        unsubscribe();
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      };
    },
  };
}

/** The trend's version for a chart: re-renders at most every CHART_REDRAW_MS while it changes. */
export function useChartTrendVersion(): number {
  const store = useAppStoreApi();
  const source = useMemo(() => throttledTrendVersion(store), [store]);
  return useSyncExternalStore(source.subscribe, source.get);
}

/**
 * What both trend charts read: the trend buffer with its throttled version (read the buffer when the
 * version changes), the end of the time axis (0 for an open-ended run) and the run's events.
 */
export function useTrendChartSource() {
  const source = useAppStore(
    useShallow((s) => ({
      trend: s.trend,
      endS: s.openEnded ? 0 : s.endS,
      events: s.events,
    })),
  );
  // Redrawn at most every CHART_REDRAW_MS while the trend changes.
  const version = useChartTrendVersion();
  return { ...source, version };
}
