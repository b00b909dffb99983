/**
 * An OMML equation (`m:oMath`) as a line of text: what a reader says aloud, fractions as a/b, powers as a^b.
 * A report's equations are a rate or a sum at most; the layout is lost, the characters are not.
 */
import { elements, first, type XmlElement } from "./xml.js";

export function mathText(el: XmlElement): string {
  switch (el.name) {
    case "m:t":
      return el.children.map((c) => (typeof c === "string" ? c : "")).join("");
    case "m:f":
      return `${group(first(el, "m:num"))}/${group(first(el, "m:den"))}`;
    case "m:sSup":
      return `${inner(first(el, "m:e"))}^${group(first(el, "m:sup"))}`;
    case "m:sSub":
      return `${inner(first(el, "m:e"))}_${group(first(el, "m:sub"))}`;
    case "m:sSubSup":
      return `${inner(first(el, "m:e"))}_${group(first(el, "m:sub"))}^${group(first(el, "m:sup"))}`;
    case "m:rad":
      return `√${group(first(el, "m:e"))}`;
    case "m:d": {
      const pr = first(el, "m:dPr");
      const open = first(pr, "m:begChr")?.attrs["m:val"] ?? "(";
      const close = first(pr, "m:endChr")?.attrs["m:val"] ?? ")";
      const sep = first(pr, "m:sepChr")?.attrs["m:val"] ?? ",";
      return `${open}${elements(el, "m:e").map(inner).join(sep)}${close}`;
    }
    case "m:nary": {
      const chr = first(first(el, "m:naryPr"), "m:chr")?.attrs["m:val"] ?? "∫";
      const sub = first(el, "m:sub");
      const sup = first(el, "m:sup");
      return `${chr}${sub && inner(sub) ? `_${group(sub)}` : ""}${sup && inner(sup) ? `^${group(sup)}` : ""} ${inner(first(el, "m:e"))}`;
    }
    default:
      // Properties say how it looks, not what it says.
      if (el.name.endsWith("Pr")) return "";
      return inner(el);
  }
}

function inner(el: XmlElement | undefined): string {
  return el ? elements(el).map(mathText).join("") : "";
}

/** One symbol as is, more in brackets, so that a/b+c stays a/(b+c). */
function group(el: XmlElement | undefined): string {
  const text = inner(el);
  return [...text].length <= 1 || /^[\p{L}\p{N},.]+$/u.test(text) ? text : `(${text})`;
}
