// The thin React binding of the app store: a context holding the store and selector hooks (one
// slice of the state, or a panel's view compared by content).

import { createContext, useContext, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { sameData } from '../state/sameData.ts';
import type { AppState, AppStore } from '../state/store.ts';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore must be used inside <StoreProvider>.');
  return store;
}

/** Subscribes to one slice of the state; pass a `useShallow` selector for objects. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/**
 * Subscribes to a view derived from the state (the texts and tones a panel shows): the component
 * re-renders only when the view's content changes, not on every tick that changes the snapshot.
 * The view must be plain data (see sameData).
 */
export function useAppView<T>(view: (state: AppState) => T): T {
  const previous = useRef<{ value: T } | null>(null);
  return useAppStore((state) => {
    const next = view(state);
    if (previous.current !== null && sameData(previous.current.value, next)) {
      return previous.current.value;
    }
    previous.current = { value: next };
    return next;
  });
}
