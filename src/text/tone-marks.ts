/**
 * Vietnamese text as old PDFs paste it: decomposed, tone marks on the wrong letter ("kiêṇ", "đaọ") or
 * after a space ("Nghi ̣quyết"). Finding and repairing them needs the syllable's vowel nucleus, so this
 * module knows just enough orthography for that — and leaves the document's own style choices
 * ("hòa"/"hoà", "thủy"/"thuỷ") alone.
 */

const TONES = new Set(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]);
const MODIFIERS = new Set(["\u0302", "\u0306", "\u031B"]);
const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
/** Open two-vowel syllables whose tone placement is a matter of style: either vowel is right. */
const STYLE_PAIRS = new Set(["oa", "oe", "uy"]);

interface Glyph {
  base: string;
  lower: string;
  modifiers: string[];
  tone?: string;
}

export interface ToneProblem {
  /** The word as written (NFC where it composes). */
  word: string;
  /** The word repaired. */
  fixed: string;
  kind: "detached" | "misplaced";
}

function glyphs(word: string): Glyph[] | undefined {
  const out: Glyph[] = [];
  for (const ch of word.normalize("NFD")) {
    if (TONES.has(ch) || MODIFIERS.has(ch)) {
      const last = out[out.length - 1];
      if (!last) return undefined;
      if (TONES.has(ch)) {
        if (last.tone) return undefined; // two tones on one letter: not ours to guess
        last.tone = ch;
      } else last.modifiers.push(ch);
    } else if (ch >= "\u0300" && /\p{M}/u.test(ch)) {
      // (no combining mark sits below U+0300: letters skip the Unicode lookup)
      return undefined;
    } else out.push({ base: ch, lower: ch.toLowerCase(), modifiers: [] });
  }
  return out;
}

function render(gs: readonly Glyph[]): string {
  return gs.map((g) => g.base + g.modifiers.join("") + (g.tone ?? "")).join("").normalize("NFC");
}

/** Indexes of the vowels that make the syllable's nucleus (initial gi/qu are consonants). */
function nucleus(gs: readonly Glyph[]): number[] {
  const isVowel = (i: number) => VOWELS.has(gs[i]?.lower ?? "");
  let start = 0;
  while (start < gs.length && !isVowel(start)) start++;
  const initial = gs.slice(0, start).map((g) => g.lower).join("");
  if (start < gs.length) {
    if ((initial === "q" && gs[start].lower === "u") || (initial === "g" && gs[start].lower === "i" && isVowel(start + 1))) start++;
  }
  const out: number[] = [];
  for (let i = start; i < gs.length && isVowel(i); i++) out.push(i);
  return out;
}

/** Where the tone belongs; a list of acceptable places when the document's style decides. */
function tonePlaces(gs: readonly Glyph[]): number[] {
  const vowels = nucleus(gs);
  if (vowels.length === 0) return [];
  const modified = vowels.filter((i) => gs[i].modifiers.length > 0);
  if (modified.length) return [modified[modified.length - 1]];
  const last = vowels[vowels.length - 1];
  const hasFinal = last < gs.length - 1;
  if (vowels.length === 1 || hasFinal) return [last];
  if (vowels.length === 2) {
    const pair = vowels.map((i) => gs[i].lower).join("");
    return STYLE_PAIRS.has(pair) ? vowels : [vowels[0]];
  }
  return [vowels[1]];
}

const verdicts = new Map<string, ToneProblem | null>();

/** A word whose single tone mark sits where Vietnamese never puts it, with its repair. Memoised: a report repeats its words. */
export function misplacedTone(word: string): ToneProblem | undefined {
  let verdict = verdicts.get(word);
  if (verdict === undefined) {
    verdict = judgeTone(word) ?? null;
    if (verdicts.size < 100_000) verdicts.set(word, verdict);
  }
  return verdict ?? undefined;
}

function judgeTone(word: string): ToneProblem | undefined {
  const gs = glyphs(word);
  if (!gs) return undefined;
  const toned = gs.map((g, i) => (g.tone ? i : -1)).filter((i) => i >= 0);
  if (toned.length !== 1) return undefined;
  const places = tonePlaces(gs);
  if (places.length === 0 || places.includes(toned[0])) return undefined;
  const tone = gs[toned[0]].tone!;
  const fixed = gs.map((g) => ({ ...g, tone: undefined as string | undefined }));
  fixed[places[0]].tone = tone;
  return { word, fixed: render(fixed), kind: "misplaced" };
}

/** Tone marks standing alone after a space ("Nghi ̣quyết"), moved back onto the word before them. */
function reattachDetached(text: string): string {
  return text.normalize("NFD").replace(/([\p{L}\p{M}]+)(\s+)([\u0300\u0301\u0303\u0309\u0323])/gu, (_m, word: string, _space: string, tone: string) => {
    const gs = glyphs(word);
    if (!gs || gs.some((g) => g.tone)) return `${word}${tone} `;
    const places = tonePlaces(gs);
    if (places.length === 0) return `${word}${tone} `;
    gs[places[0]].tone = tone;
    return `${render(gs)} `;
  });
}

export interface TextProblem {
  code: "DV361" | "DV362" | "DV363" | "DV364";
  message: string;
  /** Where in the text the problem starts (UTF-16 units), so it can be shown at its line and column. */
  offset?: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Everything mechanical that is wrong with a piece of text, in reading order of kinds. */
export function textProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const nfc = text.normalize("NFC");
  const detached = /\s[\u0300\u0301\u0303\u0309\u0323]/u.exec(nfc);
  if (detached) {
    const start = Math.max(0, nfc.lastIndexOf(" ", Math.max(0, detached.index - 1)) + 1);
    const end = nfc.indexOf(" ", detached.index + 3);
    const window = nfc.slice(start, end < 0 ? undefined : end);
    problems.push({ code: "DV362", message: `dấu thanh bị tách khỏi chữ (dán từ PDF cũ): "${window}" → "${fixText(window)}"`, offset: text === nfc ? start : undefined });
  }
  // Only words with a tone mark can have it misplaced: skip the rest without looking them up.
  const words = new Set<string>();
  for (const m of nfc.matchAll(WORD)) {
    const word = m[0];
    if (/^[A-Za-z]+$/.test(word)) continue;
    const p = misplacedTone(word);
    if (p && !words.has(p.word)) {
      words.add(p.word);
      problems.push({ code: "DV362", message: `dấu thanh đặt sai chữ: "${p.word.normalize("NFC")}" → "${p.fixed}"`, offset: text === nfc ? m.index : undefined });
    }
  }
  if (text !== nfc && problems.length === 0) {
    problems.push({ code: "DV361", message: "văn bản chưa ở dạng Unicode dựng sẵn (NFC)" });
  }
  const before = /(\S) +([,.;:)])/u.exec(text);
  if (before) problems.push({ code: "DV363", message: `có dấu cách trước "${before[2]}": "${excerpt(text, before.index)}"`, offset: before.index + before[1].length });
  const doubled = /\S {2,}\S/u.exec(text);
  if (doubled) problems.push({ code: "DV364", message: `có hai dấu cách liền nhau: "${excerpt(text, doubled.index)}"`, offset: doubled.index + 1 });
  return problems;
}

/** The mechanical repair of one line of text: the same rules textProblems reports. */
export function fixText(text: string): string {
  let out = reattachDetached(text).normalize("NFC");
  out = out.replace(WORD, (w) => misplacedTone(w)?.fixed ?? w);
  out = out.replace(/(\S) +([,.;:)])/gu, "$1$2");
  out = out.replace(/(\S) {2,}(?=\S)/gu, "$1 ");
  return out.normalize("NFC");
}

function excerpt(text: string, at: number): string {
  return text.slice(Math.max(0, at - 15), at + 20).trim();
}
