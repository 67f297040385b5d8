// doc/model.md cut into the model explorer's tabs: one per parameter group (the `##` section that holds
// the group's `<!-- parameters:<group>:start -->` block), an overview (the sections before them), the
// sources and limitations after them, and validation. The generated parameter tables are taken out
// of the text: the explorer shows them as its own searchable (and, in the sandbox, editable) table.

import { parseInline, inlineText, parseMarkdown, slugify } from './markdown.tsx';
import { GROUP_LABELS, GROUP_NAMES, type ParameterGroupName } from './parameters.ts';

export interface DocSection {
  /** The heading's text (inline Markdown). */
  readonly title: string;
  /** Its anchor, as GitHub makes it: 'circulation-and-rhythm'. */
  readonly id: string;
  /** The Markdown under the heading, without the parameter tables. */
  readonly body: string;
  /** The parameter groups whose tables stood in this section. */
  readonly groups: readonly ParameterGroupName[];
  /** Anchors of the section and of the headings inside it. */
  readonly anchors: readonly string[];
}

export type TabKind = 'overview' | 'group' | 'notes' | 'validation';

export interface ExplorerTab {
  readonly id: string;
  readonly label: string;
  readonly kind: TabKind;
  readonly group: ParameterGroupName | null;
  readonly sections: readonly DocSection[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const PARAMETER_BLOCK =
  /(?:^[^\n]*parameters:[ \t]*\n\s*)?<!-- parameters:([\w-]+):start -->[\s\S]*?<!-- parameters:\1:end -->\s*/gm;

function isGroup(name: string): name is ParameterGroupName {
  return (GROUP_NAMES as string[]).includes(name);
}

/** The text without its parameter blocks (and the "Heat parameters:" line before each), and their groups. */
export function withoutParameterTables(markdown: string): {
  text: string;
  groups: ParameterGroupName[];
} {
  const groups: ParameterGroupName[] = [];
  const text = markdown.replace(PARAMETER_BLOCK, (_block, group: string) => {
    if (isGroup(group) && !groups.includes(group)) groups.push(group);
    return '';
  });
  return { text, groups };
}

/** The document's title (its `#` heading), the text before the first `##`, and its `##` sections. */
export function splitSections(markdown: string): {
  title: string;
  intro: string;
  sections: DocSection[];
} {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title = '';
  const intro: string[] = [];
  const raw: { title: string; lines: string[] }[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const marker = FENCE.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1]!;
      else if (marker[1]![0] === fence[0] && marker[1]!.length >= fence.length) fence = null;
    }
    const heading = fence === null ? /^(#{1,2})[ \t]+(.*?)[ \t#]*$/.exec(line) : null;
    if (heading && heading[1] === '#' && raw.length === 0 && title === '') {
      title = heading[2]!;
    } else if (heading && heading[1] === '##') {
      raw.push({ title: heading[2]!, lines: [] });
    } else {
      (raw.at(-1)?.lines ?? intro).push(line);
    }
  }
  const sections = raw.map((s) => {
    const { text, groups } = withoutParameterTables(s.lines.join('\n'));
    const id = slugify(inlineText(parseInline(s.title)));
    const anchors = [id];
    for (const block of parseMarkdown(text)) if (block.type === 'heading') anchors.push(block.id);
    return { title: s.title, id, body: text.trim(), groups, anchors };
  });
  return { title, intro: intro.join('\n').trim(), sections };
}

/**
 * The explorer's tabs, in the document's order: Overview, one per parameter group (groups without a
 * section come last, with their parameters only), Sources and limits, Validation.
 */
export function explorerTabs(markdown: string): ExplorerTab[] {
  const { title, intro, sections } = splitSections(markdown);
  const firstGroup = sections.findIndex((s) => s.groups.length > 0);
  const overview: DocSection[] = [];
  if (intro !== '') {
    overview.push({
      title: title || 'Overview',
      id: 'overview',
      body: intro,
      groups: [],
      anchors: [],
    });
  }
  const notes: DocSection[] = [];
  const validation: DocSection[] = [];
  const byGroup = new Map<ParameterGroupName, DocSection[]>();
  sections.forEach((section, index) => {
    if (section.groups.length > 0) {
      for (const group of section.groups)
        byGroup.set(group, [...(byGroup.get(group) ?? []), section]);
    } else if (/^validation/i.test(section.title)) validation.push(section);
    else if (firstGroup < 0 || index < firstGroup) overview.push(section);
    else notes.push(section);
  });
  const groupOrder = [...byGroup.keys(), ...GROUP_NAMES.filter((group) => !byGroup.has(group))];
  return [
    { id: 'overview', label: 'Overview', kind: 'overview', group: null, sections: overview },
    ...groupOrder.map((group): ExplorerTab => ({
      id: group,
      label: GROUP_LABELS[group],
      kind: 'group',
      group,
      sections: byGroup.get(group) ?? [],
    })),
    { id: 'notes', label: 'Sources and limits', kind: 'notes', group: null, sections: notes },
    {
      id: 'validation',
      label: 'Validation',
      kind: 'validation',
      group: null,
      sections: validation,
    },
  ];
}

/**
 * Where a link of doc/model.md leads in the explorer: an anchor ('#oxygen', 'model.md#oxygen') to the
 * tab holding that heading; 'validation.md' to the validation tab. Null for anything else.
 */
export function linkTarget(
  tabs: readonly ExplorerTab[],
  href: string,
): { tab: string; anchor: string | null } | null {
  const match = /^(?:(?:\.\/|doc\/)?([\w-]+\.md))?(?:#(.+))?$/.exec(href.trim());
  if (!match) return null;
  const [, file, anchor] = match;
  if (file !== undefined && file !== 'model.md') {
    return file === 'validation.md' && anchor === undefined
      ? { tab: 'validation', anchor: null }
      : null;
  }
  if (anchor === undefined) return null;
  const tab = tabs.find((t) => t.sections.some((s) => s.anchors.includes(anchor)));
  return tab ? { tab: tab.id, anchor } : null;
}
