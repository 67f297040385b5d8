// The display slice: what the learner sees the run with (temperature unit, projector colours, the
// instructor panel, the odds' fan bands on the trend charts). It writes only its own fields.

import { type TemperatureUnit } from '../units.ts';
import { type FanBandOverlay, type Slice } from './shared.ts';

export interface DisplaySlice {
  unit: TemperatureUnit;
  toggleUnit(): void;
  setUnit(unit: TemperatureUnit): void;
  /** The instructor panel is showing (and the instructor's actions in the event log). */
  instructorMode: boolean;
  setInstructorMode(on: boolean): void;
  /** The projector colour profile: dark on light, larger numbers (kept between visits). */
  projector: boolean;
  setProjector(on: boolean): void;
  /** Fan bands on the trend charts; null when there are none (cleared on load and reset). */
  fanBands: FanBandOverlay | null;
  setFanBands(overlay: FanBandOverlay | null): void;
}

export const createDisplaySlice =
  (initialUnit: TemperatureUnit): Slice<DisplaySlice> =>
  (set) => ({
    unit: initialUnit,
    toggleUnit: () => set((s) => ({ unit: s.unit === 'C' ? 'F' : 'C' })),
    setUnit: (unit) => set({ unit }),
    instructorMode: false,
    setInstructorMode: (on) => set({ instructorMode: on }),
    projector: false,
    setProjector: (on) => set({ projector: on }),
    fanBands: null,
    setFanBands: (overlay) => set({ fanBands: overlay }),
  });
