// npm run docs:parameters: regenerates the parameter tables of doc/model.md from models/parameters.
//
// Each group of parameterGroups (models/parameters/index.ts: body, thermal, …) has one block in
// doc/model.md between two marker comments, and a group without a block is an error:
//
//   <!-- parameters:thermal:start -->
//   … generated: one table per section, each under its bold title …
//   <!-- parameters:thermal:end -->
//
// The rows (name, description, value, unit, range, source) come from the parameters themselves. The
// section titles come from the `// --- Title ---` comments that divide a parameter file (e.g.
// models/parameters/thermal.ts); a group without such comments is one untitled table. The tables are
// formatted with Prettier, so `prettier --check doc/model.md` passes after regeneration.
// Everything outside the markers is prose and is left alone.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { checkedByText, parameterGroups, type Parameter } from '../models/parameters/index.ts';

export type ParameterGroupName = keyof typeof parameterGroups;

export const PARAMETER_GROUP_NAMES = Object.keys(parameterGroups) as ParameterGroupName[];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The document whose tables this script keeps up to date. */
export const MODEL_DOC_PATH = join(root, 'doc', 'model.md');

/** The file that defines a group's parameters: models/parameters/<group>.ts. */
export function parameterSourcePath(group: ParameterGroupName): string {
  return join(root, 'models', 'parameters', `${group}.ts`);
}

export function startMarker(group: string): string {
  return `<!-- parameters:${group}:start -->`;
}

export function endMarker(group: string): string {
  return `<!-- parameters:${group}:end -->`;
}

/** One table of a group: its title (none for a group without section comments) and its parameters. */
export interface ParameterSection {
  readonly title: string | undefined;
  readonly names: readonly string[];
}

const SECTION_COMMENT = /^\s*\/\/\s*---\s*(.*?)\s*---\s*$/;
const PARAMETER_ENTRY = /^\s*([A-Za-z_$][\w$]*)\s*:\s*parameter\(/;

/**
 * Sections of a group, in the order of its parameters. `source` is the text of the group's parameter
 * file; each parameter belongs to the last `// --- Title ---` comment above its entry.
 */
export function parameterSections(
  group: ParameterGroupName,
  source: string = readFileSync(parameterSourcePath(group), 'utf8'),
): ParameterSection[] {
  const titleOf = new Map<string, string | undefined>();
  let title: string | undefined;
  for (const line of source.split('\n')) {
    const heading = SECTION_COMMENT.exec(line);
    if (heading) {
      title = heading[1];
      continue;
    }
    const entry = PARAMETER_ENTRY.exec(line);
    if (entry) titleOf.set(entry[1]!, title);
  }
  const sections: { title: string | undefined; names: string[] }[] = [];
  for (const name of Object.keys(parameterGroups[group])) {
    const sectionTitle = titleOf.get(name);
    const last = sections.at(-1);
    if (last !== undefined && last.title === sectionTitle) last.names.push(name);
    else sections.push({ title: sectionTitle, names: [name] });
  }
  return sections;
}

/** A number as the tables print it: as JavaScript writes it, digits grouped by three from 10 000. */
export function formatNumber(x: number): string {
  const text = String(x);
  const match = /^(-?)(\d{5,})(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction] = match;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+$)/g, ' ')}${fraction ?? ''}`;
}

/** Text for one table cell: on one line, with the column separator escaped. */
function cell(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
}

const HEADER = ['parameter', 'meaning', 'value', 'unit', 'range', 'source', 'checked by'];

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableRow(name: string, p: Parameter): string {
  return row([
    `\`${name}\``,
    cell(p.description),
    formatNumber(p.value),
    cell(p.unit),
    `${formatNumber(p.min)}–${formatNumber(p.max)}`,
    cell(p.source),
    checkedByText(p),
  ]);
}

/** The markdown of a group's tables before Prettier aligns them. */
export function rawParameterTables(
  group: ParameterGroupName,
  sections: readonly ParameterSection[] = parameterSections(group),
): string {
  const parameters: Readonly<Record<string, Parameter>> = parameterGroups[group];
  const blocks = sections.map((section) => {
    const lines: string[] = [];
    if (section.title !== undefined) lines.push(`**${section.title}**`, '');
    lines.push(row(HEADER), row(HEADER.map(() => '---')));
    for (const name of section.names) lines.push(tableRow(name, parameters[name]!));
    return lines.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

/** A group's tables as they stand between its markers in doc/model.md (formatted by Prettier). */
export async function parameterTables(group: ParameterGroupName): Promise<string> {
  const options = (await prettier.resolveConfig(MODEL_DOC_PATH)) ?? {};
  return prettier.format(rawParameterTables(group), {
    ...options,
    parser: 'markdown',
    filepath: MODEL_DOC_PATH,
  });
}

const MARKER = /<!-- parameters:([\w-]+):(start|end) -->/g;

/**
 * Where each group's block lies in `markdown`: from just after its start marker to its end marker.
 * Throws, naming every problem, when a group of parameterGroups has no block, when a block names an
 * unknown group or appears twice, or when markers are unpaired.
 */
export function parameterBlocks(
  markdown: string,
): Map<ParameterGroupName, { readonly from: number; readonly to: number }> {
  const blocks = new Map<ParameterGroupName, { from: number; to: number }>();
  const problems: string[] = [];
  const mentioned = new Set<string>();
  let open: { group: string; from: number } | undefined;
  for (const match of markdown.matchAll(MARKER)) {
    const [marker, group, kind] = match;
    mentioned.add(group!);
    if (kind === 'start') {
      if (open !== undefined) problems.push(`${startMarker(open.group)} has no end marker`);
      open = { group: group!, from: match.index + marker.length };
      continue;
    }
    if (open === undefined || open.group !== group) {
      problems.push(`${marker} has no start marker just before it`);
      open = undefined;
      continue;
    }
    if (!(PARAMETER_GROUP_NAMES as string[]).includes(group)) {
      problems.push(`${marker}: "${group}" is not a group of parameterGroups`);
    } else if (blocks.has(group as ParameterGroupName)) {
      problems.push(`the ${group} parameter tables appear twice`);
    } else {
      blocks.set(group as ParameterGroupName, { from: open.from, to: match.index });
    }
    open = undefined;
  }
  if (open !== undefined) problems.push(`${startMarker(open.group)} has no end marker`);
  for (const group of PARAMETER_GROUP_NAMES) {
    if (!mentioned.has(group)) {
      problems.push(
        `no ${startMarker(group)} … ${endMarker(group)} block for the ${group} parameters (add the two markers where its tables belong)`,
      );
    }
  }
  if (problems.length > 0) throw new Error(`doc/model.md: ${problems.join('; ')}`);
  return blocks;
}

/** What lies between a group's markers in `markdown`, without the blank lines next to them. */
export function currentParameterTables(markdown: string, group: ParameterGroupName): string {
  const from = markdown.indexOf(startMarker(group));
  const to = markdown.indexOf(endMarker(group));
  if (from < 0 || to < from) {
    throw new Error(`doc/model.md: no ${startMarker(group)} … ${endMarker(group)} block`);
  }
  return `${markdown.slice(from + startMarker(group).length, to).trim()}\n`;
}

/** `markdown` with every group's block between its markers replaced by freshly generated tables. */
export async function regenerateParameterTables(markdown: string): Promise<string> {
  const blocks = [...parameterBlocks(markdown)].sort(([, a], [, b]) => a.from - b.from);
  let text = '';
  let done = 0;
  for (const [group, { from, to }] of blocks) {
    text += `${markdown.slice(done, from)}\n\n${await parameterTables(group)}\n`;
    done = to;
  }
  return text + markdown.slice(done);
}

async function main(): Promise<void> {
  const before = readFileSync(MODEL_DOC_PATH, 'utf8');
  const after = await regenerateParameterTables(before);
  if (after === before) {
    process.stdout.write(`${MODEL_DOC_PATH}: parameter tables already up to date\n`);
    return;
  }
  writeFileSync(MODEL_DOC_PATH, after);
  process.stdout.write(`wrote the parameter tables of ${MODEL_DOC_PATH}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
