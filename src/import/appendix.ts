/**
 * The appendix: "PHỤ LỤC", its title lines, "(Kèm theo … của <issuer>)", then the register table — group
 * rows (a Roman numeral and an issuer), type rows (a type alone), entry rows (n, "Type số X", d/m/yyyy,
 * summary) — read into documents.yaml's shape.
 */
import type { Register, RegisterGroup, RegisterType } from "../model/index.js";
import type { Block, Table } from "./document.js";
import { lines, shownText } from "./lines.js";
import { documentId, romanValue, squash } from "./text.js";

export interface Appendix {
  heading: string;
  title: string[];
  /** The issuer's full name from "(Kèm theo … của …)". */
  fullName?: string;
  register: Register;
  /** Rows that could not be read as a group, a type or an entry: their text, for a warning. */
  unread: Array<{ index: number; text: string }>;
  tableIndex?: number;
}

export function findAppendix(blocks: readonly Block[], from: number): number {
  for (let b = from; b < blocks.length; b++) {
    const b0 = blocks[b];
    if (b0.kind === "para" && /^PHỤ LỤC\b/u.test(shownText(b0))) return b;
  }
  return -1;
}

export function readAppendix(blocks: readonly Block[], at: number): { appendix: Appendix; used: Set<number> } {
  const used = new Set<number>([at]);
  const head = blocks[at];
  const heading = head.kind === "para" ? lines(head)[0] : "PHỤ LỤC";
  const title: string[] = [];
  let fullName: string | undefined;
  let table: Table | undefined;
  for (let b = at + 1; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === "table") {
      table = block;
      used.add(b);
      break;
    }
    const text = shownText(block);
    used.add(b);
    if (!text) continue;
    const attached = /^\(Kèm theo .* của (.+)\)$/u.exec(text);
    if (attached) fullName = squash(attached[1]);
    else if (/^\(/.test(text)) continue;
    else title.push(...lines(block));
  }
  const { register, unread } = table ? readRegister(table) : { register: { groups: [] }, unread: [] };
  return { appendix: { heading, title, fullName, register, unread, tableIndex: table?.index }, used };
}

/** A row's cells as text, spanning cells taking their columns so that every row has the same four places. */
function cellsOf(row: Table["rows"][number]): string[] {
  const out: string[] = [];
  for (const c of row) {
    out.push(squash(c.paras.map((p) => lines(p).join(" ")).join(" ")));
    for (let i = 1; i < c.span; i++) out.push("");
  }
  return out;
}

const ENTRY = /^(.*?)\s*\bsố\s+(\S+)$/u;
const DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function readRegister(table: Table): { register: Register; unread: Array<{ index: number; text: string }> } {
  const groups: RegisterGroup[] = [];
  const unread: Array<{ index: number; text: string }> = [];
  let group: RegisterGroup | undefined;
  let type: RegisterType | undefined;
  const taken = new Set<string>();
  table.rows.forEach((row, r) => {
    const cells = cellsOf(row);
    const [c0 = "", c1 = "", c2 = "", c3 = ""] = cells;
    const index = row.flatMap((c) => c.paras)[0]?.index ?? table.index;
    if (r === 0 && !DATE.test(c2) && !romanValue(c0)) return; // the header row
    if (c1 && !c2 && !c3 && !ENTRY.test(c1)) {
      if (romanValue(c0) !== undefined || !group) {
        group = { issuer: c1, types: [] };
        groups.push(group);
        type = undefined;
        if (romanValue(c0) !== undefined) return;
      }
      type = { type: c1, documents: [] };
      group.types.push(type);
      return;
    }
    const entry = ENTRY.exec(c1);
    const date = DATE.exec(c2);
    if (entry && date) {
      const typeName = squash(entry[1]);
      if (!group) {
        group = { issuer: "", types: [] };
        groups.push(group);
      }
      // A type row may say more than the type ("Kế hoạch phối hợp" over "Kế hoạch số …"): that is its heading.
      if (type && typeName && typeName !== type.type && type.documents.length === 0 && !type.heading && type.type.startsWith(`${typeName} `)) {
        type.heading = type.type;
        type.type = typeName;
      }
      if (!type || (typeName && typeName !== type.type)) {
        type = group.types.find((t) => t.type === typeName) ?? { type: typeName, documents: [] };
        if (!group.types.includes(type)) group.types.push(type);
      }
      const number = entry[2];
      let id = documentId(number);
      if (taken.has(id)) id = `${id}-${r}`;
      taken.add(id);
      type.documents.push({ id, number, date: `${date[3]}-${date[2].padStart(2, "0")}-${date[1].padStart(2, "0")}`, summary: c3 });
      return;
    }
    if (cells.some((c) => c)) unread.push({ index, text: cells.filter(Boolean).join(" | ") });
  });
  return { register: { groups: groups.filter((g) => g.types.some((t) => t.documents.length)).map((g) => ({ ...g, types: g.types.filter((t) => t.documents.length) })) }, unread };
}
