// Output sinks of the command line, injected so tests can capture what a command prints.

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 success; 1 an unexpected failure; 2 bad input (usage, scenario or parameter). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;

export class UsageError extends Error {}
