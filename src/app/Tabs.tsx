// A row of tabs over one panel (WAI-ARIA tabs): the run screen's patient views and interventions.
// One Tab stop for the row (the selected tab); the arrow keys, Home and End choose another.

import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabSpec<T extends string> {
  readonly id: T;
  readonly label: string;
  /** Extra class on the tab, e.g. to show an alarm. */
  readonly className?: string;
}

export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  className,
  id,
  testIdPrefix,
  children,
}: {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
  className: string;
  /** The id of the whole (a skip link's target: it takes focus). */
  id?: string;
  testIdPrefix?: string;
  /** The selected tab's panel. */
  children: ReactNode;
}) {
  const baseId = useId();
  const list = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((t) => t.id === selected);
    let next: number;
    if (event.key === 'ArrowRight') next = (at + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (at - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[next]!;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`[data-tab="${tab.id}"]`)?.focus();
  }

  return (
    <div className={className} {...(id ? { id, tabIndex: -1 } : {})}>
      <div role="tablist" aria-label={label} className="tab-list" ref={list} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${baseId}-${t.id}`}
            data-tab={t.id}
            aria-selected={selected === t.id}
            aria-controls={`${baseId}-${t.id}-panel`}
            tabIndex={selected === t.id ? 0 : -1}
            className={`tab${selected === t.id ? ' tab-active' : ''}${t.className ? ` ${t.className}` : ''}`}
            onClick={() => onSelect(t.id)}
            {...(testIdPrefix ? { 'data-testid': `${testIdPrefix}${t.id}` } : {})}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${baseId}-${selected}-panel`}
        aria-labelledby={`${baseId}-${selected}`}
      >
        {children}
      </div>
    </div>
  );
}
