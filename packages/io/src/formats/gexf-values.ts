/**
 * A GEXF attribute value read by its declared type, by the rules of graphology-gexf 0.13's reader
 * (common/helpers.js), which linkscale read GEXF with until issue 20, so that files read the same:
 * - `integer`, `long`, `float`, `double`, `byte`, `short`: a number (`+text`, so "" is 0 and
 *   "abc" is NaN, which the checks then reject);
 * - `boolean`: true for "true", false for anything else;
 * - `string` and any type GEXF does not define (`date`, `anyURI`…): the text as it is;
 * - GEXF 1.3's lists (`liststring`, `listinteger`…): an array of values of the element type,
 *   written `[a, "b, c", 'd']` (quotes keep commas; `\n`, `\t`, `\r`, `\\` are escapes), or with
 *   `|` or `,` between the values, as GEXF 1.2 files do.
 */

const NUMERIC_TYPES = new Set(["byte", "short", "integer", "long", "float", "double"]);
const PIPE_SEPARATOR = /\s*\|\s*/;
const COMMA_SEPARATOR = /\s*,\s*/;

export function gexfValue(type: string, text: string): unknown {
  if (!type.startsWith("list")) return scalarValue(type, text);
  const elementType = type.slice(4);
  let pieces: string[];
  if (text.length >= 2 && text.startsWith("[") && text.endsWith("]")) pieces = bracketedListPieces(text.slice(1, -1));
  else if (text.includes("|")) pieces = text.split(PIPE_SEPARATOR);
  else if (text.includes(",")) pieces = text.split(COMMA_SEPARATOR);
  else pieces = [text];
  return pieces.map((piece) => scalarValue(elementType, piece));
}

function scalarValue(type: string, text: string): unknown {
  if (type === "boolean") return text === "true";
  if (NUMERIC_TYPES.has(type)) return +text;
  return text;
}

const ESCAPES: Readonly<Record<string, string>> = { n: "\n", t: "\t", r: "\r", "\\": "\\" };

/**
 * The values of `a, "b, c", 'd\n'`: graphology-gexf's state machine, kept step for step (an
 * unquoted value ends at a comma, a quoted one at its quote; empty unquoted values are dropped).
 */
function bracketedListPieces(text: string): string[] {
  const pieces: string[] = [];
  let piece: string | undefined;
  let inPiece = false;
  let escaping = false;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (!inPiece) {
      if (/^\s$/.test(char)) continue;
      if (char === ",") {
        if (piece !== undefined) pieces.push(piece);
        piece = undefined;
        continue;
      }
      if (char === '"' || char === "'") {
        quote = char;
      } else {
        quote = "";
        i--; // the character begins the value: read it again, inside
      }
      inPiece = true;
      escaping = false;
      continue;
    }
    piece ??= "";
    if (quote === "" && char === ",") {
      i--; // the comma ends the value: read it again, outside
      inPiece = false;
      continue;
    }
    if (!escaping && char === quote) {
      inPiece = false;
      continue;
    }
    if (char === "\\") {
      const escaped = ESCAPES[text.charAt(i + 1)];
      if (escaped !== undefined) {
        piece += escaped;
        escaping = false;
        i++;
        continue;
      }
      escaping = true;
    } else {
      piece += char;
      escaping = false;
    }
  }
  if (piece !== undefined) pieces.push(piece);
  return pieces;
}
