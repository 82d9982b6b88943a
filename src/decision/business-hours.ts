import type { BusinessHours, Weekday } from '../schema/environment';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The local date, weekday and minutes since midnight of an instant in a time zone, via Intl. */
export function localTime(instant: string, timeZone: string): { date: string; weekday: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  // Noon UTC on that local date falls on the same weekday in every zone.
  const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'sun';
  return { date, weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

function toMinutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Whether the desk is open at `instant` (ISO 8601), by its weekly schedule and holidays. */
export function isWithinBusinessHours(hours: BusinessHours, instant: string): boolean {
  const local = localTime(instant, hours.timeZone);
  if (hours.holidays?.includes(local.date) === true) return false;
  const spans = hours.weekly[local.weekday] ?? [];
  return spans.some((span) => {
    const open = toMinutes(span.open);
    const close = toMinutes(span.close);
    // A span that closes at or before it opens runs past midnight.
    return close > open ? local.minutes >= open && local.minutes < close : local.minutes >= open || local.minutes < close;
  });
}

/** The next time the desk opens after `instant` (within two weeks), or null when it never does. */
export function nextOpening(hours: BusinessHours, instant: string): { daysAhead: number; weekday: Weekday; time: string } | null {
  const local = localTime(instant, hours.timeZone);
  const noon = Date.parse(`${local.date}T12:00:00Z`);
  for (let daysAhead = 0; daysAhead <= 14; daysAhead++) {
    const day = new Date(noon + daysAhead * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    if (hours.holidays?.includes(date) === true) continue;
    const weekday = WEEKDAYS[day.getUTCDay()] ?? 'sun';
    const spans = [...(hours.weekly[weekday] ?? [])].sort((a, b) => toMinutes(a.open) - toMinutes(b.open));
    const span = spans.find((s) => daysAhead > 0 || toMinutes(s.open) > local.minutes);
    if (span !== undefined) return { daysAhead, weekday, time: span.open };
  }
  return null;
}
