import { describe, expect, it } from 'vitest';
import { createSimulation, snapshotCsvHeader, snapshotCsvRow } from '../../models/index.ts';
import { testScenario } from '../helpers.ts';
import { trendCsv } from '../../src/state/csv.ts';
import { TrendBuffer } from '../../src/state/trendBuffer.ts';
import { TREND_SERIES } from '../../src/worker/protocol.ts';

describe('trends as CSV', () => {
  it('writes a header of output names and one row per sample in engine units', () => {
    const buffer = new TrendBuffer(TREND_SERIES.length, 16);
    buffer.append([
      { tS: 0, values: TREND_SERIES.map((_, i) => 37 - i * 0.125) },
      { tS: 10, values: TREND_SERIES.map((_, i) => (i === 0 ? Number.NaN : 36.5)) },
    ]);
    const lines = trendCsv(buffer, TREND_SERIES).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const header = lines[0]!.split(',');
    expect(header[0]).toBe('t_s');
    expect(header).toContain('brain_temp_c');
    expect(header).toContain('core_temp_c');
    expect(header).toContain('heart_rate_bpm');
    expect(header).toHaveLength(TREND_SERIES.length + 1);
    const first = lines[1]!.split(',');
    expect(first[0]).toBe('0.0');
    expect(Number(first[1])).toBeCloseTo(37);
    expect(Number(first[2])).toBeCloseTo(36.875);
    // A missing value is an empty cell.
    expect(lines[2]!.split(',')[1]).toBe('');
    expect(lines[2]!.split(',')[2]).toBe('36.500');
  });

  it('writes each number as `coldboot run` does: the same cell for the same snapshot', () => {
    const sim = createSimulation(
      testScenario({ start: { environment: { medium: 'water', temperatureC: 4 } }, endS: 3600 }),
      { seed: 1 },
    );
    sim.advance(600);
    const snapshot = sim.snapshot();
    const buffer = new TrendBuffer(TREND_SERIES.length, 4);
    buffer.append([{ tS: snapshot.tS, values: TREND_SERIES.map((s) => snapshot[s.key]) }]);
    const [header, row] = trendCsv(buffer, TREND_SERIES).trimEnd().split('\n');
    const cliHeader = snapshotCsvHeader().trimEnd().split(',');
    const cliRow = snapshotCsvRow(snapshot).trimEnd().split(',');
    const appCells = row!.split(',');
    header!.split(',').forEach((column, i) => {
      if (column === 't_s') return;
      expect({ column, cell: appCells[i] }).toEqual({
        column,
        cell: cliRow[cliHeader.indexOf(column)],
      });
    });
  });
});
