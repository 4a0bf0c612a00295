/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in UTC so that no time zone or daylight saving
 * change moves a day. Weeks start on Monday (ISO 8601), as school weeks do in Europe.
 */

const DAY_MS = 86_400_000;

/** The number of `length` ASCII digits at `at` in `text`, or NaN. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The day as a count of days since 1970-01-01 (negative before); NaN for text that is not a
 * `YYYY-MM-DD` date. Integer arithmetic (Howard Hinnant's days-from-civil), no Date object and no
 * regular expression: the teacher's overview calls it for every entry.
 */
export function dayNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return NaN;
  const month = digits(date, 5, 2);
  const day = digits(date, 8, 2);
  const yearNumber = digits(date, 0, 4);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31) || Number.isNaN(yearNumber)) return NaN;
  const year = yearNumber - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The day number of the Monday of the week of day number `day`. */
export function mondayOf(day: number): number {
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/** The date of a day number (see `dayNumber`). */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` (negative: back). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The Monday of the week of `date`. */
export function weekOf(date: string): string {
  return fromDayNumber(mondayOf(dayNumber(date)));
}

/** The Sunday that ends the week of `date`. */
export function endOfWeek(date: string): string {
  return addDays(weekOf(date), 6);
}

/** At most this many weeks from `weeksBetween`: ten years, whatever dates it is given. */
const MAX_WEEKS = 520;

/**
 * The Mondays of every week from the week of `from` to the week of `to`, both included, in order;
 * empty when `to` is before `from`.
 */
export function weeksBetween(from: string, to: string): string[] {
  const first = dayNumber(weekOf(from));
  const last = dayNumber(weekOf(to));
  const weeks: string[] = [];
  for (let day = first; day <= last && weeks.length < MAX_WEEKS; day += 7) weeks.push(fromDayNumber(day));
  return weeks;
}

/**
 * The day of the mobility `date` falls on, from 1 (the day the mobile pupils travel out) to the
 * day they come back; undefined outside it, or when the project has no travel dates (both are
 * needed: without an end, any later day would count).
 */
export function mobilityDay(date: string, project?: { travelOut?: string; travelBack?: string }): number | undefined {
  if (!project?.travelOut || !project.travelBack) return undefined;
  const day = daysBetween(project.travelOut, date);
  if (!(day >= 0) || date > project.travelBack) return undefined;
  return day + 1;
}
