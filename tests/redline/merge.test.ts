/**
 * The merged tree keeps both years: dropping every "del" node gives year B's blocks and words, dropping every
 * "ins" node gives year A's — in order — for random edits of random documents.
 */
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { mergeTrees } from "../../src/redline/merge.js";
import { prng } from "../helpers/mutate-field.js";

type N = { type: string; value?: string; children?: N[]; data?: { revision?: string } };

const WORDS = ["Ban", "Dân", "vận", "tỉnh", "đã", "tổ", "chức", "1.234", "hội", "nghị", "mới"];

function paragraph(rnd: () => number): N {
  const n = 1 + Math.floor(rnd() * 6);
  return { type: "paragraph", children: [{ type: "text", value: Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ") }] };
}

/** Paragraphs of year B: some of A's kept, some edited word by word, some dropped, some new. */
function edit(a: N[], rnd: () => number): N[] {
  const out: N[] = [];
  for (const p of a) {
    const r = rnd();
    if (r < 0.15) continue;
    if (r < 0.3) out.push(paragraph(rnd));
    else if (r < 0.5) {
      const words = p.children![0].value!.split(" ");
      words.splice(Math.floor(rnd() * words.length), rnd() < 0.5 ? 1 : 0, WORDS[Math.floor(rnd() * WORDS.length)]);
      out.push({ type: "paragraph", children: [{ type: "text", value: words.join(" ") || "mới" }] });
    } else out.push(p);
    if (rnd() < 0.15) out.push(paragraph(rnd));
  }
  return out;
}

/** The paragraphs Word shows after accepting (drop "del") or rejecting (drop "ins") every change. */
function shown(root: Root, drop: "del" | "ins"): string[] {
  const text = (n: N): string => (n.data?.revision === drop ? "" : n.type === "text" ? n.value! : (n.children ?? []).map(text).join(""));
  return (root.children as N[]).filter((p) => p.data?.revision !== drop).map(text);
}

const plain = (ps: N[]) => ps.map((p) => p.children![0].value!);

describe("mergeTrees", () => {
  it("accept all gives B and reject all gives A, block and word order kept (500 random documents)", () => {
    const rnd = prng(1126);
    for (let run = 0; run < 500; run++) {
      const a = Array.from({ length: Math.floor(rnd() * 8) }, () => paragraph(rnd));
      const b = edit(a, rnd);
      const merged = mergeTrees({ type: "root", children: a } as Root, { type: "root", children: b } as Root, { author: "danvan", date: "2021-02-05T00:00:00Z" });
      expect(shown(merged, "del")).toEqual(plain(b));
      expect(shown(merged, "ins")).toEqual(plain(a));
    }
  });

  it("keeps removed blocks before the rewritten block that followed them", () => {
    const p = (v: string): N => ({ type: "paragraph", children: [{ type: "text", value: v }] });
    const a = [p("bỏ một"), p("Ban Dân vận tỉnh"), p("bỏ hai"), p("hội nghị đã tổ chức")];
    const b = [p("Ban Dân vận tỉnh mới"), p("hội nghị đã tổ chức mới")];
    const merged = mergeTrees({ type: "root", children: a } as Root, { type: "root", children: b } as Root, { author: "danvan", date: "2021-02-05T00:00:00Z" });
    expect(shown(merged, "ins")).toEqual(plain(a));
    expect(shown(merged, "del")).toEqual(plain(b));
  });
});

/** A merged paragraph as its runs: role ("" for unchanged) and text, a footnote reference as [^id]. */
function runsOf(p: N): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (n: N) => {
    if (n.children && n.type !== "footnoteReference") return n.children.forEach(walk);
    const text = n.type === "text" ? n.value! : `[^${(n as { identifier?: string }).identifier}]`;
    const role = n.data?.revision ?? "";
    const last = out[out.length - 1];
    if (last && last[0] === role) last[1] += text;
    else out.push([role, text]);
  };
  walk(p);
  return out;
}

describe("mergeTrees: a replaced phrase", () => {
  const merge = (a: N[], b: N[]) => mergeTrees({ type: "root", children: a } as Root, { type: "root", children: b } as Root, { author: "danvan", date: "2021-02-05T00:00:00Z" }).children as N[];
  const text = (value: string): N => ({ type: "text", value });
  const ref = (identifier: string): N => ({ type: "footnoteReference", identifier, label: identifier } as N);

  it("is all its old words deleted, then all its new words inserted, as the text diff groups them", () => {
    const heading = (v: string): N => ({ type: "heading", depth: 2, children: [text(v)] } as N);
    const [merged] = merge([heading("I- Kết quả thực hiện")], [heading("I- Kết quả đạt được")]);
    expect(runsOf(merged)).toEqual([["", "I- Kết quả "], ["del", "thực hiện"], ["ins", "đạt được"]]);
  });

  it("keeps a stretch apart from the next one where a word is unchanged", () => {
    const p = (v: string): N => ({ type: "paragraph", children: [text(v)] });
    const [merged] = merge([p("Ban Dân vận tỉnh đã tổ chức hội nghị")], [p("Ban Dân vận huyện mới tổ chức họp")]);
    expect(runsOf(merged)).toEqual([["", "Ban Dân vận "], ["del", "tỉnh đã"], ["ins", "huyện mới"], ["", " tổ chức "], ["del", "hội nghị"], ["ins", "họp"]]);
  });

  it("carries changed footnote references and marked words with the stretch; an unchanged reference stays", () => {
    const p = (...children: N[]): N => ({ type: "paragraph", children });
    const strong = (v: string): N => ({ type: "strong", children: [text(v)] });
    const a = p(text("đạt 92,3%"), ref("cu"), text(" so "), strong("với"), text(" kế hoạch"), ref("kh"), text(" năm nay"));
    const b = p(text("đạt 94,1% trên"), ref("moi"), text(" "), strong("tổng"), text(" số"), ref("kh"), text(" năm nay"));
    const [merged] = merge([a], [b]);
    expect(runsOf(merged)).toEqual([
      ["", "đạt "],
      ["del", "92,3%[^cu] so với kế hoạch"],
      ["ins", "94,1% trên[^moi] tổng số"],
      ["", "[^kh] năm nay"],
    ]);
    const shown = (drop: string) => shownPhrasing(merged, drop);
    expect(shown("del")).toBe("đạt 94,1% trên[^moi] tổng số[^kh] năm nay");
    expect(shown("ins")).toBe("đạt 92,3%[^cu] so với kế hoạch[^kh] năm nay");
  });
});

function shownPhrasing(n: N, drop: string): string {
  if (n.data?.revision === drop) return "";
  if (n.type === "footnoteReference") return `[^${(n as { identifier?: string }).identifier}]`;
  return n.type === "text" ? n.value! : (n.children ?? []).map((c) => shownPhrasing(c, drop)).join("");
}

type Piece = { word: string; strong?: boolean } | { ref: string };

/** Words with spaces between them, some bold, footnote references right after a word, as mdast writes them. */
function phrasing(pieces: readonly Piece[]): N[] {
  const out: N[] = [];
  const plain = (v: string) => {
    const last = out[out.length - 1];
    if (last?.type === "text") last.value += v;
    else out.push({ type: "text", value: v });
  };
  pieces.forEach((x, i) => {
    if ("ref" in x) return out.push({ type: "footnoteReference", identifier: x.ref, label: x.ref } as N);
    if (i > 0) plain(" ");
    if (x.strong) out.push({ type: "strong", children: [{ type: "text", value: x.word }] });
    else plain(x.word);
  });
  return out;
}

describe("mergeTrees: replaced phrases in random paragraphs", () => {
  it("accept all gives B, reject all gives A, and no change stands beside another across a mere space (500 random edits)", () => {
    const rnd = prng(1507);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const piece = (): Piece => (rnd() < 0.15 ? { ref: pick(["a", "b", "c"]) } : { word: pick(WORDS), strong: rnd() < 0.2 });
    const pieces = (n: number) => Array.from({ length: n }, piece);
    let grouped = 0;
    for (let run = 0; run < 500; run++) {
      const a = [{ word: pick(WORDS) }, ...pieces(3 + Math.floor(rnd() * 10))];
      const b = [...a];
      for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
        const at = 1 + Math.floor(rnd() * (b.length - 1));
        b.splice(at, Math.floor(rnd() * 4), ...pieces(Math.floor(rnd() * 4)));
      }
      const [pa, pb]: N[] = [{ type: "paragraph", children: phrasing(a) }, { type: "paragraph", children: phrasing(b) }];
      const merged = mergeTrees({ type: "root", children: [pa] } as Root, { type: "root", children: [pb] } as Root, { author: "danvan", date: "2021-02-05T00:00:00Z" }).children as N[];
      const shown = (drop: string) => merged.map((p) => shownPhrasing(p, drop)).join("");
      expect(shown("del")).toBe(shownPhrasing(pb, "del"));
      expect(shown("ins")).toBe(shownPhrasing(pa, "ins"));
      if (merged.length !== 1) continue;
      const runs = runsOf(merged[0]);
      runs.forEach(([role, text], i) => {
        const [before, after] = [runs[i - 1]?.[0], runs[i + 1]?.[0]];
        if (role === "") expect(before && after && /^\s+$/.test(text), JSON.stringify(runs)).toBeFalsy();
        if (role === "ins") expect(after, JSON.stringify(runs)).not.toBe("del");
        if (role === "del" && after === "ins" && /\s/.test(text)) grouped++;
      });
    }
    // The edits do replace phrases, not only single words.
    expect(grouped).toBeGreaterThan(20);
  });
});
