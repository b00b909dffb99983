import fs from "node:fs"; import YAML from "yaml"; import { isDeepStrictEqual } from "node:util";
import { readYamlSubset } from "/work/main/dist/yaml-subset.js"; import { positionIndex } from "/work/main/dist/load.js";
let seed = Number(process.argv[2] ?? 1); const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const files = process.argv.slice(3).map(f => fs.readFileSync(f, "utf8"));
const pieces = [":", " ", "  ", "#", "- ", "-", "'", '"', ">", "|", "[]", "{}", "\n", "\n  ", "&a ", "*a", "!x ", "?", ",", "\\", "\t", "0", "1.5", "true", "~", "null", "\"2018\": ", "x: ", "  - ", ">-\n", "|+", "\n\n", " #c", "key:", "\\u00e9", "\\x41", "''", "0x1F", "1e3", "-1", "__proto__: "];
let acc = 0, n = 0, bad = 0;
for (let i = 0; i < Number(process.argv[2] ? 20000 : 20000); i++) {
  let t = files[Math.floor(rnd() * files.length)];
  const edits = 1 + Math.floor(rnd() * 3);
  for (let e = 0; e < edits; e++) {
    const pos = Math.floor(rnd() * t.length); const k = rnd();
    if (k < 0.4) t = t.slice(0, pos) + pieces[Math.floor(rnd() * pieces.length)] + t.slice(pos);
    else if (k < 0.7) t = t.slice(0, pos) + t.slice(pos + 1 + Math.floor(rnd() * 3));
    else { const ls = t.split("\n"); const j = Math.floor(rnd() * ls.length); const m = rnd(); if (m < 0.3) ls[j] = " " + ls[j]; else if (m < 0.6) ls[j] = ls[j].replace(/^ /, ""); else ls.splice(j, 0, ls[Math.floor(rnd()*ls.length)]); t = ls.join("\n"); }
  }
  n++;
  const fast = readYamlSubset(t); if (!fast) continue; acc++;
  const lines = new YAML.LineCounter(); const doc = YAML.parseDocument(t, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  let why = null;
  if (doc.errors.length) why = "ERR " + doc.errors[0].message.split("\n")[0];
  else { let v; try { v = doc.toJS({ maxAliasCount: 100 }); } catch (e) { why = "toJS " + e.message; }
    if (!why && !isDeepStrictEqual(v, fast.value)) why = "VALUE";
    if (!why) { const p = positionIndex(doc, lines); if (!isDeepStrictEqual(p, fast.positions)) { why = "POS"; for (const k of Object.keys(p)) if (!isDeepStrictEqual(p[k], fast.positions[k])) { why += " " + JSON.stringify(k) + JSON.stringify(p[k]) + JSON.stringify(fast.positions[k]); break; } } } }
  if (why) { bad++; if (bad <= 8) { fs.writeFileSync(`/tmp/fz-${bad}.yaml`, t); console.log(bad, why); } }
}
console.log({ n, acc, bad });
