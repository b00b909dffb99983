/**
 * Tree → GitHub-flavoured Markdown. Footnotes are renumbered [^1]… in order of first reference;
 * the roles the template named (docs/template-roles.md) are lowered to plain Markdown (GitHub and
 * pandoc know no directives), each written with the marks the profile gives it.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import { figureTableAlign, INDICATOR_COLUMNS, registerLayoutOf, type Marks, type ProfileSpec } from "../profile.js";
import { emptyColumns, footnoteNumbers, isDirective, rowRole, spread, tableRowRole } from "../parse/tree-walk.js";
import { ROLES } from "../model/roles.js";

export async function writeMarkdown(tree: Root, profile: ProfileSpec): Promise<string> {
  const numbers = footnoteNumbers(tree);
  const definitions: RootContent[] = [];
  const lowered: RootContent[] = [];
  let appendixAt = -1;
  for (const node of tree.children) {
    if (node.type === "footnoteDefinition") {
      if (numbers.has(node.identifier)) definitions.push(node);
      continue;
    }
    if (isDirective(node, "appendix") && appendixAt < 0) appendixAt = lowered.length;
    lowered.push(...lower(node, profile));
  }
  definitions.sort((a, b) => numbers.get(ident(a))! - numbers.get(ident(b))!);
  // Definitions go after the body and closing, before the appendix, where a printed page has them.
  const at = appendixAt < 0 ? lowered.length : appendixAt;
  const root: Root = { type: "root", children: [...lowered.slice(0, at), ...definitions, ...lowered.slice(at)] };
  // The tree is shared with the DOCX writer: the labels are numbered on a copy.
  const numbered = structuredClone(root);
  relabel(numbered, numbers);
  return (await import("../parse/remark.js")).stringifyMarkdown(numbered);
}

function ident(node: RootContent): string {
  return (node as { identifier: string }).identifier;
}

function relabel(node: { children?: unknown[] } & object, numbers: Map<string, number>): void {
  relabelNode(node, numbers);
  for (const c of (node.children ?? []) as Array<{ children?: unknown[] }>) relabel(c, numbers);
}

function relabelNode(node: object, numbers: Map<string, number>): void {
  const n = node as { type?: string; identifier?: string; label?: string };
  if ((n.type === "footnoteReference" || n.type === "footnoteDefinition") && n.identifier && numbers.has(n.identifier)) {
    const label = String(numbers.get(n.identifier));
    n.identifier = label;
    n.label = label;
  }
}

/** The marks each role is written with; roles not listed are written as they come. */
function roleMarks(p: ProfileSpec): Record<string, Marks> {
  return {
    superior: p.marks.superior,
    issuer: p.marks.issuer,
    motto: p.marks.motto,
    "place-date": p.marks.placeDate,
    "doc-type": p.marks.docType,
    summary: p.marks.summary,
    subheading: p.marks.subheading,
    "recipients-label": p.marks.recipientsLabel,
    "signer-title": p.marks.signer,
    "signer-name": p.marks.signer,
    "appendix-heading": p.marks.appendixHeading,
    "appendix-title": p.marks.appendixTitle,
    "appendix-reference": p.marks.appendixReference,
    "table-title": p.marks.tableTitle,
    "table-unit": p.marks.tableUnit,
  };
}

/** One node → the plain Markdown a reader of the .md file should see. New nodes: the tree is shared. */
function lower(node: RootContent, p: ProfileSpec): RootContent[] {
  if (!isDirective(node)) return [node];
  const marks = roleMarks(p);
  switch (node.name) {
    case "header":
      return [...oneParagraph(node, ROLES.header, marks), ...oneParagraph(node, ROLES.headerRight, marks)];
    case "title":
      return oneParagraph(node, ROLES.title, marks, p);
    case "closing":
      return [
        ...node.children.flatMap((c) => (isDirective(c, "recipients-label") ? lines(c, marks) : isDirective(c, "recipients") ? lowerRecipients(c) : [])),
        ...oneParagraph(node, ROLES.closingRight, marks),
      ];
    case "appendix":
      return [{ type: "thematicBreak" }, ...node.children.flatMap((c) => lower(c as RootContent, p))];
    case "register":
      return [registerTable(node, p)];
    case "figure-table":
      return figureTable(node, p);
    case "indicators":
      // The template wrote the rows as a pipe table; the columns' alignment is INDICATOR_COLUMNS'.
      return node.children.flatMap((c) => (c.type === "table" ? [{ ...c, align: INDICATOR_COLUMNS.map((col) => col.align) }] : []));
    default:
      return marks[node.name] ? joined(lines(node, marks)) : node.children.flatMap((c) => lower(c as RootContent, p));
  }
}

/** A role's paragraphs are its lines, each written with the role's marks. */
function lines(node: ContainerDirective, marks: Record<string, Marks>): Paragraph[] {
  const m = marks[node.name] ?? {};
  return node.children.filter((c): c is Paragraph => c.type === "paragraph").map((para) => ({ type: "paragraph", children: marked(para.children, m) }));
}

function marked(children: PhrasingContent[], m: Marks): PhrasingContent[] {
  let out = children;
  if (m.bold) out = [{ type: "strong", children: out }];
  if (m.italics) out = [{ type: "emphasis", children: out }];
  return out;
}

/** The lines of the named roles, in tree order, as one paragraph with hard breaks, as on the printed page. */
function oneParagraph(node: ContainerDirective, names: readonly string[], marks: Record<string, Marks>, p?: ProfileSpec): RootContent[] {
  const paras: Paragraph[] = [];
  for (const c of node.children) {
    if (!isDirective(c) || !names.includes(c.name)) continue;
    if (c.name === "title-rule") {
      // A typed rule (party `-----`) is text; a drawn one has no Markdown form.
      if (p && "text" in p.titleRule) paras.push({ type: "paragraph", children: [{ type: "text", value: p.titleRule.text }] });
    } else paras.push(...lines(c, marks));
  }
  return joined(paras);
}

function joined(paras: Paragraph[]): RootContent[] {
  if (paras.length === 0) return [];
  const children: PhrasingContent[] = [];
  paras.forEach((para, i) => children.push(...(i ? [{ type: "break" } as PhrasingContent] : []), ...para.children));
  return [{ type: "paragraph", children }];
}

/** "(báo cáo)" stands beside the first recipients on paper; in Markdown it closes the last of them. */
function lowerRecipients(node: ContainerDirective): RootContent[] {
  const note = node.attributes?.note ?? "";
  const first = Number(node.attributes?.first ?? 0);
  return (node.children as RootContent[]).map((child) => {
    if (child.type !== "list" || !note || first < 1) return child;
    const at = Math.min(first, child.children.length) - 1;
    return {
      ...child,
      children: child.children.map((item, i) => {
        const para = item.children[0];
        if (i !== at || para?.type !== "paragraph") return item;
        const withNote: Paragraph = { ...para, children: [...(para.children as PhrasingContent[]), { type: "text", value: ` ${note}` }] };
        return { ...item, children: [withNote, ...item.children.slice(1)] };
      }),
    };
  });
}

/** The register's rows → one GFM table laid out by its layout; group and type rows are bold. */
function registerTable(node: ContainerDirective, p: ProfileSpec): Table {
  const layout = registerLayoutOf(node.attributes?.columns);
  const width = layout.length;
  const cell = (children: PhrasingContent[]): TableCell => ({ type: "tableCell", children });
  const rows: TableRow[] = [];
  for (const c of node.children) {
    if (!isDirective(c, "row")) continue;
    const role = rowRole(c);
    const texts = c.children.filter((x): x is Paragraph => x.type === "paragraph").map((para) => inCell(para.children));
    let cells: PhrasingContent[][];
    if (role === "group") cells = [marked(texts[0] ?? [], p.marks.registerGroup), marked(texts[1] ?? [], p.marks.registerGroup)];
    else if (role === "type") cells = [[], marked(texts[0] ?? [], p.marks.registerType)];
    else if (role === "document") cells = spread(texts, emptyColumns(c), width);
    else cells = texts;
    while (cells.length < width) cells.push([]);
    rows.push({ type: "tableRow", children: cells.slice(0, width).map(cell) });
  }
  return { type: "table", align: layout.map((col) => col.align), children: rows };
}

/** A table cell holds one line: the breaks a template puts in a cell (a citation over two lines) become spaces. */
function inCell(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((c) => (c.type === "break" ? { type: "text", value: " " } : c));
}

/**
 * A figure table: its title and unit line as paragraphs with their marks, then one GFM table aligned by
 * the profile (number centred, name left, figures right); subtotal and total rows bold, the total's label
 * in the name column.
 */
function figureTable(node: ContainerDirective, p: ProfileSpec): RootContent[] {
  const marks = roleMarks(p);
  const out: RootContent[] = [];
  const rows: TableRow[] = [];
  for (const c of node.children) {
    if (!isDirective(c)) continue;
    if (c.name === "table-title" || c.name === "table-unit") {
      out.push(...joined(lines(c, marks)));
      continue;
    }
    if (c.name !== "row") continue;
    const role = tableRowRole(c);
    const texts = c.children.filter((x): x is Paragraph => x.type === "paragraph").map((para) => inCell(para.children));
    const strong = role === "subtotal" || role === "total";
    const cells = (role === "total" ? [[], ...texts] : texts).map((t) => (strong && t.length ? marked(t, p.marks.tableTotal) : t));
    rows.push({ type: "tableRow", children: cells.map((children): TableCell => ({ type: "tableCell", children })) });
  }
  const width = Math.max(0, ...rows.map((r) => r.children.length));
  for (const r of rows) while (r.children.length < width) r.children.push({ type: "tableCell", children: [] });
  out.push({ type: "table", align: figureTableAlign(Math.max(0, width - 2)), children: rows });
  return out;
}
