// Simulated clock times as people write and read them: "h:mm:ss", "m:ss" or seconds.

/** "1:20:00" → 4800; "5:30" → 330; "90" → 90. NaN when malformed. */
export function parseClock(value: string): number {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const match = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/.exec(trimmed);
  if (!match) return NaN;
  const hours = match[1] !== undefined ? Number(match[1]) : 0;
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  if (seconds >= 60 || (match[1] !== undefined && minutes >= 60)) return NaN;
  return hours * 3600 + minutes * 60 + seconds;
}

/**
 * Whole seconds as "h:mm:ss" (4800 → "1:20:00"). Under an hour, "m:ss" (330 → "5:30") unless
 * `alwaysHours`, as on the app's clock ("0:05:30"). Negative times read as 0.
 */
export function formatClock(totalSeconds: number, alwaysHours = false): string {
  const total = Math.max(0, Math.floor(totalSeconds + 1e-6));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const ss = String(s).padStart(2, '0');
  if (h === 0 && !alwaysHours) return `${m}:${ss}`;
  return `${h}:${String(m).padStart(2, '0')}:${ss}`;
}
