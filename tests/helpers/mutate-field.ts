/** Single-field mutations of a data file, for the diff's property tests: one value changed, or one key removed. */
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { prng } from "./prng.js";

export { prng };


type Leaf = { parent: Node; key: unknown; node: Node };

function leaves(node: Node | null | undefined, parent?: Node, key?: unknown, out: Leaf[] = []): Leaf[] {
  if (!node) return out;
  if (isScalar(node)) out.push({ parent: parent!, key, node });
  else if (isMap(node)) for (const p of node.items) leaves(p.value as Node, node, (p.key as { value?: unknown })?.value ?? p.key, out);
  else if (isSeq(node)) node.items.forEach((n, i) => leaves(n as Node, node, i, out));
  return out;
}

const WORDS = ["mới", "Huyện", "đã", "2.5", "(báo cáo)", "kỳ"];

/** One field of one file changed: a number nudged, a word added, replaced or dropped, a flag flipped, a key removed. */
export function mutate(text: string, rnd: () => number): string | undefined {
  const doc = parseDocument(text);
  const all = leaves(doc.contents as Node);
  if (!all.length) return undefined;
  const leaf = all[Math.floor(rnd() * all.length)];
  const scalar = leaf.node as { value: unknown };
  const v = scalar.value;
  const pick = rnd();
  if (typeof v === "number") scalar.value = pick < 0.5 ? v + 1 : pick < 0.8 ? Math.max(0, v - 1) : v * 2;
  else if (typeof v === "boolean") scalar.value = !v;
  else if (typeof v === "string") {
    const words = v.split(" ");
    const at = Math.floor(rnd() * words.length);
    const word = WORDS[Math.floor(rnd() * WORDS.length)];
    if (pick < 0.4) words.splice(at + 1, 0, word);
    else if (pick < 0.7) words[at] = word;
    else if (words.length > 1) words.splice(at, 1);
    else words[0] = `${words[0]} ${word}`;
    scalar.value = words.join(" ");
  } else return undefined;
  if (pick > 0.95 && isMap(leaf.parent)) leaf.parent.delete(leaf.key);
  return doc.toString();
}


/**
 * One thing moved in a year folder, as an editor reorders a report: two section files swapped in order, two
 * blocks of a section, two items of a list, two register entries of one type, two recipients. Returns the
 * file it changed (relative to the year), or undefined when the year has nothing of that kind to move.
 */
export function move(yearDir: string, rnd: () => number): string | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const swapIn = <T>(xs: T[]): boolean => {
    if (xs.length < 2) return false;
    const i = Math.floor(rnd() * (xs.length - 1));
    [xs[i], xs[i + 1]] = [xs[i + 1], xs[i]];
    return true;
  };
  const sectionsDir = path.join(yearDir, "sections");
  const sections = fs.readdirSync(sectionsDir).filter((f) => f.endsWith(".yaml")).sort();
  const kind = process.env.DANVAN_MOVE_KIND ?? pick(["sections", "blocks", "items", "register", "recipients"]);
  if (kind === "sections") {
    if (sections.length < 3) return undefined;
    // Two neighbours after the opening section swap their leading numbers, so they swap places.
    const i = 1 + Math.floor(rnd() * (sections.length - 2));
    const [x, y] = [sections[i], sections[i + 1]];
    const num = (f: string) => /^\d+(?:-\d+)?/.exec(f)![0];
    const rest = (f: string) => f.slice(num(f).length);
    fs.renameSync(path.join(sectionsDir, x), path.join(sectionsDir, `tmp-${x}`));
    fs.renameSync(path.join(sectionsDir, y), path.join(sectionsDir, `${num(x)}${rest(y)}`));
    fs.renameSync(path.join(sectionsDir, `tmp-${x}`), path.join(sectionsDir, `${num(y)}${rest(x)}`));
    return "sections/";
  }
  const edit = (file: string, change: (doc: Document) => boolean): string | undefined => {
    const full = path.join(yearDir, file);
    const doc = parseDocument(fs.readFileSync(full, "utf8"));
    if (!change(doc)) return undefined;
    fs.writeFileSync(full, doc.toString());
    return file;
  };
  const seqItems = (node: unknown): unknown[] | undefined => (isSeq(node) ? (node.items as unknown[]) : undefined);
  if (kind === "blocks" || kind === "items") {
    const file = `sections/${pick(sections)}`;
    return edit(file, (doc) => {
      const body = seqItems(doc.get("body"));
      if (!body) return false;
      if (kind === "blocks") return swapIn(body);
      const lists = body.filter((b) => isMap(b) && (isSeq(b.get("bullets")) || isSeq(b.get("numbered"))));
      if (!lists.length) return false;
      const list = pick(lists) as { get(k: string): unknown };
      return swapIn(seqItems(list.get("bullets") ?? list.get("numbered"))!);
    });
  }
  if (kind === "register") {
    return edit("documents.yaml", (doc) => {
      const types = (seqItems(doc.get("groups")) ?? []).flatMap((g) => seqItems((g as { get(k: string): unknown }).get("types")) ?? []);
      const lists = types.map((t) => seqItems((t as { get(k: string): unknown }).get("documents"))).filter((d): d is unknown[] => (d?.length ?? 0) > 1);
      return lists.length > 0 && swapIn(pick(lists));
    });
  }
  return edit("report.yaml", (doc) => swapIn(seqItems(doc.getIn(["recipients", "list"])) ?? []));
}
