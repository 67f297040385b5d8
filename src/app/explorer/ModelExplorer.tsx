// The model explorer: for each subsystem of the model (the parameter groups of
// models/parameters/index.ts) its equations and explanation from doc/model.md and a searchable table
// of its parameters with units, plausible ranges and sources, editable in the sandbox; and the
// validation table of public/validation.json. A modal dialog over the app; the default export so that
// it can be loaded with React.lazy and stay out of the initial bundle (doc/model.md comes with it).

import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';
import modelMarkdown from '../../../doc/model.md?raw';
import { InlineMarkdown, Markdown } from './markdown.tsx';
import { explorerTabs, linkTarget, type DocSection, type ExplorerTab } from './modelDoc.ts';
import {
  GROUP_LABELS,
  GROUP_NAMES,
  checkOverride,
  checkedByText,
  displayUnit,
  displayValue,
  filterRows,
  groupRows,
  isOverridden,
  matchesByGroup,
  overriddenCount,
  sectionRows,
  sectionTitles,
  withOverride,
  withoutOverride,
  type DisplayUnit,
  type Overrides,
  type ParameterGroupName,
  type ParameterRow,
} from './parameters.ts';
import {
  filterCases,
  loadValidationTable,
  type ValidationCase,
  type ValidationTable,
} from './validationTable.ts';
import './explorer.css';

export interface ModelExplorerProps {
  onClose(): void;
  /** Parameter values can be changed (the sandbox); needs onChangeOverrides. */
  editable?: boolean;
  /** Values that replace the defaults, by parameter name, in the parameter's own unit (°C). */
  overrides?: Record<string, number>;
  /** Called with the whole new set of overrides (a value equal to the default is left out). */
  onChangeOverrides?(next: Record<string, number>): void;
  /** Temperature unit of the display; overrides stay in °C. */
  unit?: 'C' | 'F';
  /** The tab shown first: 'overview', a parameter group ('thermal', …), 'notes' or 'validation'. */
  initialTab?: string;
}

const TABS: readonly ExplorerTab[] = explorerTabs(modelMarkdown);
const VALIDATION_URL = `${import.meta.env.BASE_URL}validation.json`;
const NO_OVERRIDES: Overrides = Object.freeze({});

type View = 'equations' | 'parameters';

type ValidationState =
  | { readonly status: 'idle' }
  | { readonly status: 'ready'; readonly table: ValidationTable }
  | { readonly status: 'error'; readonly message: string };

/** Arrow keys, Home and End move between the tabs of a tablist (and select the tab). */
function tabKeyHandler<T extends string>(
  ids: readonly T[],
  active: T,
  select: (id: T) => void,
  domId: (id: T) => string,
  orientation: 'horizontal' | 'vertical',
) {
  return (event: ReactKeyboardEvent) => {
    const index = ids.indexOf(active);
    const previous = orientation === 'vertical' ? 'ArrowUp' : 'ArrowLeft';
    const next = orientation === 'vertical' ? 'ArrowDown' : 'ArrowRight';
    let target: number;
    if (event.key === previous || (orientation === 'vertical' && event.key === 'ArrowLeft')) {
      target = (index - 1 + ids.length) % ids.length;
    } else if (event.key === next || (orientation === 'vertical' && event.key === 'ArrowRight')) {
      target = (index + 1) % ids.length;
    } else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = ids.length - 1;
    else return;
    event.preventDefault();
    const id = ids[target]!;
    select(id);
    document.getElementById(domId(id))?.focus();
  };
}

/** The DOM ids of a tab and of its panel, in the explorer whose id is `uid`. */
const tabDomId = (uid: string, id: string) => `${uid}-tab-${id}`;
const panelDomId = (uid: string, id: string) => `${uid}-panel-${id}`;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export default function ModelExplorer({
  onClose,
  editable = false,
  overrides = NO_OVERRIDES,
  onChangeOverrides,
  unit = 'C',
  initialTab,
}: ModelExplorerProps) {
  const uid = useId().replace(/[^\w-]/g, '');
  const canEdit = editable && onChangeOverrides !== undefined;

  const [activeTab, setActiveTab] = useState(
    TABS.some((t) => t.id === initialTab) ? initialTab! : TABS[0]!.id,
  );
  const [view, setView] = useState<View>(canEdit ? 'parameters' : 'equations');
  const [query, setQuery] = useState('');
  const [validation, retryValidation] = useValidationTable(activeTab === 'validation');
  const { dialogRef, onDialogKeyDown } = useModalDialog(onClose);
  const pendingAnchor = useRef<string | null>(null);

  const tab = TABS.find((t) => t.id === activeTab) ?? TABS[0]!;

  // After following a link: focus stays in the explorer (on the panel), scrolled to the heading.
  useEffect(() => {
    const anchor = pendingAnchor.current;
    if (anchor === null) return;
    pendingAnchor.current = null;
    dialogRef.current
      ?.querySelector<HTMLElement>('.explorer-panel')
      ?.focus({ preventScroll: true });
    document.getElementById(`${uid}-${anchor}`)?.scrollIntoView({ block: 'start' });
  });

  const selectTab = (id: string) => setActiveTab(id);

  const navigate = (href: string): boolean => {
    const target = linkTarget(TABS, href);
    if (!target) return false;
    setActiveTab(target.tab);
    setView('equations');
    pendingAnchor.current = target.anchor ?? '';
    return true;
  };

  const dialog = (
    <div className="explorer-backdrop">
      <div
        ref={dialogRef}
        className="explorer"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${uid}-title`}
        aria-describedby={`${uid}-subtitle`}
        tabIndex={-1}
        onKeyDown={onDialogKeyDown}
        data-testid="model-explorer"
      >
        <ExplorerHeader
          uid={uid}
          canEdit={canEdit}
          changed={GROUP_NAMES.reduce((n, g) => n + overriddenCount(overrides, g), 0)}
          onClose={onClose}
        />
        <div className="explorer-body">
          <nav className="explorer-nav" aria-label="Model explorer sections">
            <ExplorerTabList
              active={activeTab}
              select={selectTab}
              overrides={overrides}
              uid={uid}
            />
          </nav>
          <div
            key={tab.id}
            id={panelDomId(uid, tab.id)}
            role="tabpanel"
            aria-labelledby={tabDomId(uid, tab.id)}
            className="explorer-panel"
            tabIndex={0}
          >
            {tab.kind === 'group' && tab.group ? (
              <GroupPanel
                tab={tab}
                group={tab.group}
                uid={uid}
                view={view}
                setView={setView}
                query={query}
                setQuery={setQuery}
                overrides={overrides}
                canEdit={canEdit}
                onChangeOverrides={onChangeOverrides}
                unit={unit}
                navigate={navigate}
                openGroup={(group) => {
                  setActiveTab(group);
                  setView('parameters');
                }}
              />
            ) : tab.kind === 'validation' ? (
              <ValidationPanel
                tab={tab}
                uid={uid}
                state={validation}
                retry={retryValidation}
                navigate={navigate}
              />
            ) : (
              <>
                <h3 className="explorer-panel-title">{tab.label}</h3>
                <DocSections sections={tab.sections} uid={uid} navigate={navigate} nested />
              </>
            )}
          </div>
        </div>
      </div>
    </div>
  );
  return createPortal(dialog, document.body);
}

/** The explorer's title, what it holds, how many parameters are changed (in the sandbox) and Close. */
function ExplorerHeader({
  uid,
  canEdit,
  changed,
  onClose,
}: {
  uid: string;
  canEdit: boolean;
  changed: number;
  onClose: () => void;
}) {
  // Not a <header>: inside a dialog it would be a second banner landmark.
  return (
    <div className="explorer-header">
      <div className="explorer-heading">
        <h2 id={`${uid}-title`}>Model explorer</h2>
        <p id={`${uid}-subtitle`} className="muted">
          The equations of each subsystem, every parameter with its unit, plausible range and
          source, and how the model compares with published data.
          {canEdit &&
            ' Parameter values you change here apply to the sandbox: your run so far is replayed with them, and its log keeps them.'}
        </p>
      </div>
      {canEdit && changed > 0 && (
        <span className="explorer-changed" data-testid="explorer-changed-count">
          {changed} {changed === 1 ? 'parameter' : 'parameters'} changed
        </span>
      )}
      <button type="button" className="button explorer-close" onClick={onClose}>
        Close <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}

/**
 * A modal dialog's keyboard and focus: focus goes into it when it opens (to its selected tab) and
 * back where it was after; Escape closes it wherever the focus is (but first clears a search box
 * with text); Tab stays inside it.
 */
function useModalDialog(onClose: () => void) {
  const dialogRef = useRef<HTMLDivElement>(null);
  // Focus goes into the explorer when it opens (to the selected tab) and back where it was after.
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const selected = dialogRef.current?.querySelector<HTMLElement>(
      '[role="tab"][aria-selected="true"]',
    );
    (selected ?? dialogRef.current)?.focus();
    return () => before?.focus();
  }, []);

  // Escape closes the explorer wherever the focus is (but first clears a search box with text).
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'search' && target.value !== '') {
        return;
      }
      event.preventDefault();
      closeRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const onDialogKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !dialogRef.current) return;
    // Keep Tab inside the dialog.
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => el.offsetParent !== null || el === document.activeElement,
    );
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return { dialogRef, onDialogKeyDown };
}

/**
 * The validation table, fetched the first time `shown` (its tab is shown), and again after the
 * retry that comes with it.
 */
function useValidationTable(shown: boolean): [ValidationState, () => void] {
  const [validation, setValidation] = useState<ValidationState>({ status: 'idle' });
  // The validation table is fetched the first time its tab is shown (again after "Try again").
  useEffect(() => {
    if (!shown || validation.status !== 'idle') return;
    const controller = new AbortController();
    loadValidationTable(VALIDATION_URL, controller.signal).then(
      (table) => setValidation({ status: 'ready', table }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setValidation({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    return () => controller.abort();
  }, [shown, validation.status]);

  return [validation, () => setValidation({ status: 'idle' })];
}

/** The explorer's tabs, one a subsystem (with how many of its parameters are changed) or page. */
function ExplorerTabList({
  active,
  select,
  overrides,
  uid,
}: {
  active: string;
  select: (id: string) => void;
  overrides: Overrides;
  uid: string;
}) {
  return (
    <div
      role="tablist"
      aria-label="Subsystems of the model"
      aria-orientation="vertical"
      onKeyDown={tabKeyHandler(
        TABS.map((t) => t.id),
        active,
        select,
        (id) => tabDomId(uid, id),
        'vertical',
      )}
    >
      {TABS.map((t) => {
        const changed = t.group ? overriddenCount(overrides, t.group) : 0;
        return (
          <button
            key={t.id}
            id={tabDomId(uid, t.id)}
            type="button"
            role="tab"
            aria-selected={t.id === active}
            aria-controls={panelDomId(uid, t.id)}
            tabIndex={t.id === active ? 0 : -1}
            className={`explorer-tab${t.kind === 'group' ? ' explorer-tab-group' : ''}`}
            onClick={() => select(t.id)}
          >
            <span>{t.label}</span>
            {t.group && (
              <span className="explorer-tab-count">
                {changed > 0 ? (
                  <span className="explorer-tab-changed">{changed} changed</span>
                ) : (
                  <>
                    {groupRows(t.group).length}
                    <span className="visually-hidden"> parameters</span>
                  </>
                )}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}

/** A labelled search box of the explorer's toolbars. */
function SearchBox({
  id,
  label,
  placeholder,
  query,
  setQuery,
}: {
  id: string;
  label: string;
  placeholder: string;
  query: string;
  setQuery(query: string): void;
}) {
  return (
    <>
      <label htmlFor={id} className="explorer-search-label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="explorer-search"
        value={query}
        placeholder={placeholder}
        onChange={(event) => setQuery(event.target.value)}
      />
    </>
  );
}

// --- Text of doc/model.md ------------------------------------------------------------------------------

function DocSections({
  sections,
  uid,
  navigate,
  nested,
}: {
  sections: readonly DocSection[];
  uid: string;
  navigate: (href: string) => boolean;
  /** Each section under its own h4 (else the panel's h3 is the section's title). */
  nested: boolean;
}) {
  const canNavigate = (href: string) => linkTarget(TABS, href) !== null;
  // A section of another tab is not on the page: its link is a button that opens that tab.
  const here = new Set(sections.flatMap((s) => s.anchors));
  const isOnPage = (href: string) => {
    const anchor = linkTarget(TABS, href)?.anchor;
    return anchor !== null && anchor !== undefined && here.has(anchor);
  };
  return (
    <>
      {sections.map((section) => (
        <section
          key={section.id}
          className="explorer-doc"
          aria-labelledby={nested ? `${uid}-${section.id}` : undefined}
        >
          {nested && (
            <h4 id={`${uid}-${section.id}`} className="md-heading">
              <InlineMarkdown source={section.title} />
            </h4>
          )}
          <Markdown
            source={section.body}
            headingOffset={nested ? 2 : 1}
            idPrefix={`${uid}-`}
            onNavigate={navigate}
            canNavigate={canNavigate}
            isOnPage={isOnPage}
          />
        </section>
      ))}
    </>
  );
}

// --- A subsystem -----------------------------------------------------------------------------------------

interface GroupPanelProps {
  tab: ExplorerTab;
  group: ParameterGroupName;
  uid: string;
  view: View;
  setView(view: View): void;
  query: string;
  setQuery(query: string): void;
  overrides: Overrides;
  canEdit: boolean;
  onChangeOverrides: ((next: Record<string, number>) => void) | undefined;
  unit: DisplayUnit;
  navigate: (href: string) => boolean;
  openGroup(group: ParameterGroupName): void;
}

function GroupPanel(props: GroupPanelProps) {
  const { tab, group, uid, view, setView, unit } = props;
  const single = tab.sections.length === 1 ? tab.sections[0]! : null;
  const views: readonly View[] =
    tab.sections.length > 0 ? ['equations', 'parameters'] : ['parameters'];
  const shown = views.includes(view) ? view : 'parameters';
  const viewTab = (v: View) => `${uid}-view-${v}`;
  const count = groupRows(group).length;
  return (
    <>
      <h3 className="explorer-panel-title" id={single ? `${uid}-${single.id}` : undefined}>
        {single ? <InlineMarkdown source={single.title} /> : GROUP_LABELS[group]}
      </h3>
      <div
        role="tablist"
        aria-label={`${GROUP_LABELS[group]}: what to show`}
        className="explorer-views"
        onKeyDown={tabKeyHandler(views, shown, setView, viewTab, 'horizontal')}
      >
        {views.map((v) => (
          <button
            key={v}
            id={viewTab(v)}
            type="button"
            role="tab"
            aria-selected={v === shown}
            aria-controls={`${uid}-view-panel`}
            tabIndex={v === shown ? 0 : -1}
            className="explorer-view"
            onClick={() => setView(v)}
          >
            {v === 'equations' ? 'Equations and explanation' : `Parameters (${count})`}
          </button>
        ))}
      </div>
      <div id={`${uid}-view-panel`} role="tabpanel" aria-labelledby={viewTab(shown)}>
        {shown === 'equations' ? (
          <>
            {unit === 'F' && (
              <p className="explorer-note">
                The equations and text use °C, as the model does. The parameter table shows
                temperatures in °F.
              </p>
            )}
            <DocSections
              sections={tab.sections}
              uid={uid}
              navigate={props.navigate}
              nested={single === null}
            />
            <p className="explorer-more">
              <button type="button" className="button" onClick={() => setView('parameters')}>
                See the {count} parameters of this subsystem
              </button>
            </p>
          </>
        ) : (
          <ParameterTable {...props} />
        )}
      </div>
    </>
  );
}

// --- Parameters ----------------------------------------------------------------------------------------

/** A long camelCase name with break opportunities before its capitals. */
function breakableName(name: string): ReactNode[] {
  return name.split(/(?=[A-Z])/).map((part, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {part}
    </span>
  ));
}

function ParameterTable({
  group,
  uid,
  query,
  setQuery,
  overrides,
  canEdit,
  onChangeOverrides,
  unit,
  openGroup,
}: GroupPanelProps) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const rows = useMemo(() => groupRows(group), [group]);
  const titles = useMemo(() => sectionTitles(modelMarkdown, group), [group]);
  const shown = filterRows(rows, query);
  const sections = sectionRows(shown, titles);
  const elsewhere = query.trim()
    ? Object.entries(matchesByGroup(query)).filter(([g, n]) => g !== group && n > 0)
    : [];
  const searchId = `${uid}-search`;
  const columns = canEdit ? 8 : 7;
  const changedHere = rows.filter((row) => isOverridden(overrides, row)).length;
  const anyChanged = Object.keys(overrides).length > 0 || Object.keys(drafts).length > 0;

  const setDraft = (name: string, text: string | null) =>
    setDrafts((current) => {
      const next = { ...current };
      if (text === null) delete next[name];
      else next[name] = text;
      return next;
    });

  const edit = (row: ParameterRow, text: string) => {
    setDraft(row.name, text);
    const check = checkOverride(row, text, unit);
    if (check.ok && onChangeOverrides) {
      onChangeOverrides({ ...withOverride(overrides, row, check.value) });
    }
  };

  const reset = (row: ParameterRow) => {
    setDraft(row.name, null);
    onChangeOverrides?.({ ...withoutOverride(overrides, row.name) });
  };

  const resetAll = () => {
    setDrafts({});
    onChangeOverrides?.({});
  };

  return (
    <section className="explorer-params" aria-labelledby={`${uid}-params-title`}>
      <h4 id={`${uid}-params-title`} className="visually-hidden">
        Parameters of {GROUP_LABELS[group]}
      </h4>
      <div className="explorer-toolbar">
        <SearchBox
          id={searchId}
          label="Search parameters"
          placeholder="name, meaning, unit or source"
          query={query}
          setQuery={setQuery}
        />
        <span className="explorer-count" role="status">
          {shown.length === rows.length
            ? `${rows.length} parameters`
            : `${shown.length} of ${rows.length} parameters`}
          {canEdit && changedHere > 0 && `, ${changedHere} changed`}
        </span>
        {canEdit && (
          <button
            type="button"
            className="button explorer-reset-all"
            onClick={resetAll}
            disabled={!anyChanged}
          >
            Reset all
          </button>
        )}
      </div>
      {elsewhere.length > 0 && (
        <p className="explorer-elsewhere">
          Also found in:{' '}
          {elsewhere.map(([g, n]) => (
            <button
              key={g}
              type="button"
              className="explorer-link-button"
              onClick={() => openGroup(g as ParameterGroupName)}
            >
              {GROUP_LABELS[g as ParameterGroupName]} ({n})
            </button>
          ))}
        </p>
      )}
      {!canEdit && (
        <p className="explorer-note">
          Read only here. Any parameter can be changed within its range in the sandbox, or with{' '}
          <code>coldboot run … --set name=value</code>.
        </p>
      )}
      {unit === 'F' && (
        <p className="explorer-note">
          Temperatures are shown in °F; temperature differences (K) and the text of the model stay
          in Celsius degrees.
        </p>
      )}
      <div className="explorer-table-wrap">
        <table className="explorer-table" data-testid="parameter-table">
          <caption className="visually-hidden">
            Parameters of {GROUP_LABELS[group]}: name, description, value, unit, plausible range,
            source and what checks it
          </caption>
          <thead>
            <tr>
              <th scope="col" className="col-name">
                Name
              </th>
              <th scope="col" className="col-description">
                Description
              </th>
              <th scope="col" className="col-value">
                Value
              </th>
              <th scope="col" className="col-unit">
                Unit
              </th>
              <th scope="col" className="col-range">
                Plausible range
              </th>
              <th scope="col" className="col-source">
                Source
              </th>
              <th scope="col" className="col-checked">
                Checked by
              </th>
              {canEdit && (
                <th scope="col" className="col-reset">
                  <span className="visually-hidden">Reset</span>
                </th>
              )}
            </tr>
          </thead>
          {sections.map((section, s) => (
            <tbody key={`${section.title ?? ''}-${s}`}>
              {section.title !== null && (
                <tr className="explorer-section-row">
                  <th scope="colgroup" colSpan={columns}>
                    {section.title}
                  </th>
                </tr>
              )}
              {section.rows.map((row) => (
                <ParameterRowView
                  key={row.name}
                  row={row}
                  uid={uid}
                  unit={unit}
                  overrides={overrides}
                  canEdit={canEdit}
                  draft={drafts[row.name]}
                  onEdit={(text) => edit(row, text)}
                  onBlur={() => {
                    const draft = drafts[row.name];
                    if (draft !== undefined && checkOverride(row, draft, unit).ok) {
                      setDraft(row.name, null);
                    }
                  }}
                  onReset={() => reset(row)}
                />
              ))}
            </tbody>
          ))}
        </table>
        {shown.length === 0 && (
          <p className="explorer-empty">
            No parameter of {GROUP_LABELS[group]} matches “{query}”.
          </p>
        )}
      </div>
    </section>
  );
}

function ParameterRowView({
  row,
  uid,
  unit,
  overrides,
  canEdit,
  draft,
  onEdit,
  onBlur,
  onReset,
}: {
  row: ParameterRow;
  uid: string;
  unit: DisplayUnit;
  overrides: Overrides;
  canEdit: boolean;
  draft: string | undefined;
  onEdit(text: string): void;
  onBlur(): void;
  onReset(): void;
}) {
  const overridden = isOverridden(overrides, row);
  const current = overridden ? overrides[row.name]! : row.value;
  const check = draft === undefined ? null : checkOverride(row, draft, unit);
  const error = check && !check.ok ? check.message : null;
  const inputId = `${uid}-input-${row.name}`;
  const errorId = `${inputId}-error`;
  const u = displayUnit(row, unit);
  const defaultText = displayValue(row, row.value, unit);
  return (
    <tr
      className={overridden ? 'is-overridden' : undefined}
      data-parameter={row.name}
      data-invalid={error ? 'true' : undefined}
    >
      <td className="col-name">
        <code>{breakableName(row.name)}</code>
      </td>
      <td className="col-description">{row.description}</td>
      <td className="col-value">
        {canEdit ? (
          <>
            <input
              id={inputId}
              type="number"
              inputMode="decimal"
              className="explorer-input"
              min={displayValue(row, row.min, unit)}
              max={displayValue(row, row.max, unit)}
              step="any"
              value={draft ?? displayValue(row, current, unit)}
              aria-label={`${row.name}: ${row.description}${u === '1' ? '' : `, in ${u}`}`}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => onEdit(event.target.value)}
              onBlur={onBlur}
            />
            {error && (
              <span id={errorId} className="explorer-error" data-testid="parameter-error">
                {error}
              </span>
            )}
          </>
        ) : (
          <span className="explorer-value">{displayValue(row, current, unit)}</span>
        )}
        {overridden && <span className="explorer-default">default {defaultText}</span>}
      </td>
      <td className="col-unit" title={u === '1' ? 'dimensionless' : undefined}>
        {u}
      </td>
      <td className="col-range">
        {displayValue(row, row.min, unit)}–{displayValue(row, row.max, unit)}
      </td>
      <td className="col-source">{row.source}</td>
      <td className="col-checked">{checkedByText(row)}</td>
      {canEdit && (
        <td className="col-reset">
          <button
            type="button"
            className="button explorer-reset"
            onClick={onReset}
            disabled={!overridden && draft === undefined}
            aria-label={`Reset ${row.name} to its default, ${defaultText}${u === '1' ? '' : ` ${u}`}`}
          >
            Reset
          </button>
        </td>
      )}
    </tr>
  );
}

// --- Validation ----------------------------------------------------------------------------------------

function ValidationPanel({
  tab,
  uid,
  state,
  retry,
  navigate,
}: {
  tab: ExplorerTab;
  uid: string;
  state: ValidationState;
  retry(): void;
  navigate: (href: string) => boolean;
}) {
  const [query, setQuery] = useState('');
  const [onlyOutside, setOnlyOutside] = useState(false);
  const searchId = `${uid}-validation-search`;
  return (
    <>
      <h3 className="explorer-panel-title">Validation against published data</h3>
      <DocSections sections={tab.sections} uid={uid} navigate={navigate} nested={false} />
      <section className="explorer-validation" aria-labelledby={`${uid}-validation-table`}>
        <h4 id={`${uid}-validation-table`}>The reference cases</h4>
        {state.status === 'idle' && (
          <p className="muted" aria-busy="true">
            Loading the validation table…
          </p>
        )}
        {state.status === 'error' && (
          <div className="explorer-load-error" role="alert" data-testid="validation-error">
            <p>
              <strong>The validation table could not be loaded.</strong> {state.message}
            </p>
            <p className="muted">
              It is written by <code>npm run validate</code> as <code>validation.json</code> next to
              the app.
            </p>
            <button type="button" className="button" onClick={retry}>
              Try again
            </button>
          </div>
        )}
        {state.status === 'ready' && (
          <ValidationCases
            cases={state.table.cases}
            summary={state.table.summary}
            query={query}
            setQuery={setQuery}
            onlyOutside={onlyOutside}
            setOnlyOutside={setOnlyOutside}
            searchId={searchId}
          />
        )}
      </section>
    </>
  );
}

function ValidationCases({
  cases,
  summary,
  query,
  setQuery,
  onlyOutside,
  setOnlyOutside,
  searchId,
}: {
  cases: readonly ValidationCase[];
  summary: string;
  query: string;
  setQuery(query: string): void;
  onlyOutside: boolean;
  setOnlyOutside(value: boolean): void;
  searchId: string;
}) {
  const shown = filterCases(cases, query, onlyOutside);
  return (
    <>
      {summary && (
        <p className="explorer-summary" data-testid="validation-summary">
          <strong>Summary:</strong> {summary}.
        </p>
      )}
      <div className="explorer-toolbar">
        <SearchBox
          id={searchId}
          label="Search cases"
          placeholder="case, source, quantity or rating"
          query={query}
          setQuery={setQuery}
        />
        <label className="explorer-check">
          <input
            type="checkbox"
            checked={onlyOutside}
            onChange={(event) => setOnlyOutside(event.target.checked)}
          />{' '}
          Only cases outside their acceptable range
        </label>
        <span className="explorer-count" role="status">
          {shown.length === cases.length
            ? `${cases.length} cases`
            : `${shown.length} of ${cases.length} cases`}
        </span>
      </div>
      <div className="explorer-table-wrap">
        <table className="explorer-table explorer-validation-table" data-testid="validation-table">
          <caption className="visually-hidden">
            Reference cases: published value, acceptable range and the model&apos;s value
          </caption>
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Source</th>
              <th scope="col">Quantity</th>
              <th scope="col">Unit</th>
              <th scope="col">Published</th>
              <th scope="col">Acceptable</th>
              <th scope="col">Model</th>
              <th scope="col">Difference</th>
              <th scope="col">Rating</th>
              <th scope="col">In range</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} className={c.inRange ? undefined : 'is-outside'} data-case={c.id}>
                <th scope="row" title={c.title}>
                  {c.id}
                </th>
                <td title={c.citation}>{c.source}</td>
                <td>{c.quantity}</td>
                <td>{c.unit}</td>
                <td className="num">{c.publishedText}</td>
                <td className="num">{c.acceptableText}</td>
                <td className="num">{c.modelText}</td>
                <td className="num">{c.differenceText}</td>
                <td>{c.rating}</td>
                <td className={c.inRange ? 'in-range' : 'out-of-range'}>
                  {c.inRange ? 'yes' : 'NO'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="explorer-empty">No case matches.</p>}
      </div>
    </>
  );
}
