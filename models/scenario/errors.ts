// Errors in scenario files: each names the file, the field's path, what was expected and what was
// found, and the line when the file is YAML, so an instructor can fix it without reading code.

export interface ScenarioIssue {
  /** Path of the field, e.g. "timeline[2].waterTemperatureC"; "" for the whole file. */
  readonly path: string;
  /** What a valid value looks like. */
  readonly expected: string;
  /** What the file has there, described briefly. */
  readonly found: string;
  /** 1-based line in the file, when known. */
  readonly line?: number;
}

export class ScenarioError extends Error {
  readonly fileName: string;
  readonly issues: readonly ScenarioIssue[];

  constructor(fileName: string, issues: readonly ScenarioIssue[]) {
    super(formatIssues(fileName, issues));
    this.name = 'ScenarioError';
    this.fileName = fileName;
    this.issues = issues;
  }
}

export function formatIssue(fileName: string, issue: ScenarioIssue): string {
  const where = `${fileName}${issue.line !== undefined ? `:${issue.line}` : ''}`;
  const field = issue.path === '' ? '' : ` ${issue.path}:`;
  return `${where}:${field} expected ${issue.expected}, found ${issue.found}`;
}

/** Problems a message lists at most; the rest are counted (`issues` keeps them all). */
export const MAX_ISSUES_SHOWN = 50;

export function formatIssues(fileName: string, issues: readonly ScenarioIssue[]): string {
  const lines = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => formatIssue(fileName, issue));
  const more = issues.length - MAX_ISSUES_SHOWN;
  if (more > 0) {
    lines.push(
      `${fileName}: … and ${more} more problem${more === 1 ? '' : 's'} (the first ${MAX_ISSUES_SHOWN} of ${issues.length} are shown)`,
    );
  }
  return lines.join('\n');
}
