// A small, safe Markdown renderer for the model explorer: enough of CommonMark for doc/model.md —
// headings, paragraphs, nested lists, fenced code blocks, tables, inline code, bold, italics and
// links, with HTML comments dropped. It parses to a plain tree (parseMarkdown, parseInline: no DOM,
// testable in Node) and builds React elements from it. Raw HTML is never interpreted: everything that
// is not Markdown syntax ends up as text, which React escapes (no dangerouslySetInnerHTML anywhere).

import { Fragment, useMemo, type ReactNode } from 'react';

export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'strong'; readonly children: readonly Inline[] }
  | { readonly type: 'em'; readonly children: readonly Inline[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly Inline[] };

export type Align = 'left' | 'center' | 'right' | null;

export type Block =
  | { readonly type: 'heading'; readonly level: number; readonly text: string; readonly id: string }
  | { readonly type: 'paragraph'; readonly text: string }
  | { readonly type: 'code'; readonly lang: string; readonly text: string }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly start: number;
      readonly items: readonly (readonly Block[])[];
    }
  | {
      readonly type: 'table';
      readonly header: readonly string[];
      readonly align: readonly Align[];
      readonly rows: readonly (readonly string[])[];
    };

// --- Blocks ----------------------------------------------------------------------------------------

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])([ \t]+|$)(.*)$/;
const TABLE_DELIMITER = /^ {0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(\s*\1){2,}\s*$/;

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line)!;
  return match[0].replace(/\t/g, '    ').length;
}

/** The line without its first `n` columns of indentation (tabs count as four). */
function dedent(line: string, n: number): string {
  let removed = 0;
  let i = 0;
  while (i < line.length && removed < n) {
    const ch = line[i];
    if (ch === ' ') removed += 1;
    else if (ch === '\t') removed += 4;
    else break;
    i += 1;
  }
  return line.slice(i);
}

/** A GitHub-style anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The plain text of inline Markdown (for anchors and labels). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((node) => ('children' in node ? inlineText(node.children) : node.text)).join('');
}

function isTableStart(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  return (
    line.includes('|') &&
    next !== undefined &&
    TABLE_DELIMITER.test(next) &&
    next.includes('-') &&
    splitRow(line).length === splitRow(next).length
  );
}

/** Cells of a table row: outer pipes removed, split on unescaped pipes, `\|` kept for parseInline. */
function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  return text.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  if (left && right) return 'center';
  if (right) return 'right';
  if (left) return 'left';
  return null;
}

/** Does this line start a block other than a paragraph (so it ends a paragraph)? */
function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  if (FENCE.test(line) || HEADING.test(line) || THEMATIC_BREAK.test(line)) return true;
  if (/^ {0,3}<!--/.test(line)) return true;
  const item = LIST_ITEM.exec(line);
  // An ordered item interrupts a paragraph only when it starts at 1 (as in CommonMark), and an
  // empty item never does.
  if (item && item[4] !== '' && (!/^\d/.test(item[2]!) || /^1[.)]$/.test(item[2]!))) return true;
  return isTableStart(lines, i);
}

/** Parses Markdown text into blocks. */
export function parseMarkdown(source: string): Block[] {
  return parseLines(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseLines(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line) || THEMATIC_BREAK.test(line)) {
      i += 1;
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      const [, indent, marker, lang] = fence;
      const body: string[] = [];
      i += 1;
      while (i < lines.length) {
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[i]!);
        if (close && close[1]![0] === marker![0] && close[1]!.length >= marker!.length) break;
        body.push(dedent(lines[i]!, indent!.length));
        i += 1;
      }
      i += 1; // the closing fence (or the end of the text)
      blocks.push({ type: 'code', lang: lang ?? '', text: body.join('\n') });
      continue;
    }

    if (/^ {0,3}<!--/.test(line)) {
      while (i < lines.length && !lines[i]!.includes('-->')) i += 1;
      i += 1;
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      const text = (heading[2] ?? '').trim();
      blocks.push({
        type: 'heading',
        level: heading[1]!.length,
        text,
        id: slugify(inlineText(parseInline(text))),
      });
      i += 1;
      continue;
    }

    if (isTableStart(lines, i)) {
      const header = splitRow(line);
      const align = splitRow(lines[i + 1]!).map(alignOf);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && !isBlank(lines[i]!) && lines[i]!.includes('|')) {
        const cells = splitRow(lines[i]!);
        rows.push(header.map((_, c) => cells[c] ?? ''));
        i += 1;
      }
      blocks.push({ type: 'table', header, align, rows });
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item) {
      const [list, next] = parseList(lines, i);
      blocks.push(list);
      i = next;
      continue;
    }

    const text: string[] = [line.trim()];
    i += 1;
    while (i < lines.length && !isBlank(lines[i]!) && !startsBlock(lines, i)) {
      text.push(lines[i]!.trim());
      i += 1;
    }
    blocks.push({ type: 'paragraph', text: text.join('\n') });
  }
  return blocks;
}

/** A list starting at line `start`: its block and the index of the first line after it. */
function parseList(lines: readonly string[], start: number): [Block, number] {
  const first = LIST_ITEM.exec(lines[start]!)!;
  const ordered = /^\d/.test(first[2]!);
  const delimiter = ordered ? first[2]!.slice(-1) : first[2]!;
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const item = LIST_ITEM.exec(lines[i]!);
    if (!item) break;
    const sameKind = ordered
      ? /^\d/.test(item[2]!) && item[2]!.slice(-1) === delimiter
      : item[2] === delimiter;
    if (!sameKind || indentOf(item[1]!) > 3) break;
    const spaces = item[3]!.length;
    const contentIndent =
      item[1]!.length + item[2]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces);
    const content: string[] = [item[4]!];
    i += 1;
    let lastWasText = item[4] !== '';
    while (i < lines.length) {
      const line = lines[i]!;
      if (isBlank(line)) {
        // A blank line belongs to the item only if the item goes on after it.
        let j = i + 1;
        while (j < lines.length && isBlank(lines[j]!)) j += 1;
        if (j < lines.length && indentOf(lines[j]!) >= contentIndent) {
          for (; i < j; i += 1) content.push('');
          lastWasText = false;
          continue;
        }
        break;
      }
      if (indentOf(line) >= contentIndent) {
        content.push(dedent(line, contentIndent));
        lastWasText = !FENCE.test(line);
        i += 1;
        continue;
      }
      // A lazy continuation line of the item's paragraph.
      if (lastWasText && !LIST_ITEM.test(line) && !startsBlock(lines, i)) {
        content.push(line.trim());
        i += 1;
        continue;
      }
      break;
    }
    items.push(parseLines(content));
    // A blank line between items keeps the list going.
    let j = i;
    while (j < lines.length && isBlank(lines[j]!)) j += 1;
    if (j < lines.length && LIST_ITEM.test(lines[j]!) && indentOf(lines[j]!) < contentIndent) i = j;
  }
  const startNumber = ordered ? Number.parseInt(first[2]!, 10) : 1;
  return [{ type: 'list', ordered, start: startNumber, items }, i];
}

// --- Inline ----------------------------------------------------------------------------------------

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function pushText(out: Inline[], text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + text };
  else out.push({ type: 'text', text });
}

/** Index of the closing delimiter of an emphasis opened at `from`, or -1. */
function findClosing(text: string, delimiter: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      i = end < 0 ? i + run.length : end + run.length;
      continue;
    }
    if (text.startsWith(delimiter, i) && i > from) {
      const before = text[i - 1]!;
      const after = text[i + delimiter.length];
      const closesWord = !/\s/.test(before);
      // `_` and a single `*` must not close inside a word (snake_case, 2*x*y).
      const intraword = delimiter !== '**' && after !== undefined && WORD_CHAR.test(after);
      const doubled = delimiter.length === 1 && text[i + 1] === delimiter;
      if (closesWord && !intraword && !doubled) return i;
      if (doubled) {
        i += 2;
        continue;
      }
    }
    i += 1;
  }
  return -1;
}

/** Parses inline Markdown: code spans, bold, italics, links and backslash escapes; the rest is text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const text = source.replace(/\n/g, ' ');
  let i = 0;
  let plain = '';
  const flush = (): void => {
    pushText(out, plain);
    plain = '';
  };
  while (i < text.length) {
    const ch = text[i]!;

    if (ch === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }

    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = text.indexOf(run, i + run.length);
      if (end >= 0 && text[end + run.length] !== '`') {
        flush();
        let code = text.slice(i + run.length, end);
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        out.push({ type: 'code', text: code });
        i = end + run.length;
      } else {
        plain += run;
        i += run.length;
      }
      continue;
    }

    if (ch === '*' || ch === '_') {
      const delimiter = text[i + 1] === ch ? ch + ch : ch;
      const before = i > 0 ? text[i - 1]! : ' ';
      const after = text[i + delimiter.length];
      const opens =
        after !== undefined &&
        !/\s/.test(after) &&
        (ch === '*' || !WORD_CHAR.test(before)) &&
        after !== ch;
      if (opens) {
        const close = findClosing(text, delimiter, i + delimiter.length);
        if (close > i + delimiter.length) {
          flush();
          const children = parseInline(text.slice(i + delimiter.length, close));
          out.push(
            delimiter.length === 2 ? { type: 'strong', children } : { type: 'em', children },
          );
          i = close + delimiter.length;
          continue;
        }
      }
      plain += delimiter;
      i += delimiter.length;
      continue;
    }

    if (ch === '[') {
      const link = parseLink(text, i);
      if (link) {
        flush();
        out.push(link.node);
        i = link.end;
        continue;
      }
    }

    plain += ch;
    i += 1;
  }
  flush();
  return out;
}

/** A `[text](href)` link at `start`, or null. */
function parseLink(text: string, start: number): { node: Inline; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[') depth += 1;
    else if (ch === ']') {
      depth -= 1;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0 || text[close + 1] !== '(') return null;
  let parens = 0;
  let end = -1;
  for (let i = close + 2; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '(') parens += 1;
    else if (ch === ')') {
      if (parens === 0) {
        end = i;
        break;
      }
      parens -= 1;
    } else if (ch === ' ' && parens === 0) break;
  }
  if (end < 0) return null;
  const href = text.slice(close + 2, end).trim();
  return {
    node: { type: 'link', href, children: parseInline(text.slice(start + 1, close)) },
    end: end + 1,
  };
}

// --- React -----------------------------------------------------------------------------------------

export interface MarkdownOptions {
  /** Added to heading levels (## with offset 2 is an h4), capped at h6. Default 0. */
  readonly headingOffset?: number;
  /** Prefix of heading ids, so that several documents can share a page. Default 'md-'. */
  readonly idPrefix?: string;
  /**
   * Follows a link that is not an external http(s)/mailto address ('#anchor', 'other.md'); return
   * true if it was handled. Without it, or when it returns false, such links are shown as text.
   */
  readonly onNavigate?: (href: string) => boolean;
  /** Whether onNavigate can follow this href (so it is drawn as a link). Default: all. */
  readonly canNavigate?: (href: string) => boolean;
  /**
   * Whether the link's target is on the page now. One that is not (a section in another tab) is a
   * button that goes there, not a link to a missing anchor. Default: every target is on the page.
   */
  readonly isOnPage?: (href: string) => boolean;
}

/** Is this an address that may be opened in a new tab (http, https or mailto only)? */
export function isExternalHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}

function renderInline(nodes: readonly Inline[], options: MarkdownOptions): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={key}>{node.text}</Fragment>;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'strong':
        return <strong key={key}>{renderInline(node.children, options)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(node.children, options)}</em>;
      case 'link': {
        const children = renderInline(node.children, options);
        if (isExternalHref(node.href)) {
          return (
            <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
              {children}
            </a>
          );
        }
        const { onNavigate, canNavigate, isOnPage } = options;
        if (onNavigate && (canNavigate?.(node.href) ?? true) && !(isOnPage?.(node.href) ?? true)) {
          return (
            <button
              key={key}
              type="button"
              className="md-link"
              title="Opens the section in its tab"
              onClick={() => onNavigate(node.href)}
            >
              {children}
            </button>
          );
        }
        if (onNavigate && (canNavigate?.(node.href) ?? true)) {
          const href = node.href.startsWith('#')
            ? `#${options.idPrefix ?? 'md-'}${node.href.slice(1)}`
            : node.href;
          return (
            <a
              key={key}
              href={href}
              onClick={(event) => {
                if (onNavigate(node.href)) event.preventDefault();
              }}
            >
              {children}
            </a>
          );
        }
        return (
          <span key={key} className="md-doc-link" title={node.href}>
            {children}
          </span>
        );
      }
    }
  });
}

function renderBlock(block: Block, key: number, options: MarkdownOptions): ReactNode {
  switch (block.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, block.level + (options.headingOffset ?? 0)));
      const Tag = `h${level}` as 'h1';
      return (
        <Tag key={key} id={`${options.idPrefix ?? 'md-'}${block.id}`} className="md-heading">
          {renderInline(parseInline(block.text), options)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={key}>{renderInline(parseInline(block.text), options)}</p>;
    case 'code':
      return (
        <pre key={key} className="md-code" data-lang={block.lang || undefined} tabIndex={0}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{renderBlocks(item, options)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'table':
      return (
        <div key={key} className="md-table-wrap" tabIndex={0}>
          <table className="md-table">
            <thead>
              <tr>
                {block.header.map((cell, c) => (
                  <th key={c} scope="col" style={{ textAlign: block.align[c] ?? undefined }}>
                    {renderInline(parseInline(cell), options)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c} style={{ textAlign: block.align[c] ?? undefined }}>
                      {renderInline(parseInline(cell), options)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** React elements for parsed blocks. */
export function renderBlocks(blocks: readonly Block[], options: MarkdownOptions = {}): ReactNode[] {
  return blocks.map((block, key) => renderBlock(block, key, options));
}

/** Renders Markdown text as React elements (parsed once per text). */
export function Markdown({ source, ...options }: { readonly source: string } & MarkdownOptions) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return <div className="md">{renderBlocks(blocks, options)}</div>;
}

/** Renders one line of inline Markdown (a title) without a paragraph around it. */
export function InlineMarkdown({
  source,
  ...options
}: { readonly source: string } & MarkdownOptions) {
  return <>{renderInline(parseInline(source), options)}</>;
}
