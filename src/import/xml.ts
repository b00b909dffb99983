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
};

function qualified(uri: string, local: string): string {
  if (!uri) return local;
  return `${PREFIX[uri] ?? uri}:${local}`;
}

export class XmlError extends Error {}

/** Deeper than any Word file nests (tables in tables stay under 40); the readers that walk the tree recurse. */
export const MAX_DEPTH = 256;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let failure: Error | undefined;
  parser.on("error", (err) => {
    failure ??= err;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      attrs[qualified(a.uri, a.local)] = a.value;
    }
    if (stack.length > MAX_DEPTH) {
      failure ??= new Error(`lồng sâu quá ${MAX_DEPTH} cấp`);
      return;
    }
    const el: XmlElement = { name: qualified(tag.uri, tag.local), attrs, children: [] };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => {
    if (failure) return;
    stack.pop();
  });
  parser.on("text", (t) => {
    stack[stack.length - 1].children.push(t);
  });
  parser.on("cdata", (t) => {
    stack[stack.length - 1].children.push(t);
  });
  parser.write(text).close();
  if (failure) throw new XmlError(failure.message);
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new XmlError("không có phần tử gốc");
  return top;
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
