import * as l10n from '@vscode/l10n';
import { hasYamlHeader } from '../frontmatter/split';
import type { FrontMatterEntry } from '../frontmatter/parse';
import { isMeantAsPost } from '../site/documentKind';
import { publishedUrlOf } from '../site/urlMap';
import type { Finding, Rule, RuleContext } from './rule';

/** `YYYY-MM-DD` with an optional time and offset, as Jekyll's docs write dates (`YYYY-MM-DD HH:MM:SS +/-TTTT`). */
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d*)?)?(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A file in `_posts/` that Jekyll skips because its name has no date or it lies outside `collections_dir`, and a
 * date in the name that no calendar has (`2014-02-29`: Ruby's Time rolls it over to March 1).
 */
export const postFileNameRule: Rule = {
  name: 'post file name',
  check({ siteDocument, site, frontMatter, text }: RuleContext): Finding[] {
    const name = siteDocument?.path.slice(siteDocument.path.lastIndexOf('/') + 1) ?? '';
    if (siteDocument?.kind === 'misnamed-post') {
      // Only what is meant to be a post: a Markdown or HTML file with front matter (not an image or a README).
      if (!hasYamlHeader(text) || !isMeantAsPost(name, site.config)) {
        return [];
      }
      const start = frontMatter.block.kind === 'none' ? 0 : frontMatter.block.openStart;
      const message = siteDocument.outside
        ? l10n.t('Jekyll skips this post: with `collections_dir: {0}` it reads posts only from `{0}/_posts/` (and `{0}/<folder>/_posts/`).', site.config.collectionsDir)
        : l10n.t("Jekyll skips this post: a post's file name must be `YYYY-MM-DD-title.EXT`, and `{0}` is not.", name);
      return [{ code: 'filename.misnamed-post', start, end: start + 3, message }];
    }
    if (siteDocument?.kind !== 'post' || frontMatter.entries.has('date') || !/^\d{4}-/.test(siteDocument.date)) {
      // A `date:` in front matter replaces the file name's date; two-digit years are left to Ruby.
      return [];
    }
    const [year, month, day] = siteDocument.date.split('-').map(Number) as [number, number, number];
    const problem = calendarProblem(year, month, day);
    if (!problem) {
      return [];
    }
    const start = frontMatter.block.kind === 'none' ? 0 : frontMatter.block.openStart;
    return [{ code: 'filename.invalid-date', start, end: start + 3, message: l10n.t('The date in the file name {0}', problem.text) }];
  },
};

/**
 * `date:` that Jekyll cannot read (the build fails), and, for a post, a `date:` whose day in the site's
 * `timezone` is not the file name's day: the post then appears under another day than its name says.
 */
export const dateRule: Rule = {
  name: 'date',
  check({ frontMatter, siteDocument, site, text }: RuleContext): Finding[] {
    const entry = frontMatter.entries.get('date');
    // A page's `date:` is plain data to Jekyll (only collection documents parse it): it cannot stop the build.
    if (!entry || !siteDocument || siteDocument.kind === 'page') {
      return [];
    }
    const reading = readDate(entry, text);
    if (reading.kind === 'unknown') {
      return [];
    }
    if (reading.kind === 'invalid') {
      return [{ code: 'date.invalid', start: entry.value ? entry.valueStart : entry.keyStart, end: entry.value ? entry.valueEnd : entry.keyEnd, message: l10n.t('Jekyll cannot read this date and stops the build: {0} Write `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS +/-TTTT`.', reading.why) }];
    }
    if (siteDocument.kind !== 'post' || !/^\d{4}-/.test(siteDocument.date)) {
      return [];
    }
    const nameDate = siteDocument.date.split('-').map(Number) as [number, number, number];
    const zone = site.config.timezone;
    const days = daysOf(reading, zone);
    if (!days) {
      return [];
    }
    const fileDay = formatDay(nameDate[0], nameDate[1], nameDate[2]);
    // A day the month lacks (`2018-04-31`) is dated as Ruby's Time rolls it over (May 1), `date:` or not.
    if (days.includes(fileDay) || days.includes(calendarProblem(...nameDate)?.rolledTo ?? '')) {
      return [];
    }
    const where = reading.instant === undefined ? '' : zone ? l10n.t(" in {0} (the site's `timezone`)", zone) : days.length === 1 ? l10n.t(' in any time zone') : l10n.t(" (by the building machine's time zone: the site sets no `timezone`)");
    const falls = days.length === 1 ? days[0]! : l10n.t('{0} or {1}', days.slice(0, -1).join(', '), days.at(-1)!);
    // Whether the URL says the day: the one the date's day gives against the one the name's day gives.
    const urlOn = (day: string) => publishedUrlOf({ ...siteDocument, data: { ...siteDocument.data, date: day } }, site.config);
    const urlHasDay = urlOn(days[0]!) !== urlOn(fileDay);
    return [
      {
        code: 'date.mismatch',
        start: entry.valueStart,
        end: entry.valueEnd,
        message: urlHasDay
          ? l10n.t('This date falls on {0}{1}, but the file name says {2}: Jekyll dates the post, and builds its URL, from `date:`.', falls, where, fileDay)
          : l10n.t('This date falls on {0}{1}, but the file name says {2}: Jekyll dates the post from `date:` (in feeds, archives and the order of posts).', falls, where, fileDay),
      },
    ];
  },
};

type DateReading =
  | { readonly kind: 'date'; readonly day: string; readonly instant: number | undefined }
  | { readonly kind: 'invalid'; readonly why: string }
  /** A format Ruby's `Time.parse` may well read, which we do not try to imitate: no verdict. */
  | { readonly kind: 'unknown' };

/**
 * Reads `date:` as Jekyll does: SafeYAML turns a plain timestamp without offset into UTC, a quoted one
 * stays text that `Time.parse` reads in the site's time zone; then `Time.parse(value.to_s)`.
 */
function readDate(entry: FrontMatterEntry, text: string): DateReading {
  if (!entry.value || entry.data === null) {
    return { kind: 'invalid', why: 'it is empty.' };
  }
  if (entry.value.kind !== 'scalar') {
    return { kind: 'invalid', why: 'it is a list or a mapping.' };
  }
  if (typeof entry.data === 'boolean') {
    return { kind: 'invalid', why: `\`${text.slice(entry.valueStart, entry.valueEnd)}\` is a boolean.` };
  }
  const written = (typeof entry.data === 'string' ? entry.data : text.slice(entry.valueStart, entry.valueEnd)).trim();
  const match = DATE_TIME.exec(written);
  if (!match) {
    // Ruby's parser finds a date in almost any text with a digit or a month name; without either it finds none.
    return /\d/.test(written) || /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun/i.test(written) ? { kind: 'unknown' } : { kind: 'invalid', why: `\`${written}\` holds no date.` };
  }
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  const hour = match[4] === undefined ? undefined : Number(match[4]);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const problem = calendarProblem(year, month, day);
  const zoneText = match[7];
  if (problem?.fatal || (hour !== undefined && !rubyReadsTime(hour, minute, second, offsetMinutes(zoneText)))) {
    return { kind: 'invalid', why: problem ? `it ${problem.text}` : 'it has no such time of day.' };
  }
  if (problem) {
    // Feb 30 and the like: Ruby rolls over to the next month; the day named is not the day used.
    return { kind: 'date', day: problem.rolledTo, instant: undefined };
  }
  if (hour === undefined || (zoneText === undefined && entry.value.style !== 'plain')) {
    // A bare day, or quoted text without an offset, which Time.parse reads as wall-clock time in the site's zone.
    return { kind: 'date', day: formatDay(year, month, day), instant: undefined };
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return { kind: 'date', day: formatDay(year, month, day), instant: asUtc - offsetMinutes(zoneText) * 60_000 };
}

/** The days a reading can fall on: one in a known zone; for an instant without a site zone, every zone's day. */
function daysOf(reading: Extract<DateReading, { kind: 'date' }>, zone: string | undefined): string[] | undefined {
  if (reading.instant === undefined) {
    return [reading.day];
  }
  if (zone) {
    try {
      return [new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(reading.instant)];
    } catch {
      // An unknown zone name: Jekyll's build machine decides; nothing to compare with.
      return undefined;
    }
  }
  // Without `timezone` the build machine's zone decides: any offset from -12 to +14 hours is possible. The span is
  // 26 hours, so it may cover three days: the middle one is UTC's own (an instant from 10:00 to 12:00 UTC).
  return [-12, 0, 14].map((hours) => new Date(reading.instant! + hours * 3_600_000).toISOString().slice(0, 10)).filter((d, i, all) => all.indexOf(d) === i);
}

/**
 * A time of day Ruby takes (the oracle): second 60 (a leap second) and `24:00:00` roll over into the next minute or
 * day; with an offset other than zero any hour does (`25:30:00 +08:00` is 01:30 the next day; `+00:00` or `Z` with
 * hour 25 stops the build).
 */
function rubyReadsTime(hour: number, minute: number, second: number, offset: number): boolean {
  if (minute > 59 || second > 60) {
    return false;
  }
  return offset !== 0 || hour < 24 || (hour === 24 && minute === 0 && second === 0);
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') {
    return 0;
  }
  const match = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(zone)!;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

interface CalendarProblem {
  readonly text: string;
  /** Ruby refuses the date (the build stops); otherwise it rolls over to `rolledTo`. */
  readonly fatal: boolean;
  readonly rolledTo: string;
}

/** What is wrong with a calendar date, as Ruby's `Time.local` sees it; undefined for a real day. */
function calendarProblem(year: number, month: number, day: number): CalendarProblem | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return { text: `has no ${month < 1 || month > 12 ? `month ${month}` : `day ${day}`}: Jekyll stops the build.`, fatal: true, rolledTo: '' };
  }
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day <= length) {
    return undefined;
  }
  const rolled = new Date(Date.UTC(year, month - 1, day));
  return {
    text: `is ${MONTHS[month - 1]} ${day}, ${year}, a day that does not exist: Jekyll dates it ${MONTHS[rolled.getUTCMonth()]} ${rolled.getUTCDate()}.`,
    fatal: false,
    rolledTo: rolled.toISOString().slice(0, 10),
  };
}

function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
