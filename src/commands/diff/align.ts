/** Edit scripts: which items of two sequences are kept, removed, added — for blocks, sentences and words. */

export type Step<T> = { op: "=" | "-" | "+"; a?: T; b?: T };
export type WordOp = { op: "=" | "-" | "+"; text: string };

/**
 * Longest common subsequence alignment by key. The common head and tail are taken first, so two nearly
 * equal years (the usual case, even at 100 times 2021's size) cost time linear in their length; only the
 * changed middle pays the quadratic table, and a middle too large for it (past 4 M cells, 16 MB) is one removal and one addition.
 */
export function align<T>(a: readonly T[], b: readonly T[], key: (x: T) => string = String): Step<T>[] {
  const ka = a.map(key);
  const kb = b.map(key);
  let head = 0;
  while (head < a.length && head < b.length && ka[head] === kb[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && ka[a.length - 1 - tail] === kb[b.length - 1 - tail]) tail++;
  const out: Step<T>[] = [];
  for (let i = 0; i < head; i++) out.push({ op: "=", a: a[i], b: b[i] });
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n * m > 4_000_000) {
    for (let i = 0; i < n; i++) out.push({ op: "-", a: a[head + i] });
    for (let j = 0; j < m; j++) out.push({ op: "+", b: b[head + j] });
  } else {
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = ka[head + i] === kb[head + j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && ka[head + i] === kb[head + j]) out.push({ op: "=", a: a[head + i++], b: b[head + j++] });
      else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) out.push({ op: "+", b: b[head + j++] });
      else out.push({ op: "-", a: a[head + i++] });
    }
  }
  for (let t = tail; t > 0; t--) out.push({ op: "=", a: a[a.length - t], b: b[b.length - t] });
  return out;
}

/** Within each run of edits, removals come before additions: the order a reader (and Word) shows them. */
export function grouped<T>(steps: readonly Step<T>[]): Array<{ same?: Step<T>; removed: T[]; added: T[] }> {
  const out: Array<{ same?: Step<T>; removed: T[]; added: T[] }> = [];
  let run = { removed: [] as T[], added: [] as T[] };
  const flush = () => {
    if (run.removed.length || run.added.length) out.push(run);
    run = { removed: [], added: [] };
  };
  for (const s of steps) {
    if (s.op === "=") {
      flush();
      out.push({ same: s, removed: [], added: [] });
    } else if (s.op === "-") run.removed.push(s.a!);
    else run.added.push(s.b!);
  }
  flush();
  return out;
}

export function wordDiff(oldText: string, newText: string): WordOp[] {
  const ops: WordOp[] = [];
  const push = (op: WordOp["op"], words: string[]) => {
    if (words.length) ops.push({ op, text: words.join(" ") });
  };
  const split = (t: string) => (t === "" ? [] : t.split(/\s+/));
  for (const g of grouped(align(split(oldText), split(newText)))) {
    if (g.same) {
      const last = ops[ops.length - 1];
      if (last?.op === "=") last.text += ` ${g.same.a}`;
      else push("=", [g.same.a!]);
    } else {
      push("-", g.removed);
      push("+", g.added);
    }
  }
  return ops;
}

/** At least a third of the shorter sentence's words are in the other: a rewrite, not a replacement. */
export function alike(a: string, b: string): boolean {
  const wa = a.toLowerCase().split(/\s+/);
  const wb = new Set(b.toLowerCase().split(/\s+/));
  const shared = wa.filter((w) => wb.has(w)).length;
  return shared * 3 >= Math.min(wa.length, wb.size);
}
