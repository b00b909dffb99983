/**
 * Paragraph and character styles as far as import cares: a name, bold, capitals, an outline level, a
 * numbering, the alignment and drawn borders, followed through basedOn.
 */
import { elements, first, isOn, type XmlElement } from "./xml.js";

export interface StyleFacts {
  name: string;
  bold?: boolean;
  /** `w:caps` or `w:smallCaps`: shown in capitals whatever was typed. */
  caps?: boolean;
  outline?: number;
  numId?: string;
  ilvl?: number;
  align?: string;
  /** A border drawn under (`below`) or over (`above`) the paragraph. */
  borderBelow?: boolean;
  borderAbove?: boolean;
  pageBreakBefore?: boolean;
}

interface RawStyle extends StyleFacts {
  basedOn?: string;
}

/** A border that is drawn: present and not `none`/`nil`. */
export function drawnBorder(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs["w:val"];
  return !(v === "none" || v === "nil");
}

/** The facts a `w:pPr`/`w:rPr` pair states itself (undefined where it says nothing). */
export function ownFacts(pPr: XmlElement | undefined, rPr: XmlElement | undefined): StyleFacts {
  const numPr = first(pPr, "w:numPr");
  const outline = first(pPr, "w:outlineLvl")?.attrs["w:val"];
  const ilvl = first(numPr, "w:ilvl")?.attrs["w:val"];
  const borders = first(pPr, "w:pBdr");
  const caps = isOn(first(rPr, "w:caps")) ?? isOn(first(rPr, "w:smallCaps"));
  return {
    name: "",
    bold: isOn(first(rPr, "w:b")),
    caps,
    outline: outline === undefined ? undefined : Number(outline),
    numId: first(numPr, "w:numId")?.attrs["w:val"],
    ilvl: ilvl === undefined ? undefined : Number(ilvl),
    align: first(pPr, "w:jc")?.attrs["w:val"],
    borderBelow: drawnBorder(first(borders, "w:bottom")),
    borderAbove: drawnBorder(first(borders, "w:top")),
    pageBreakBefore: isOn(first(pPr, "w:pageBreakBefore")),
  };
}

export class Styles {
  private readonly raw = new Map<string, RawStyle>();
  private readonly resolved = new Map<string, StyleFacts>();
  private defaultParagraph?: string;
  private defaults: StyleFacts = { name: "" };

  constructor(root?: XmlElement) {
    if (!root) return;
    const docDefaults = first(root, "w:docDefaults");
    this.defaults = ownFacts(first(first(docDefaults, "w:pPrDefault"), "w:pPr"), first(first(docDefaults, "w:rPrDefault"), "w:rPr"));
    for (const s of elements(root, "w:style")) {
      const id = s.attrs["w:styleId"];
      if (!id) continue;
      this.raw.set(id, {
        ...ownFacts(first(s, "w:pPr"), first(s, "w:rPr")),
        name: first(s, "w:name")?.attrs["w:val"] ?? id,
        basedOn: first(s, "w:basedOn")?.attrs["w:val"],
      });
      const isDefault = s.attrs["w:default"] === "1" || s.attrs["w:default"] === "true" || s.attrs["w:default"] === "on";
      if (s.attrs["w:type"] === "paragraph" && isDefault) this.defaultParagraph = id;
    }
  }

  /** A paragraph style's facts (the default paragraph style when `id` is undefined). */
  facts(id: string | undefined): StyleFacts {
    return this.chain(id ?? this.defaultParagraph ?? "", true);
  }

  /** A character style's own facts, without the document defaults (the paragraph's style comes between). */
  characterFacts(id: string): StyleFacts {
    return this.chain(id, false);
  }

  private chain(key: string, withDefaults: boolean): StyleFacts {
    const cacheKey = `${withDefaults ? "p" : "c"}:${key}`;
    const hit = this.resolved.get(cacheKey);
    if (hit) return hit;
    const chain: StyleFacts[] = [];
    const seen = new Set<string>();
    for (let at: string | undefined = key; at && !seen.has(at); at = this.raw.get(at)?.basedOn) {
      seen.add(at);
      const s = this.raw.get(at);
      if (s) chain.push(s);
    }
    if (withDefaults) chain.push(this.defaults);
    const pick = <K extends keyof StyleFacts>(k: K): StyleFacts[K] => chain.find((s) => s[k] !== undefined)?.[k] as StyleFacts[K];
    const facts: StyleFacts = {
      name: chain[0]?.name || key,
      bold: pick("bold"),
      caps: pick("caps"),
      outline: pick("outline"),
      numId: pick("numId"),
      ilvl: pick("ilvl"),
      align: pick("align"),
      borderBelow: pick("borderBelow"),
      borderAbove: pick("borderAbove"),
      pageBreakBefore: pick("pageBreakBefore"),
    };
    this.resolved.set(cacheKey, facts);
    return facts;
  }
}

/** A heading by its style: Word's "heading 1", LibreOffice's "Heading 1", a localised "Tiêu đề 1", or any outline level. */
export function isHeadingStyle(f: StyleFacts): boolean {
  if (f.outline !== undefined && f.outline >= 0 && f.outline <= 8) return true;
  return /^(heading|tiêu đề|titre|überschrift)\s*\d/i.test(f.name);
}
