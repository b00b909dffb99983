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
