// A row of tabs over one panel (WAI-ARIA tabs): the run screen's patient views and interventions.

import { useId, type ReactNode } from 'react';

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
  testIdPrefix,
  children,
}: {
  label: string;
  tabs: readonly TabSpec<T>[];
  selected: T;
  onSelect: (id: T) => void;
  className: string;
  testIdPrefix?: string;
  /** The selected tab's panel. */
  children: ReactNode;
}) {
  const baseId = useId();
  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${baseId}-${t.id}`}
            aria-selected={selected === t.id}
            aria-controls={`${baseId}-${t.id}-panel`}
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
