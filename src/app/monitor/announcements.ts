// What to announce when the patient changes: alarms raised and cleared, and rhythm changes. Pure:
// the announcer (an ARIA live region and the alarm tone) calls it with the last and the new snapshot.

import { isArrestRhythm, type Snapshot } from '../../../models/index.ts';

export type AnnouncementKind = 'alarm' | 'cleared' | 'rhythm';

export interface Announcement {
  readonly kind: AnnouncementKind;
  readonly text: string;
  /** Sounds the alarm tone: a new alarm, or the heart stopping pumping. */
  readonly urgent: boolean;
}

type Watched = Pick<Snapshot, 'alarms' | 'alarmMessages' | 'rhythm' | 'rhythmLabel'>;

/** Changes between two snapshots worth saying aloud, most urgent first. */
export function announcements(previous: Watched | null, next: Watched | null): Announcement[] {
  if (!next) return [];
  const out: Announcement[] = [];
  const before = new Set(previous?.alarms ?? []);
  const after = new Set(next.alarms);
  next.alarms.forEach((id, i) => {
    if (!before.has(id))
      out.push({ kind: 'alarm', text: `Alarm: ${next.alarmMessages[i] ?? id}`, urgent: true });
  });
  if (previous && previous.rhythm !== next.rhythm) {
    out.push({
      kind: 'rhythm',
      text: `Rhythm now ${next.rhythmLabel}.`,
      urgent: isArrestRhythm(next.rhythm),
    });
  }
  previous?.alarms.forEach((id, i) => {
    if (!after.has(id)) {
      out.push({
        kind: 'cleared',
        text: `Cleared: ${previous.alarmMessages[i] ?? id}`,
        urgent: false,
      });
    }
  });
  return out;
}

/** Whether any announcement calls for the alarm tone. */
export function needsTone(list: readonly Announcement[]): boolean {
  return list.some((a) => a.urgent);
}
