/** Paragraph and character styles as far as import cares: a name, bold, an outline level, a numbering, followed through basedOn. */
import { elements, first, isOn, type XmlElement } from "./xml.js";

export interface StyleFacts {
  name: string;
  bold?: boolean;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

interface RawStyle {
  name: string;
  basedOn?: string;
  bold?: boolean;
  outline?: number;
  numId?: string;
  ilvl?: number;
}

export class Styles {
  private readonly raw = new Map<string, RawStyle>();
  private readonly resolved = new Map<string, StyleFacts>();
  private defaultParagraph?: string;

  constructor(root?: XmlElement) {
    if (!root) return;
    for (const s of elements(root, "w:style")) {
      const id = s.attrs["w:styleId"];
      if (!id) continue;
      const pPr = first(s, "w:pPr");
      const numPr = first(pPr, "w:numPr");
      const outline = first(pPr, "w:outlineLvl")?.attrs["w:val"];
      const ilvl = first(numPr, "w:ilvl")?.attrs["w:val"];
      this.raw.set(id, {
        name: first(s, "w:name")?.attrs["w:val"] ?? id,
        basedOn: first(s, "w:basedOn")?.attrs["w:val"],
        bold: isOn(first(first(s, "w:rPr"), "w:b")),
        outline: outline === undefined ? undefined : Number(outline),
        numId: first(numPr, "w:numId")?.attrs["w:val"],
        ilvl: ilvl === undefined ? undefined : Number(ilvl),
      });
      const isDefault = s.attrs["w:default"] === "1" || s.attrs["w:default"] === "true" || s.attrs["w:default"] === "on";
      if (s.attrs["w:type"] === "paragraph" && isDefault) this.defaultParagraph = id;
    }
  }

  facts(id: string | undefined): StyleFacts {
    const key = id ?? this.defaultParagraph ?? "";
    const hit = this.resolved.get(key);
    if (hit) return hit;
    const chain: RawStyle[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = key; at && !seen.has(at); at = this.raw.get(at)?.basedOn) {
      seen.add(at);
      const s = this.raw.get(at);
      if (s) chain.push(s);
    }
    const pick = <K extends keyof RawStyle>(k: K) => chain.find((s) => s[k] !== undefined)?.[k];
    const facts: StyleFacts = {
      name: chain[0]?.name ?? key,
      bold: pick("bold") as boolean | undefined,
      outline: pick("outline") as number | undefined,
      numId: pick("numId") as string | undefined,
      ilvl: pick("ilvl") as number | undefined,
    };
    this.resolved.set(key, facts);
    return facts;
  }
}

/** A heading by its style: Word's "heading 1", LibreOffice's "Heading 1", a localised "Tiêu đề 1", or any outline level. */
export function isHeadingStyle(f: StyleFacts): boolean {
  if (f.outline !== undefined && f.outline >= 0 && f.outline <= 8) return true;
  return /^(heading|tiêu đề|titre|überschrift)\s*\d/i.test(f.name);
}
