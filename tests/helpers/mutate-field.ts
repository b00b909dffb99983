/** Single-field mutations of a data file, for the diff's property tests: one value changed, or one key removed. */
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
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

