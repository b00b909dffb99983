/**
 * Source marks (docs/architecture.md, "Source marks"): where a printed paragraph came from in the data, as
 * the name of a hidden bookmark the DOCX carries. Render puts a mark in front of each string it prints from
 * data, parse lifts it off the text onto the node, the DOCX writer writes it as a bookmark; `review` reads
 * the names back. One format, read and written here.
 */
import { createHash } from "node:crypto";

export const SOURCE_MARKS_FORMAT = "1";

/** Where a paragraph's text is in the data: indices are 0-based, as the Report holds them. */
export type SourcePlace =
  | { kind: "heading"; section: number }
  | { kind: "block"; section: number; block: number; item?: number }
  | { kind: "footnote"; section: number; footnote: number }
  | { kind: "register"; group: number; type: number; doc: number };

export interface SourceMark {
  place: SourcePlace;
  /** textHash of what the string printed. */
  hash: string;
}

/**
 * 8 hex digits of a paragraph's text as a reader sees it, footnote references left out (Word numbers them
 * where they stand) and white space as one space: a reviewed paragraph with the hash its mark carries was
 * not edited, and a built one with another hash has changed in the data since the DOCX was made.
 */
export function textHash(text: string): string {
  return createHash("sha1").update(text.replace(/\s+/g, " ").trim()).digest("hex").slice(0, 8);
}

/** Rendered Markdown of one string (data text escaped, footnotes as [^id]) → its text without footnote references. */
export function markdownText(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])|\[\^[^\]\s]+\]/g, (_m, escaped: string | undefined) => escaped ?? "");
}

export function placeKey(place: SourcePlace): string {
  switch (place.kind) {
    case "heading":
      return `s${place.section}h`;
    case "block":
      return `s${place.section}b${place.block}${place.item === undefined ? "" : `i${place.item}`}`;
    case "footnote":
      return `s${place.section}f${place.footnote}`;
    case "register":
      return `r${place.group}t${place.type}d${place.doc}`;
  }
}

/** `_dvs3b2i1_1a2b3c4d`: under Word's 40 characters; the underscore makes Word list it as hidden. */
export function markName(mark: SourceMark): string {
  return `_dv${placeKey(mark.place)}_${mark.hash}`;
}

const NAME = /^_dv(?:s(\d+)(?:(h)|b(\d+)(?:i(\d+))?|f(\d+))|r(\d+)t(\d+)d(\d+))_([0-9a-f]{8})$/;

/** A bookmark name read back; anything else (Word's own `_GoBack`, a user's bookmark) is undefined. */
export function parseMarkName(name: string): SourceMark | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const n = (s: string | undefined) => Number(s);
  const hash = m[9];
  if (m[6] !== undefined) return { place: { kind: "register", group: n(m[6]), type: n(m[7]), doc: n(m[8]) }, hash };
  const section = n(m[1]);
  if (m[2]) return { place: { kind: "heading", section }, hash };
  if (m[3] !== undefined) return { place: { kind: "block", section, block: n(m[3]), ...(m[4] === undefined ? {} : { item: n(m[4]) }) }, hash };
  return { place: { kind: "footnote", section, footnote: n(m[5]) }, hash };
}

// In the rendered Markdown a mark is private-use characters around the name with "-" for "_", so no
// Markdown reader takes any of it for syntax; it stands before the text it marks.
const OPEN = "\uE010";
const CLOSE = "\uE011";
const IN_TEXT = /\uE010([-a-z0-9]+)\uE011/g;

/** The mark as it travels in the rendered Markdown, in front of the text of `rendered`. */
export function markedText(place: SourcePlace, rendered: string): string {
  return `${OPEN}${markName({ place, hash: textHash(markdownText(rendered)) }).replace(/_/g, "-")}${CLOSE}${rendered}`;
}

export const hasMarks = (text: string) => text.includes(OPEN);

/** The text without its marks, and the bookmark names they were. */
export function liftMarks(text: string): { text: string; names: string[] } {
  const names: string[] = [];
  const stripped = text.replace(IN_TEXT, (_m, name: string) => {
    names.push(name.replace(/-/g, "_"));
    return "";
  });
  return { text: stripped, names };
}

/** The custom properties (docProps/custom.xml) that say which report and data a DOCX was built from. */
export interface SourceStamp {
  /** The period folder under the data root: `2021`, `bao-cao-6-thang/2022-h1`. */
  period: string;
  number: string;
  /** 16 hex digits of the SHA-256 of the period's data files. */
  digest: string;
  /** Each section's file, relative to the period folder, by section index. */
  sections: string[];
}

export const PROPERTY = { format: "danvan", period: "danvan.period", number: "danvan.number", digest: "danvan.digest", section: (i: number) => `danvan.s${i}` } as const;

export function stampProperties(stamp: SourceStamp): Array<{ name: string; value: string }> {
  return [
    { name: PROPERTY.format, value: SOURCE_MARKS_FORMAT },
    { name: PROPERTY.period, value: stamp.period },
    { name: PROPERTY.number, value: stamp.number },
    { name: PROPERTY.digest, value: stamp.digest },
    ...stamp.sections.map((file, i) => ({ name: PROPERTY.section(i), value: file })),
  ];
}

/** The stamp read back from custom properties; undefined when the DOCX has none (not written by danvan). */
export function readStamp(properties: ReadonlyMap<string, string>): (SourceStamp & { format: string }) | undefined {
  const format = properties.get(PROPERTY.format);
  if (format === undefined) return undefined;
  const sections: string[] = [];
  for (let i = 0; properties.has(PROPERTY.section(i)); i++) sections.push(properties.get(PROPERTY.section(i))!);
  return { format, period: properties.get(PROPERTY.period) ?? "", number: properties.get(PROPERTY.number) ?? "", digest: properties.get(PROPERTY.digest) ?? "", sections };
}

/** The digest of a period's data: each file's path (relative to the period folder) and text, in path order. */
export function dataDigest(files: ReadonlyArray<{ path: string; text: string }>): string {
  const h = createHash("sha256");
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) h.update(`${f.path}\0${f.text}\0`);
  return h.digest("hex").slice(0, 16);
}
