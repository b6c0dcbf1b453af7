/**
 * The damage the fuzz suite does to a seed (issue 22): fast-check arbitraries of 1 to 8
 * mutations, and the function that applies them. Mutations are plain data, not closures, so a
 * failing input prints as what was done to which seed, and fast-check can shrink it (fewer
 * mutations, earlier positions, shorter spans, simpler tokens).
 *
 * Two kinds, since each finds what the other misses:
 * - byte-wise: a character replaced or one of its bits flipped, text inserted, a span deleted or
 *   repeated, two lines swapped, a line repeated, the text cut short, or cut short and ended with
 *   a token (a truncated file that stops inside a comment, a DOCTYPE, a quoted field). These
 *   break the syntax, and test how a reader refuses a file it cannot read, and how fast.
 * - value-wise: a whole CSV field, XML attribute value or text, JSON value, Pajek or GML token
 *   or edge list field replaced by a token that hurts parsers, or its letters' case changed.
 *   Given encoded for the format (quoted, escaped), the file stays well-formed and the token
 *   reaches the checks behind the parser: reserved ids, numbers JavaScript reads oddly, CORDIS
 *   codes, lone surrogates. Given raw, it lands where the syntax is most fragile; in JSON, a raw
 *   value that is itself JSON (1e309, a deep array, an object named "__proto__") keeps the file
 *   well-formed and reaches the reader as a number, list or object where text was.
 *
 * Positions and indices are any natural number, taken modulo what the text has, so every
 * mutation applies to every text and shrinks towards its start.
 */
import fc from "fast-check";

export type TextFormat = "csv" | "json" | "xml" | "pajek" | "gml" | "edgelist";

export type Mutation =
  | { kind: "replace-char"; at: number; char: string }
  | { kind: "flip-bit"; at: number; bit: number }
  | { kind: "insert"; at: number; onBoundary: boolean; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; times: number }
  | { kind: "swap-lines"; first: number; second: number }
  | { kind: "duplicate-line"; line: number }
  | { kind: "truncate"; at: number }
  | { kind: "end-with"; at: number; text: string }
  | { kind: "value"; which: number; token: string; encoded: boolean }
  | { kind: "case"; which: number; upper: boolean };

/** Object.prototype's members, which used to break keyed lookups (issue 22, point 1). */
const RESERVED_IDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "prototype"];

/** Texts JavaScript reads as numbers in surprising ways, or refuses to. */
const NUMBER_TOKENS = ["NaN", "Infinity", "-Infinity", "-0", "1e309", "-1e309", "1e-400", "9007199254740993", "0x10", "0b11", "1_000", "+5", ".5", "5.", "1,5", " 7 ", "0.1e", "1e", "-", "00912"];

/** CORDIS's own country and activity codes, and the doubled ones its exports hold. */
const CORDIS_TOKENS = ["UK", "EL", "XK", "KO", "NA", "uk", "Uk", "GB", "UK;EL", "FI;FI", "PRC", "PRC;PRC", "PRC;HES", "prc", "HES", "OTH"];

const UNICODE_TOKENS = [
  "e\u0301", // e and a combining acute accent
  "\u0301\u0302\u0303\u0304", // combining marks with nothing to combine with
  "\uD800", // a lone high surrogate
  "\uDC00", // a lone low surrogate
  "\uDC00\uD800", // a pair in the wrong order
  "\u202Eevil\u202C", // right-to-left override
  "\u200F\u05E9\u05DC\u05D5\u05DD", // RTL mark and Hebrew
  "\u0645\u0631\u062D\u0628\u0627", // Arabic
  "\u200B", // zero-width space
  "\u2028\u2029", // JavaScript's line and paragraph separators
  "\uFFFE",
  "\uFFFF",
  "\u{1D518}", // outside the BMP
  "\u{10FFFF}",
  "Ｍüller", // fullwidth M
];

const CONTROL_TOKENS = ["\u0000", "\uFEFF", "\u001b[31m", "\u0007", "\u0008", "\u007F", "\u0085"];

/** Tokens from the brief of issue 22, useful against every format. */
const COMMON_TOKENS = [
  "",
  " ",
  '"',
  '""',
  ",",
  ";",
  "\t",
  "|",
  "\n",
  "\r\n",
  "\r",
  "<",
  ">",
  "&amp;",
  "&#0;",
  "<![CDATA[",
  "]]>",
  "<!ENTITY",
  "<!DOCTYPE",
  "<edge>",
  "<node>",
  "*Vertices 999999999999",
  "*Edges",
  "*Arcs",
  ...RESERVED_IDS,
  ...NUMBER_TOKENS,
  ...CORDIS_TOKENS,
  ...UNICODE_TOKENS,
  ...CONTROL_TOKENS,
];

/** Tokens each format's syntax gives a meaning to. */
const FORMAT_TOKENS: Readonly<Record<TextFormat, readonly string[]>> = {
  csv: ['"a,b"', '"a\nb"', 'a"b', '"unclosed', "id", "ID", "source", "target", "project", "org", "rcn", "pic", "projectID", "organisationID", "geolocation", "50.1,8.6", "50.1", "lat,lon,x", "True", "False"],
  json: ["{", "}", "[", "]", ":", "null", "true", "false", "[]", "{}", '{"key":"a"}', '{"key":"__proto__"}', '{"__proto__":{"polluted":1}}', '{"source":"a","target":"a"}', '"\\ud800"', '"\\u0000"', "1e309", "-0"],
  xml: [
    "&lt;",
    "&quot;",
    "&#x1F;",
    "&#1114112;",
    "&nbsp;",
    "&undefined;",
    "<![CDATA[x]]>",
    '<!ENTITY a "b">',
    '<!DOCTYPE gexf [<!ENTITY a "&#38;#60;">]>',
    "<!-- -->",
    '<?xml version="1.0"?>',
    '<node id="n0"/>',
    '<node id="x"><node id="y"/></node>',
    '<edge source="a" target="b"/>',
    '<edge source="a" target="b"><edge source="b" target="a"/></edge>',
    '<edge><node id="z"/></edge>',
    '<attvalue for="0" value="x"/>',
    '<data key="d0">1</data>',
    '<key id="d99" for="all" attr.name="x" attr.type="int"><default>zz</default></key>',
    '<key id="__proto__" for="node" attr.name="__proto__" attr.type="string"/>',
    '<attribute id="9" title="constructor" type="liststring"/>',
    "</graph>",
    "</edge>",
    'id="dup"',
  ],
  pajek: ["*Vertices 3", "*Vertices", "*Vertices -1", "*Vertices 2 1", "*Edgeslist", "*Arcslist", "*Matrix", "*Network x", "% comment", "1 2", "1 2 3", "1 1", '1 "unclosed', '1 ""', "0", "-1", "2147483648", "1 2 1e309", "1 2 NaN"],
  gml: ["[", "]", "graph [", "node [ id 0 ]", "node [ id 0 label \"a\" ]", "edge [ source 0 target 0 ]", "edge [ source 0 target 99 ]", "directed 1", "multigraph 1", "id", "label", "source", "target", "graphics [ x 1 y 2 ]", "+INF", "-INF", "NAN", "&#1114112;", "&#0;", "&bogus;", "&#x41;", "# comment", "1e400", "_key", "9key"],
  edgelist: ["a a", "a b", "a b 1 2", "a b {'weight': 2.5}", '{"weight": 1}', "{}", "#", "# a b", "a\tb", "a b -0", "a b 1e309", "a b NaN", "a b 0x10", "a b .", "\u00a0"],
};

const LONG = 10_000;
const DEEP = LONG / 2;

/** JSON values that are hostile as values: put raw in place of a JSON value, the file stays JSON. */
const JSON_VALUES = [
  "1e309", // read as Infinity
  "-0",
  "9007199254740993", // past 2^53: read as ...992
  "1e-400", // read as 0
  "null",
  "true",
  "[]",
  "{}",
  '[1,"a",null]',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '"\\ud800"', // a lone surrogate, escaped as JSON allows
  "[".repeat(DEEP) + "]".repeat(DEEP), // deep enough to overflow a recursive walk
  '{"a":'.repeat(DEEP) + "1" + "}".repeat(DEEP),
];

/** Very long texts, built once: generating them through fast-check would make shrinking slow. */
const LONG_TOKENS = [
  "x".repeat(LONG),
  "9".repeat(LONG),
  "e\u0301".repeat(LONG / 2),
  '"'.repeat(LONG),
  ",".repeat(LONG),
  "\n".repeat(LONG),
  "[]".repeat(LONG / 2),
  "\uD800".repeat(LONG),
  // Deep nesting, for the parsers that recurse.
  "[".repeat(LONG / 2) + "]".repeat(LONG / 2),
  '{"a":'.repeat(LONG / 5) + "1" + "}".repeat(LONG / 5),
  "<node>".repeat(LONG / 13) + "</node>".repeat(LONG / 13),
  "<edge>".repeat(LONG / 13) + "</edge>".repeat(LONG / 13),
  "1 2\n".repeat(LONG / 4),
  // Constructs opened and never closed, their body a long run of what their grammar repeats or
  // nests: the inputs on which a backtracking regex over the syntax takes exponential time. They
  // are unclosed only where the file ends with them ("end-with"); elsewhere a later ">" or quote
  // closes them.
  "<!--" + "-".repeat(LONG),
  "<![CDATA[" + "]".repeat(LONG),
  "<!DOCTYPE x " + "[]".repeat(LONG / 2),
  "<!DOCTYPE x [" + "<!ENTITY a 'b'>".repeat(LONG / 15),
  "<?x " + "?".repeat(LONG),
  '<node id="a"' + ' b="c"'.repeat(LONG / 6),
  '"' + 'a""'.repeat(LONG / 3),
  '"' + "\\".repeat(LONG / 2),
  '1 "' + "x".repeat(LONG),
];

/** Any UTF-16 unit, lone surrogates included (fast-check's own units leave those out). */
const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** A token to insert or to put in place of a value. */
export function tokenArbitrary(format: TextFormat): fc.Arbitrary<string> {
  return fc.oneof(
    // Shrinking may swap a token for one of the first list ("" first), not only for the first of
    // its own list: a 10,000-character token then shrinks to a short one when that fails too.
    { withCrossShrink: true },
    { weight: 5, arbitrary: fc.constantFrom(...COMMON_TOKENS) },
    { weight: 4, arbitrary: fc.constantFrom(...FORMAT_TOKENS[format]) },
    { weight: 1, arbitrary: fc.constantFrom(...LONG_TOKENS) },
    { weight: 1, arbitrary: fc.string({ unit: utf16Unit, maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
    { weight: 1, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.bigInt()).map(String) },
  );
}

const position = fc.nat();
const singleChar = fc.oneof(
  fc.constantFrom('"', ",", ";", "\t", "\n", "\r", "\u0000", "\uFEFF", "<", ">", "&", "\uD800", "\uDC00", "*", "%", "[", "]", "{", "}", ":", "=", "/", "\\", " "),
  utf16Unit,
);

export function mutationArbitrary(format: TextFormat): fc.Arbitrary<Mutation> {
  const token = tokenArbitrary(format);
  const spanLength = fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 4096 }));
  return fc.oneof(
    fc.record({ kind: fc.constant("replace-char"), at: position, char: singleChar }),
    fc.record({ kind: fc.constant("flip-bit"), at: position, bit: fc.nat(15) }),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert"), at: position, onBoundary: fc.boolean(), text: token }) },
    fc.record({ kind: fc.constant("delete"), at: position, length: spanLength }),
    fc.record({ kind: fc.constant("duplicate"), at: position, length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant("swap-lines"), first: position, second: position }),
    fc.record({ kind: fc.constant("duplicate-line"), line: position }),
    fc.record({ kind: fc.constant("truncate"), at: position }),
    fc.record({ kind: fc.constant("end-with"), at: position, text: token }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("value"), which: position, token, encoded: fc.boolean() }) },
    fc.record({ kind: fc.constant("case"), which: position, upper: fc.boolean() }),
  );
}

/**
 * Mutations that leave the file well-formed: a value replaced by an encoded token (or in JSON by
 * a hostile JSON value), a value's case changed, and for line-based formats a row repeated or
 * moved (a repeated id, a link given twice). Byte-wise damage alone would stop nine JSON inputs
 * in ten at the parser.
 */
export function wellFormedMutationArbitrary(format: TextFormat): fc.Arbitrary<Mutation> {
  const value = fc.record({ kind: fc.constant("value"), which: position, token: tokenArbitrary(format), encoded: fc.constant(true) });
  const valueCase = fc.record({ kind: fc.constant("case"), which: position, upper: fc.boolean() });
  if (format === "json") {
    const jsonValue = fc.record({ kind: fc.constant("value"), which: position, token: fc.constantFrom(...JSON_VALUES), encoded: fc.constant(false) });
    return fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: jsonValue }, valueCase);
  }
  if (format === "xml" || format === "gml") return fc.oneof({ weight: 4, arbitrary: value }, valueCase);
  return fc.oneof(
    { weight: 4, arbitrary: value },
    valueCase,
    fc.record({ kind: fc.constant("duplicate-line"), line: position }),
    fc.record({ kind: fc.constant("swap-lines"), first: position, second: position }),
  );
}

/** Any mutation, or (half the time) one that keeps the file well-formed. */
export function anyMutationArbitrary(format: TextFormat): fc.Arbitrary<Mutation> {
  return fc.oneof(mutationArbitrary(format), wellFormedMutationArbitrary(format));
}

/**
 * The list of mutations applied to one seed: 1 to 8, as the issue asks. Half the lists keep the
 * file well-formed, so that the checks behind each parser see hostile values too.
 */
export function mutationsArbitrary(format: TextFormat): fc.Arbitrary<Mutation[]> {
  const length = { minLength: 1, maxLength: 8 };
  return fc.oneof(fc.array(mutationArbitrary(format), length), fc.array(wellFormedMutationArbitrary(format), length));
}

export function applyMutations(text: string, mutations: readonly Mutation[], format: TextFormat): string {
  return mutations.reduce((current, mutation) => applyMutation(current, mutation, format), text);
}

// The values a value-wise mutation replaces: a CSV field (quoted or bare), a JSON string, number
// or literal (keys included, which are values to the reader), an XML attribute value or text
// between tags, a Pajek token or quoted label, a GML key, number or string, an edge list's field.
// Regexes, not parsers: the text may be broken.
const VALUE_PATTERNS: Readonly<Record<TextFormat, RegExp>> = {
  csv: /"(?:[^"]|"")*"|[^,;\t|\r\n"]+/g,
  json: /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\b(?:true|false|null)\b/g,
  xml: /(?<==")[^"]*(?=")|(?<=>)[^<]+(?=<)/g,
  pajek: /"[^"\r\n]*"|[^\s"]+/g,
  gml: /"[^"]*"|[^\s"[\]]+/g,
  edgelist: /[^\s#]+/g,
};

/** A token written as the format writes a value, so that the file stays well-formed. */
function encode(token: string, format: TextFormat): string {
  switch (format) {
    case "csv":
      return `"${token.replaceAll('"', '""')}"`;
    case "json":
      return JSON.stringify(token);
    case "xml":
      return token.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
    case "pajek":
      return `"${token.replace(/["\r\n]/g, "")}"`;
    case "gml":
      // A GML string has no escape for its quote; & starts a character reference.
      return `"${token.replaceAll('"', "&#34;")}"`;
    case "edgelist":
      // An edge list's fields are split on blanks, and # starts a comment.
      return token.replace(/[\s#]/g, "") || "_";
  }
}

function applyMutation(text: string, mutation: Mutation, format: TextFormat): string {
  const at = (value: number) => value % (text.length + 1);
  switch (mutation.kind) {
    case "replace-char": {
      const index = at(mutation.at);
      return text.slice(0, index) + mutation.char + text.slice(index + 1);
    }
    case "flip-bit": {
      if (text.length === 0) return text;
      const index = mutation.at % text.length;
      const flipped = String.fromCharCode(text.charCodeAt(index) ^ (1 << mutation.bit));
      return text.slice(0, index) + flipped + text.slice(index + 1);
    }
    case "insert": {
      const index = mutation.onBoundary ? pick(boundaries(text, format), mutation.at) ?? 0 : at(mutation.at);
      return text.slice(0, index) + mutation.text + text.slice(index);
    }
    case "delete": {
      const index = at(mutation.at);
      return text.slice(0, index) + text.slice(index + mutation.length);
    }
    case "duplicate": {
      const index = at(mutation.at);
      const span = text.slice(index, index + mutation.length);
      return text.slice(0, index) + span.repeat(mutation.times + 1) + text.slice(index + mutation.length);
    }
    case "swap-lines": {
      const lines = text.split("\n");
      const first = mutation.first % lines.length;
      const second = mutation.second % lines.length;
      [lines[first], lines[second]] = [lines[second] as string, lines[first] as string];
      return lines.join("\n");
    }
    case "duplicate-line": {
      const lines = text.split("\n");
      const line = mutation.line % lines.length;
      lines.splice(line, 0, lines[line] as string);
      return lines.join("\n");
    }
    case "truncate":
      return text.slice(0, at(mutation.at));
    case "end-with":
      return text.slice(0, at(mutation.at)) + mutation.text;
    case "value":
    case "case": {
      const span = pick([...text.matchAll(VALUE_PATTERNS[format])], mutation.which);
      if (span === undefined) return text;
      const [value] = span;
      let replacement: string;
      if (mutation.kind === "case") replacement = mutation.upper ? value.toUpperCase() : value.toLowerCase();
      else replacement = mutation.encoded ? encode(mutation.token, format) : mutation.token;
      return text.slice(0, span.index) + replacement + text.slice(span.index + value.length);
    }
  }
}

/** Where an inserted token lands on a boundary: after a tag's `>` in XML, else at a line start. */
function boundaries(text: string, format: TextFormat): number[] {
  const found = [0];
  const mark = format === "xml" ? ">" : "\n";
  for (let index = text.indexOf(mark); index >= 0; index = text.indexOf(mark, index + 1)) found.push(index + 1);
  return found;
}

function pick<T>(items: readonly T[], which: number): T | undefined {
  return items.length === 0 ? undefined : items[which % items.length];
}

/** A mutation as a report shows it: tokens of thousands of characters abbreviated. */
export function describeMutation(mutation: Mutation): Mutation {
  const abbreviate = (text: string) => (text.length <= 80 ? text : `${text.slice(0, 24)}… (${text.length} characters)`);
  if (mutation.kind === "insert" || mutation.kind === "end-with") return { ...mutation, text: abbreviate(mutation.text) };
  if (mutation.kind === "value") return { ...mutation, token: abbreviate(mutation.token) };
  return mutation;
}
