/**
 * Post names, by Jekyll 4.3's two rules:
 * - a file is a post when its name matches `Document::DATE_FILENAME_MATCHER` (`PostReader` reads `_posts` with it):
 *   `YYYY-MM-DD-title.EXT`, the year 2 to 4 digits, month and day 1 or 2;
 * - `{% post_url NAME %}` parses NAME with `Tags::PostComparer::MATCHER`: `[folder/]D-D-D-title`, any number of
 *   digits, no extension.
 * Both are here, and nowhere else, so the two rules cannot drift apart from each other or from Jekyll.
 */

/** `Document::DATE_FILENAME_MATCHER`, on the file name alone (`(?>.+/)*?` only strips the folders). */
const DATED_FILE_NAME = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/;
/** `PostComparer::MATCHER` without its folder part, which `postUrlName` splits off at the last `/`. */
const POST_URL_NAME = /^(\d+-\d+-\d+)-(.*)$/;
/** The date in front of a post name. */
const DATE_PREFIX = /^\d{2,4}-\d{1,2}-\d{1,2}-/;

export interface DatedFileName {
  /** As written: `2015-3-1`. */
  readonly date: string;
  readonly slug: string;
  readonly ext: string;
}

/** `2015-03-01-title.md` -> its date, slug and extension; undefined when Jekyll would not read it as a post. */
export function datedFileName(name: string): DatedFileName | undefined {
  const match = DATED_FILE_NAME.exec(name);
  return match ? { date: match[1]!, slug: match[2]!, ext: match[3]! } : undefined;
}

/** `_posts/sub/2015-03-01-title.md` -> `2015-03-01-title`: the file name without its extension. */
export function postName(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** `2015-03-01-title` -> `title`. */
export function withoutDate(name: string): string {
  return name.replace(DATE_PREFIX, '');
}

export interface PostUrlName {
  /** `folder/` or undefined. */
  readonly folder: string | undefined;
  readonly date: string;
  readonly title: string;
}

/**
 * The name `{% post_url %}` is given, split as Jekyll splits it. The folder is cut at the last `/` rather than by
 * the regexp's `(.+/)*`, which backtracks exponentially in JavaScript on a name with many slashes; a title holding
 * a `/` (which no post file name has) is then not a name.
 */
export function postUrlName(name: string): PostUrlName | undefined {
  const slash = name.lastIndexOf('/');
  const match = POST_URL_NAME.exec(name.slice(slash + 1));
  return match ? { folder: slash >= 0 ? name.slice(0, slash + 1) : undefined, date: match[1]!, title: match[2]! } : undefined;
}
