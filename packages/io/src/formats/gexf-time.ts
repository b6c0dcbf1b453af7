/**
 * GEXF's times read as the years a link holds. A dynamic GEXF file (1.1, 1.2 or 1.3; Gephi,
 * NetworkX) gives its elements times in the graph's `timeformat`: on the element (`start`, `end`,
 * 1.1's and 1.2's exclusive `startopen` and `endopen`, 1.3's `timestamp`, `timestamps` and
 * `intervals`), in `<spells>` (1.1's `<slices>`), and on attribute values. linkscale's model holds
 * years, so each time is read as the year it falls in, by a rule per format:
 * - `integer` (and NetworkX's `long`): the number is the year;
 * - `double` (GEXF's default, and 1.1's `float`): the year is the integer part (2005.5 is in 2005);
 * - `date` and `dateTime` (Gephi writes `datetime`): the year as written (a time zone does not
 *   move it), from `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss`, or the `YYYY` and `YYYY-MM` NetworkX
 *   writes when given such text.
 * An exclusive bound leaves out its own time: `startopen="2005"` starts in 2006 for integers;
 * for doubles (2005.0, …] starts in 2005 and […, 2010.0) ends in 2009; a date's day after or
 * before decides (`startopen="2005-12-31"` starts in 2006). An interval holding no year is
 * refused, and so is an exclusive bound on a partial date (`startopen="2005"`: the day is unknown).
 * A missing bound, or an infinite one (`-inf`, `INF`, as NetworkX and others write them), is open.
 *
 * A year must be one of four digits (1000 to 9999): a file counting time in steps (1, 2, 3…) or
 * in milliseconds is refused rather than read as the years 1, 2, 3. Nothing here guesses: a time
 * that cannot be read so is a problem of its item, named where it is.
 */

/** How a format's times become years. */
export type TimeKind = "integer" | "double" | "date";

// Keys lower-cased: Gephi writes "datetime", the schema "dateTime".
const TIME_KINDS: ReadonlyMap<string, TimeKind> = new Map([
  ["integer", "integer"],
  ["long", "integer"],
  ["double", "double"],
  ["float", "double"],
  ["date", "date"],
  ["datetime", "date"],
]);

/** The years an interval covers; a bound not given (or infinite) is undefined. */
export interface YearSpan {
  first: number | undefined;
  last: number | undefined;
}

const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

/** "<spell> at line 12, column 9": where a time is, for the messages. */
export function elementAt(name: string, line: number, column: number): string {
  return `<${name}> at line ${line}, column ${column}`;
}

/** Where a time is, worked out only for a message: a file's times are mostly read without one. */
export type Where = () => string;

// Message builders, exported so tests assert the exact text a user sees.
export const gexfTimeMessages = {
  unreadableFormat: (format: string, where: string) =>
    `GEXF: the ${where} has timeformat "${format}", whose times cannot be read as years ` +
    "(linkscale reads integer, long, double, float, date and dateTime)",
  graphTime: (problem: string) => `GEXF: the graph's own time cannot be read: ${problem}`,
  notATime: (name: string, value: string, format: string, where: string) =>
    `${name}="${value}" on the ${where} is not a time of the file's timeformat "${format}"`,
  notAYear: (name: string, value: string, where: string) =>
    `${name}="${value}" on the ${where} is not a year: a dynamic file's times are read as years, from ${FIRST_YEAR} to ${LAST_YEAR}`,
  openBoundOnPartialDate: (name: string, value: string, where: string) =>
    `${name}="${value}" on the ${where} excludes a date whose day is not given, so the year it starts or ends in is unknown`,
  noYear: (where: string) => `the interval on the ${where} holds no year`,
  unreadableList: (name: string, value: string, where: string) =>
    `${name}="${value}" on the ${where} is not a list of times as GEXF 1.3 writes it ("[2001, 2003]", or intervals "[2001, 2002]; [2005, 2006]")`,
};

/** The graph's time settings, from its `<graph>` element. */
export interface GraphTimeSettings {
  /** As written; GEXF's default is "double". */
  format: string;
  /** Where the `<graph>` is, for a message about its format or its own time. */
  where: string;
  /** The graph's own attributes, for its start and end. */
  attributes: Readonly<Record<string, string>>;
}

/** A time format that can be read, or why the file is refused. */
export function timeAxis(settings: GraphTimeSettings): TimeAxis | { error: string } {
  const kind = TIME_KINDS.get(settings.format.toLowerCase());
  if (kind === undefined) return { error: gexfTimeMessages.unreadableFormat(settings.format, settings.where) };
  const axis = new TimeAxis(kind, settings.format);
  const own = axis.spansOf(settings.attributes, () => settings.where);
  if ("problem" in own) return { error: gexfTimeMessages.graphTime(own.problem) };
  // The graph's start and end, when it gives them; a slice (GEXF 1.3) gives its one time so.
  const first = Math.min(...own.spans.map((span) => span.first ?? Infinity));
  const last = Math.max(...own.spans.map((span) => span.last ?? -Infinity));
  axis.graphSpan = { first: Number.isFinite(first) ? first : undefined, last: Number.isFinite(last) ? last : undefined };
  return axis;
}

/** Names of the XML attributes that give an element's or a value's time. */
export const TIME_ATTRIBUTES = ["start", "end", "startopen", "endopen", "timestamp", "timestamps", "intervals"] as const;

/** Asked of every element of a large file: a plain loop, which V8 runs faster than `some` and its closure. */
export function hasTime(attributes: Readonly<Record<string, string>>): boolean {
  for (let i = 0; i < TIME_ATTRIBUTES.length; i++) if (attributes[TIME_ATTRIBUTES[i] as string] !== undefined) return true;
  return false;
}

/** A time that cannot be read, and the link year it would have given. */
export interface TimeProblem {
  problem: string;
  field: "firstYear" | "lastYear";
}

type Bound = { year: number } | { open: true } | TimeProblem;
type BoundText = readonly [name: string, text: string | undefined, exclusive: boolean];

export class TimeAxis {
  /** The graph's own start and end years, which close an element's open bounds. */
  graphSpan: YearSpan = { first: undefined, last: undefined };

  constructor(
    readonly kind: TimeKind,
    /** As the file writes it, for messages and rules. */
    readonly format: string,
  ) {}

  /**
   * The year spans an element's or a spell's time attributes give (none when it has no time), or
   * the first problem with them. `where` names the element for the messages.
   */
  spansOf(attributes: Readonly<Record<string, string>>, where: Where): { spans: YearSpan[] } | TimeProblem {
    const spans: YearSpan[] = [];
    const { start, startopen, end, endopen, timestamp, timestamps, intervals } = attributes;
    if (start !== undefined || startopen !== undefined || end !== undefined || endopen !== undefined) {
      const from = startopen === undefined ? ["start", start, false] as const : ["startopen", startopen, true] as const;
      const to = endopen === undefined ? ["end", end, false] as const : ["endopen", endopen, true] as const;
      const span = this.span(from, to, where);
      if ("problem" in span) return span;
      spans.push(span);
    }
    if (timestamp !== undefined) {
      const at = this.instant("timestamp", timestamp, where);
      if ("problem" in at) return at;
      spans.push(at);
    }
    if (timestamps !== undefined) {
      const pieces = listPieces(timestamps);
      if (pieces === undefined || pieces.length !== 1) return { problem: gexfTimeMessages.unreadableList("timestamps", timestamps, where()), field: "firstYear" };
      for (const text of (pieces[0] as string).split(",")) {
        const at = this.instant("timestamps", text.trim(), where);
        if ("problem" in at) return at;
        spans.push(at);
      }
    }
    if (intervals !== undefined) {
      const pieces = listPieces(intervals);
      if (pieces === undefined) return { problem: gexfTimeMessages.unreadableList("intervals", intervals, where()), field: "firstYear" };
      for (const piece of pieces) {
        const ends = piece.split(",").map((text) => text.trim());
        if (ends.length !== 2) return { problem: gexfTimeMessages.unreadableList("intervals", intervals, where()), field: "firstYear" };
        const span = this.span(["intervals", ends[0], false], ["intervals", ends[1], false], where);
        if ("problem" in span) return span;
        spans.push(span);
      }
    }
    return { spans };
  }

  /** The years from one bound to the other: each a name, its text and whether it is exclusive. */
  private span(from: BoundText, to: BoundText, where: Where): YearSpan | TimeProblem {
    const first = this.bound(...from, true, where);
    const last = this.bound(...to, false, where);
    if ("problem" in first) return first;
    if ("problem" in last) return last;
    const span = { first: "year" in first ? first.year : undefined, last: "year" in last ? last.year : undefined };
    if (span.first !== undefined && span.last !== undefined && span.first > span.last) return { problem: gexfTimeMessages.noYear(where()), field: "lastYear" };
    return span;
  }

  /** A time that is one instant: a span of its one year. */
  private instant(name: string, text: string, where: Where): YearSpan | TimeProblem {
    const at = this.bound(name, text, false, true, where);
    if ("problem" in at) return at;
    if ("open" in at) return { problem: gexfTimeMessages.notATime(name, text, this.format, where()), field: "firstYear" };
    return { first: at.year, last: at.year };
  }

  /** A bound's year; `exclusive` for startopen and endopen. An absent or infinite bound is open. */
  private bound(name: string, text: string | undefined, exclusive: boolean, isStart: boolean, where: Where): Bound {
    if (text === undefined || text === "" || INFINITE.test(text)) return { open: true };
    const field = isStart ? "firstYear" : "lastYear";
    if (this.kind === "date") return this.dateBound(name, text, exclusive, isStart, where);
    const pattern = this.kind === "integer" ? INTEGER : DOUBLE;
    if (!pattern.test(text)) return { problem: gexfTimeMessages.notATime(name, text, this.format, where()), field };
    const time = Number(text);
    let year: number;
    if (this.kind === "integer") year = exclusive ? time + (isStart ? 1 : -1) : time;
    // Instants just after a double lie in the year of its integer part; just before, in the year
    // before when it is whole (…, 2010.0) and in its own otherwise (…, 2010.5).
    else year = exclusive && !isStart ? Math.ceil(time) - 1 : Math.floor(time);
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return { problem: gexfTimeMessages.notAYear(name, text, where()), field };
    return { year };
  }

  private dateBound(name: string, text: string, exclusive: boolean, isStart: boolean, where: Where): Bound {
    const field = isStart ? "firstYear" : "lastYear";
    const parts = DATE.exec(text);
    if (parts === null) return { problem: gexfTimeMessages.notATime(name, text, this.format, where()), field };
    const [, yearText, month, day, time] = parts;
    if ((month !== undefined && !inRange(month, 1, 12)) || (day !== undefined && !inRange(day, 1, 31))) {
      return { problem: gexfTimeMessages.notATime(name, text, this.format, where()), field };
    }
    const year = Number(yearText);
    if (year < FIRST_YEAR) return { problem: gexfTimeMessages.notAYear(name, text, where()), field };
    if (!exclusive) return { year };
    if (day === undefined) return { problem: gexfTimeMessages.openBoundOnPartialDate(name, text, where()), field };
    // A dateTime has no last instant in a year, but its first (Jan 1, 00:00) ends the year before.
    const newYear = month === "01" && day === "01" && (time === undefined || MIDNIGHT.test(time));
    const newYearsEve = month === "12" && day === "31" && time === undefined;
    if (isStart) return { year: newYearsEve ? year + 1 : year };
    return { year: newYear ? year - 1 : year };
  }
}

const INTEGER = /^[+-]?\d+$/;
// xs:double's lexical form, less INF and NaN.
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INFINITE = /^[+-]?(inf|infinity)$/i;
// A date, a dateTime, or NetworkX's partial dates; then an optional time zone.
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?)?)?(?:Z|[+-]\d{2}:\d{2})?$/;
const MIDNIGHT = /^00:00(:00(\.0+)?)?$/;

function inRange(text: string, low: number, high: number): boolean {
  const value = Number(text);
  return value >= low && value <= high;
}

/**
 * The bracketed pieces of a GEXF 1.3 list (`<[2001, 2003]>`, `[2001, 2002]; [2005, 2006]`), or
 * undefined when the text holds anything else.
 */
function listPieces(text: string): string[] | undefined {
  const inner = text.trim().replace(/^<(.*)>$/s, "$1");
  const pieces: string[] = [];
  const rest = inner.replace(/\[([^[\]]*)\]/g, (_match, piece: string) => {
    pieces.push(piece);
    return "";
  });
  return pieces.length > 0 && /^[\s;,]*$/.test(rest) ? pieces : undefined;
}
