// Scenario times are written the way an instructor says them: "day 2, 08:00".
// Internally a time is whole minutes since day 1, 00:00.

export const MINUTES_PER_DAY = 24 * 60;

const TIME_PATTERN = /^day\s+(\d{1,4}),?\s+(\d{1,2}):(\d{2})$/i;

export function parseTime(text: string): number | null {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) return null;
  const day = Number(match[1]);
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (day < 1 || hour > 23 || minute > 59) return null;
  return (day - 1) * MINUTES_PER_DAY + hour * 60 + minute;
}

export function formatTime(minutes: number): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY) + 1;
  const rest = minutes - (day - 1) * MINUTES_PER_DAY;
  const hh = String(Math.floor(rest / 60)).padStart(2, '0');
  const mm = String(rest % 60).padStart(2, '0');
  return `day ${day}, ${hh}:${mm}`;
}

export function dayOf(minutes: number): number {
  return Math.floor(minutes / MINUTES_PER_DAY) + 1;
}
