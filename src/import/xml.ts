/**
 * A small element tree from saxes, a strict, well-kept XML parser: it rejects malformed XML (a corrupt
 * part is refused, not half read) and expands no entities a DOCTYPE could declare, so no entity bomb and no
 * external file. Names are reduced to a fixed prefix per namespace, whatever prefix the file chose.
 */
import { SaxesParser } from "saxes";

export interface XmlElement {
  /** `w:p`, `w:t`, `r:id`: the namespace's fixed prefix and the local name. */
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const PREFIX: Record<string, string> = {
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
  "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
  "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "http://schemas.openxmlformats.org/package/2006/relationships": "pr",
  "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
  "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
  "http://schemas.openxmlformats.org/drawingml/2006/main": "a",
  "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup": "wpg",
  "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas": "wpc",
  "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
  "urn:schemas-microsoft-com:vml": "v",
  "urn:schemas-microsoft-com:office:office": "o",
  "urn:schemas-microsoft-com:office:word": "w10",
  "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
  "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
  "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "op",
  "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
};

function qualified(uri: string, local: string): string {
  if (!uri) return local;
  return `${PREFIX[uri] ?? uri}:${local}`;
}

/** A part that is not well-formed XML: the parser's own reason, and where in the part it stopped. */
export class XmlError extends Error {
  constructor(
    readonly reason: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? reason : `dòng ${line}, cột ${column}: ${reason}`);
  }
}

/** Deeper than any Word file nests (tables in tables stay under 40); the readers that walk the tree recurse. */
export const MAX_DEPTH = 256;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  // The first error ends the reading: read on, a broken tag leaves every later one open, and the part
  // would be refused for its depth instead of for what is wrong with it.
  parser.on("error", (err) => {
    throw new XmlError(err.message.replace(/^\d+:\d+: /, ""), parser.line, parser.column);
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      attrs[qualified(a.uri, a.local)] = a.value;
    }
    // Stop here: read on, saxes would resolve each deeper tag's namespace through every open tag (quadratic).
    if (stack.length > MAX_DEPTH) throw new XmlError(`lồng sâu quá ${MAX_DEPTH} cấp`, parser.line, parser.column);
    const el: XmlElement = { name: qualified(tag.uri, tag.local), attrs, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (t) => {
    stack[stack.length - 1].children.push(t);
  });
  parser.on("cdata", (t) => {
    stack[stack.length - 1].children.push(t);
  });
  parser.write(text).close();
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new XmlError("không có phần tử gốc");
  return top;
}

/** Every descendant named `name`, in document order, not looking inside a match. */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

export function elements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function first(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** The text content of an element, as XML gives it (w:t keeps its spaces). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/** A w: on/off property (`<w:b/>`, `<w:b w:val="0"/>`): present and not switched off. */
export function isOn(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs["w:val"];
  return !(v === "0" || v === "false" || v === "off" || v === "none");
}
