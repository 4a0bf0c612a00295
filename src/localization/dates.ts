const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language: making one costs far more than using it (300 activities per render). */
function dayFormat(lang: string): Intl.DateTimeFormat {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })));
  return format;
}

/** Calendar dates (`YYYY-MM-DD`) as the reader's language writes them; UTC so a day never shifts. */
export function formatDay(day: string, lang: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return dayFormat(lang).format(date);
}

export function formatDays(start: string | undefined, end: string | undefined, lang: string): string {
  if (start && end) return dayFormat(lang).formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
  return start ? formatDay(start, lang) : end ? formatDay(end, lang) : '';
}

/** Today in the browser's own time zone, as `YYYY-MM-DD`: "today" is the pupil's day, not UTC's. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value);
