// Trigger and end conditions compiled once, when a run is created, into functions that read the
// state vector through the output table's readers: a step's check builds no snapshot and, for the
// conditions scenarios use, allocates nothing. The result is the same as conditionHolds on a snapshot
// (models/scenario/condition.ts) at every moment; a test checks the two against each other.

import type { Condition } from '../scenario/condition.ts';
import type { PatientBody } from './patient.ts';
import { NUMERIC_OUTPUT_TABLE, TEXT_OUTPUT_TABLE } from './outputTable.ts';
import type { State } from '../core/state.ts';

/** A condition as a function of the state: whether it holds now. */
export type CompiledCondition = (state: State, body: PatientBody) => boolean;

const never: CompiledCondition = () => false;

/**
 * Compiles a condition. Same rules as conditionHolds: a missing or non-finite number never satisfies
 * a comparison; a word output holds when its value is one of the words; an output name that is not
 * of the comparison's kind never holds.
 */
export function compileCondition(condition: Condition): CompiledCondition {
  switch (condition.kind) {
    case 'compare': {
      const row = NUMERIC_OUTPUT_TABLE.find((o) => o.column === condition.output);
      if (row === undefined) return never;
      const read = row.read;
      const { below, above } = condition;
      if (below !== undefined && above !== undefined) {
        return (state, body) => {
          const value = read(state, body);
          return Number.isFinite(value) && value < below && value > above;
        };
      }
      if (below !== undefined) {
        return (state, body) => {
          const value = read(state, body);
          return Number.isFinite(value) && value < below;
        };
      }
      if (above !== undefined) {
        return (state, body) => {
          const value = read(state, body);
          return Number.isFinite(value) && value > above;
        };
      }
      return (state, body) => Number.isFinite(read(state, body));
    }
    case 'is': {
      const row = TEXT_OUTPUT_TABLE.find((o) => o.column === condition.output);
      if (row === undefined) return never;
      const read = row.read as (state: State, body: PatientBody) => string;
      const values = [...condition.values];
      return (state, body) => values.includes(read(state, body));
    }
    case 'all': {
      const parts = condition.of.map(compileCondition);
      if (parts.length === 1) return parts[0]!;
      return (state, body) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(state, body)) return false;
        return true;
      };
    }
    case 'any': {
      const parts = condition.of.map(compileCondition);
      if (parts.length === 1) return parts[0]!;
      return (state, body) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(state, body)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(condition.of);
      return (state, body) => !inner(state, body);
    }
  }
}
