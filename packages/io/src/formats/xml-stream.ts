/**
 * One pass over a GEXF or GraphML text with a streaming (SAX) parser, saxes: elements reach the
 * format's reader one at a time, with their attributes and the line and column where they start,
 * and no document tree is built. Reading then takes memory in proportion to what the reader keeps
 * (the network), not to the file: a DOM of Horizon 2020's 231 MB GEXF took over 10 GB.
 *
 * saxes holds the file to XML 1.0 (matching tags, one root, quoted attribute values, known
 * entities) and the walk stops at the first fault, returned as a message naming where it is: a
 * broken or truncated file is refused, never read in part. The root element is checked as soon as
 * it opens, and a file with no `<graph>` is refused at its end, since both formats hold the
 * network in one. Namespaces are not processed: names are matched as written (`node`,
 * `viz:color`), and a prefix no `xmlns` declares is read rather than refused, as Gephi's readers
 * do. A DOCTYPE may be there, but its entity declarations are not read: an entity it declares is
 * refused where it is used, so nothing expands (no "billion laughs") and no external file is read.
 *
 * Positions count lines from 1 and columns from 1 as editors do, in JavaScript characters (UTF-16
 * code units: a character beyond the Basic Multilingual Plane counts two); a byte-order mark is
 * not counted.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { xmlMessages } from "./xml.ts";

export interface XmlElementStart {
  /** As written, prefix included: `viz:color`. */
  readonly name: string;
  /** The element's own: they may be kept. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Where the element's `<` is: 1-based line and column, found when asked. */
  readonly line: number;
  readonly column: number;
  /** 0 for the root, 1 for its children, and so on. */
  readonly depth: number;
}

export interface XmlVisitor {
  /**
   * An element opens. Returning true asks for its text content (all the text inside it). The
   * `element` object serves every element in turn (millions of them in a large file), so read
   * from it here rather than keep it.
   */
  open(element: XmlElementStart): boolean;
  /** The element opened last closes; `text` is its text content when `open` asked for it, else "". */
  close(name: string, text: string): void;
}

export interface XmlDocumentKind {
  /** As messages name it: "GEXF". */
  format: string;
  /** The root element's local name: "gexf". */
  root: string;
}

/**
 * The element opening, as the visitor sees it. Where its `<` is, the parser knows only as an
 * offset and the line it was reading then; the line and column are worked out when asked for,
 * which the readers do for nodes and edges only.
 */
class OpeningElement implements XmlElementStart {
  name = "";
  attributes: Readonly<Record<string, string>> = {};
  depth = 0;
  offset = 0;
  // The parser's line when it had read the name, and the offset at which that line starts.
  parserLine = 1;
  parserLineStart = 0;
  private located: { line: number; column: number } | undefined;

  constructor(private readonly xml: string) {}

  /** Starts over for the element whose `<` is at `offset`, the parser being on `line` from `lineStart`. */
  begin(offset: number, line: number, lineStart: number): void {
    this.offset = offset;
    this.parserLine = line;
    this.parserLineStart = lineStart;
    this.located = undefined;
  }

  get line(): number {
    return this.locate().line;
  }

  get column(): number {
    return this.locate().column;
  }

  private locate(): { line: number; column: number } {
    return (this.located ??= positionBefore(this.xml, this.offset, this.parserLine, this.parserLineStart));
  }
}

/** Thrown inside the walk to stop saxes at the first fault; never leaves `walkXml`. */
class Refusal {
  constructor(readonly message: string) {}
}

const BYTE_ORDER_MARK = 0xfeff;
const GREATER_THAN = 0x3e;
const LESS_THAN = 0x3c;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Walks the whole of `text`, handing each element to `visitor`. Returns why the file is refused,
 * or undefined once it has been read to its end.
 */
export function walkXml(text: string, { format, root }: XmlDocumentKind, visitor: XmlVisitor): string | undefined {
  // A sliced string shares the text's memory; without the mark, line 1 counts as an editor shows it.
  const xml = text.charCodeAt(0) === BYTE_ORDER_MARK ? text.slice(1) : text;
  const parser = new SaxesParser({ xmlns: false, position: true });
  // The open elements: names, and where each starts (an offset into `xml`), for the messages.
  const openNames: string[] = [];
  const openOffsets: number[] = [];
  // Per open element, where its text starts in `collected`, or -1 when its text was not asked for.
  const textStarts: number[] = [];
  let collecting = 0;
  let collected = "";
  let sawRoot = false;
  let sawGraph = false;
  const element = new OpeningElement(xml);

  /** The line and column of an offset at or shortly before the parser's position. */
  const positionOf = (offset: number) => positionBefore(xml, offset, parser.line, parser.position - parser.columnIndex);
  const refuse = (message: string): never => {
    throw new Refusal(message);
  };
  const appendText = (chunk: string) => {
    collected += chunk;
  };

  parser.on("opentagstart", (tag) => {
    // saxes tells of an element once it has read its name, and the character after it.
    element.begin(lastTagStart(xml, parser.position), parser.line, parser.position - parser.columnIndex);
    if (openNames.length > 0) return;
    if (sawRoot) refuse(xmlMessages.secondRoot(element.line, element.column, tag.name));
    sawRoot = true;
    const local = tag.name.slice(tag.name.indexOf(":") + 1);
    if (local !== root) refuse(xmlMessages.wrongRoot(format, root, local));
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    if (tag.name === "graph") sawGraph = true;
    element.name = tag.name;
    element.attributes = tag.attributes;
    element.depth = openNames.length;
    const wantsText = visitor.open(element);
    openNames.push(tag.name);
    openOffsets.push(element.offset);
    if (wantsText) {
      textStarts.push(collected.length);
      if (collecting++ === 0) parser.on("text", appendText);
    } else {
      textStarts.push(-1);
    }
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    // saxes closes the innermost open element whatever name the end tag gives, and only then
    // complains; the name is checked here first, so that the message names both.
    if (!tag.isSelfClosing) {
      const endTag = lastTagStart(xml, parser.position);
      if (!endTagCloses(xml, endTag, tag.name)) {
        const { line, column } = positionOf(endTag);
        refuse(xmlMessages.unexpectedEndTag(line, column, endTagName(xml, endTag), tag.name));
      }
    }
    openNames.pop();
    openOffsets.pop();
    const textStart = textStarts.pop() as number;
    let text = "";
    if (textStart >= 0) {
      text = collected.slice(textStart);
      if (--collecting === 0) {
        parser.off("text");
        collected = "";
      }
    }
    visitor.close(tag.name, text);
  });
  parser.on("cdata", (data) => {
    if (collecting > 0) collected += data;
  });
  parser.on("error", (error) => refuse(describeFault(error.message)));

  /** saxes's complaint ("3:7: undefined entity.") as one of ours, placed where the fault starts. */
  function describeFault(complaint: string): string {
    const problem = complaint.replace(/^\d+:\d+: /, "").replace(/\.$/, "");
    const last = Math.max(0, parser.position - 1);
    if (problem.startsWith("unclosed tag")) {
      const { line, column } = lineAndColumnAt(xml, openOffsets[openOffsets.length - 1] ?? 0);
      return xmlMessages.unclosedElement(openNames[openNames.length - 1] ?? "", line, column);
    }
    if (problem === "document must contain a root element") return xmlMessages.noRoot();
    if (problem.startsWith("unmatched closing tag")) {
      const endTag = xml.lastIndexOf("</", last);
      const { line, column } = positionOf(endTag);
      return xmlMessages.unexpectedEndTag(line, column, endTagName(xml, endTag), undefined);
    }
    if (problem.includes("entity")) {
      // saxes says so after the ";"; the message points at the "&".
      const ampersand = xml.lastIndexOf("&", last);
      const { line, column } = positionOf(ampersand);
      if (problem !== "undefined entity") return xmlMessages.syntax(line, column, problem);
      return xmlMessages.undefinedEntity(line, column, xml.slice(ampersand + 1, xml.indexOf(";", ampersand)));
    }
    if (problem === "text data outside of root node") {
      // saxes says so at the end of the text; the message points at where the text begins.
      const textStart = xml.lastIndexOf(">", last) + 1;
      const { line, column } = lineAndColumnAt(xml, textStart + (/^\s*/.exec(xml.slice(textStart, last + 1))?.[0].length ?? 0));
      return xmlMessages.textOutsideRoot(line, column);
    }
    const { line, column } = positionOf(last);
    return xmlMessages.syntax(line, column, problem);
  }

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof Refusal) return error.message;
    throw error;
  }
  return sawGraph ? undefined : xmlMessages.noGraph(format, root);
}

/**
 * The line and column of `offset`, at or shortly before the point where a parser is on `line`,
 * which starts at `lineStart`: found by stepping back over line breaks (CR LF counts once).
 */
function positionBefore(xml: string, offset: number, line: number, lineStart: number): { line: number; column: number } {
  while (offset < lineStart && lineStart > 0) {
    let lineBreak = lineStart - 1;
    if (xml.charCodeAt(lineBreak) === LINE_FEED && xml.charCodeAt(lineBreak - 1) === CARRIAGE_RETURN) lineBreak--;
    lineStart = lineBreak;
    while (lineStart > 0 && !isLineBreak(xml.charCodeAt(lineStart - 1))) lineStart--;
    line--;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The offset of the last `<` before `position`: the start of the tag the parser has just read,
 * a few characters back, since neither a name nor the space or `>` after it holds a `<`. A loop
 * rather than lastIndexOf, which V8 runs as a call into its runtime: millions of tags feel it.
 */
function lastTagStart(xml: string, position: number): number {
  let offset = position - 1;
  while (offset > 0 && xml.charCodeAt(offset) !== LESS_THAN) offset--;
  return offset;
}

/** Whether the end tag at `offset` ("</name>", maybe "</name >") gives `name`. */
function endTagCloses(xml: string, offset: number, name: string): boolean {
  return xml.startsWith(name, offset + 2) && endsName(xml.charCodeAt(offset + 2 + name.length));
}

/** The name the end tag at `offset` gives. */
function endTagName(xml: string, offset: number): string {
  let end = offset + 2;
  while (end < xml.length && !endsName(xml.charCodeAt(end))) end++;
  return xml.slice(offset + 2, end);
}

/** `>` or XML white space (space, tab, CR, LF), the characters that can follow an end tag's name. */
function endsName(code: number): boolean {
  return code === GREATER_THAN || code === 0x20 || code === 0x09 || isLineBreak(code);
}

function isLineBreak(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** The line and column of `offset`, counted from the start: for the rare message far from the parser. */
function lineAndColumnAt(xml: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const code = xml.charCodeAt(i);
    // CR LF, a lone CR and a lone LF each end a line, as XML reads them.
    if (code === LINE_FEED || (code === CARRIAGE_RETURN && xml.charCodeAt(i + 1) !== LINE_FEED)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
