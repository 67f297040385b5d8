// Colours and strokes of the trend series, shared by the charts, their legends and the monitor.

import type { NumericSnapshotKey } from '../../models/index.ts';

export interface SeriesStyle {
  readonly color: string;
  readonly dash?: string;
  readonly width?: number;
  /** Short name for the legend. */
  readonly short: string;
}

export const SERIES_STYLE: Partial<Record<NumericSnapshotKey, SeriesStyle>> = {
  brainTempC: { color: '#c9a7ff', short: 'Brain' },
  heartTempC: { color: '#ff6b6b', short: 'Heart' },
  coreTempC: { color: '#ffd166', width: 2.75, short: 'Core' },
  muscleTempC: { color: '#f4a261', short: 'Muscle' },
  limbTempC: { color: '#e76f51', dash: '4 3', short: 'Limbs' },
  shellTempC: { color: '#a3adbf', dash: '2 4', short: 'Shell' },
  skinTempC: { color: '#4cc9f0', short: 'Skin' },
  extremityTempC: { color: '#5b8cff', short: 'Hands/feet' },
  bloodTempC: { color: '#2ec4b6', dash: '7 4', short: 'Blood' },
};

/** Vital signs, in bedside-monitor colours: heart rate green, SpO₂ cyan. */
export const VITAL_STYLE: Partial<Record<NumericSnapshotKey, SeriesStyle>> = {
  heartRateBpm: { color: '#5bd69b', width: 2.25, short: 'Heart rate' },
  arterialSat: { color: '#4cc9f0', short: 'SpO₂' },
  brainViableFraction: { color: '#ff8fcf', width: 2.5, short: 'Brain viable' },
};

export const FALLBACK_STYLE: SeriesStyle = { color: '#cccccc', short: '' };
