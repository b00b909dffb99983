/**
 * load → validate → check → render → parse → write, as named steps. The library returns values and
 * diagnostics; it never prints and never exits.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { blankDiagnostics, withoutStandIns } from "./check/blanks.js";
import type { Blank } from "./validate/blanks.js";
import { DRAFT_CODES, draftReport } from "./check/draft.js";
import { checkFiles, checkReport, partialRules } from "./check/index.js";
import { hasErrors, sortDiagnostics, UsageError, type Diagnostic } from "./diagnostics.js";
import { oldPeriodDiagnostics, periodOf, type Period } from "./check/old-period.js";
import { loadYear, parseFile } from "./load/index.js";
import type { Profile, RawFile, Report } from "./model/index.js";
import { PROFILES } from "./profile.js";
import { validateFiles } from "./validate/index.js";
import { letSignalsIn } from "./io/cleanup.js";
import { makeFolder } from "./write/atomic.js";
import type { Root } from "mdast";
import { checkRegular, isFolderInside, isInside, listFolder, realFolder } from "./io/read.js";

export const YEAR_PATTERN = /^\d{4}$/;

/** The years a report's period may name (schemas/report.schema.json bounds `period.from`/`to` the same way). */
export const YEAR_RANGE = { min: 1945, max: 2200 } as const;

/** A year a command is about to create (`new`, `import`): four digits that a report's period can name. */
export function requireNewYearName(year: string): void {
  const n = Number(year);
  if (!YEAR_PATTERN.test(year) || n < YEAR_RANGE.min || n > YEAR_RANGE.max) {
    throw new UsageError(`năm phải gồm 4 chữ số, từ ${YEAR_RANGE.min} đến ${YEAR_RANGE.max}; nhận được "${year}"`, "DV003");
  }
}

export interface CheckedYear {
  year: string;
  report?: Report;
  /** A draft's empty places (stood in for in `report`). */
  blanks: Blank[];
  files: RawFile[];
  diagnostics: Diagnostic[];
}

/** The years present under a data root, oldest first. */
export function listYears(dataRoot: string): string[] {
  if (!isFolder(dataRoot)) throw new UsageError(`không tìm thấy thư mục dữ liệu "${dataRoot}" (tạo mới: danvan init ${dataRoot})`, "DV002");
  const root = realFolder(dataRoot);
  // A dangling, looping or outside link named like a year is not a year: it never stops the others.
  return listFolder(dataRoot)
    .filter((n) => YEAR_PATTERN.test(n) && isFolderInside(path.join(dataRoot, n), root))
    .sort();
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The years a command visits: those named (each once), else every year under the root. A root with no year
 * at all is a usage error, so CI pointed at the wrong folder fails instead of passing on nothing.
 */
export function yearsToVisit(dataRoot: string, named: readonly string[]): string[] {
  if (named.length) return [...new Set(named)];
  const years = listYears(dataRoot);
  if (!years.length) {
    throw new UsageError(`thư mục dữ liệu "${dataRoot}" chưa có năm nào (cần một thư mục như 2021/); tạo bằng danvan init, danvan new hoặc danvan import`, "DV018");
  }
  return years;
}

export function requireYear(dataRoot: string, year: string): void {
  if (!YEAR_PATTERN.test(year)) throw new UsageError(`năm phải gồm đúng 4 chữ số; nhận được "${year}"`, "DV003");
  const years = listYears(dataRoot);
  if (!years.includes(year)) {
    const known = years.length ? `các năm hiện có: ${years.join(", ")}` : "chưa có năm nào";
    throw new UsageError(`không có dữ liệu năm ${year} trong "${dataRoot}" (${known})`, "DV004");
  }
}

/** Steps 1–3: everything `danvan check` needs, nothing that renders. */
export function checkYear(dataRoot: string, year: string): CheckedYear {
  requireYear(dataRoot, year);
  const loaded = loadYear(dataRoot, year);
  const validated = validateFiles(year, loaded.files);
  const diagnostics = [...loaded.diagnostics, ...checkFiles(loaded.files), ...validated.diagnostics];
  const locateIn = locator(loaded.files);
  const found = validated.report
    ? checkReport(validated.report, locateIn)
    : validated.partial
      ? checkReport(validated.partial, locateIn, partialRules)
      : [];
  diagnostics.push(...withoutStandIns(found, validated.blanks, validated.report ?? validated.partial));
  diagnostics.push(...blankDiagnostics(validated.blanks, validated.report ?? validated.partial, locateIn));
  const current = periodOf(loaded.files.find((f) => f.kind === "report")?.value);
  diagnostics.push(...oldPeriodDiagnostics(loaded.files, earlierPeriod(dataRoot, year), current, (raw, p, offset) => raw.locate(p, false, offset)));
  return { year, report: validated.report, blanks: validated.blanks, files: loaded.files, diagnostics: merged(sortDiagnostics(diagnostics)) };
}

/** The period of the latest year before this one, if its report.yaml reads: what a draft's text may still name. */
export function earlierPeriod(dataRoot: string, year: string): Period | undefined {
  const earlier = listYears(dataRoot).filter((y) => y < year).pop();
  const file = earlier && path.join(dataRoot, earlier, "report.yaml");
  if (!file || !fs.existsSync(file)) return undefined;
  return periodOf(parseFile(file, "report", []).value);
}

/** The same finding at the same place is printed once, whichever rules reached it. */
function merged(sorted: Diagnostic[]): Diagnostic[] {
  return sorted.filter((d, i) => {
    const p = sorted[i - 1];
    return !p || p.file !== d.file || p.line !== d.line || p.col !== d.col || p.code !== d.code || p.message !== d.message;
  });
}

export function locator(files: readonly RawFile[]) {
  const byFile = new Map(files.map((f) => [f.file, f]));
  return (file: string, dataPath: ReadonlyArray<string | number>, offset?: number) => {
    const raw = byFile.get(file);
    return raw ? raw.locate(dataPath, false, offset) : { line: 1, col: 1 };
  };
}

export { hasErrors };

export type OutputFormat = "md" | "docx" | "pdf";

const FORMATS: OutputFormat[] = ["docx", "md", "pdf"];

/** `--format docx,pdf` → the formats to write; `all` is the DOCX and the Markdown. */
export function outputFormats(value: string): Set<OutputFormat> {
  const formats = new Set<OutputFormat>();
  for (const name of value.split(",").map((s) => s.trim()).filter(Boolean)) {
    if (name === "all") {
      formats.add("docx");
      formats.add("md");
    } else if ((FORMATS as string[]).includes(name)) formats.add(name as OutputFormat);
    else throw new UsageError(`định dạng "${name}" không được hỗ trợ; dùng docx, md, pdf hoặc all (có thể ghép: docx,pdf)`, "DV008");
  }
  if (formats.size === 0) throw new UsageError("cần ít nhất một định dạng cho --format", "DV008");
  return formats;
}

export interface BuildOptions {
  dataRoot: string;
  year: string;
  outDir: string;
  formats: ReadonlySet<OutputFormat>;
  /** A folder holding report.md.hbs to use instead of the built-in layout. */
  templatesDir?: string;
  /** Build a draft year as it stands: its blanks (DV500–DV502) print as "…"; any other error still refuses. */
  draft?: boolean;
}

export interface BuildResult {
  written: Array<{ format: OutputFormat; file: string }>;
  diagnostics: Diagnostic[];
  summary?: { sections: number; footnotes: number; appendixRows: number };
}

/** Steps 1–6. Refuses to write anything while the data has errors; outputs replace old ones only whole. */
export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const assembled = await assemble(options);
  if (!assembled.ok) return { written: [], diagnostics: assembled.diagnostics };
  const { pdf, base, markdown, summary, diagnostics } = assembled;
  // Only the DOCX's objects are alive from here on: the data, its tree and the Markdown tree were left in
  // assemble(), which matters for a large year (docx.js builds the whole document.xml in memory).
  await letSignalsIn();
  const docx = assembled.docx ? await assembled.docx.pack() : undefined;
  await letSignalsIn();

  // Everything is produced in memory first, so a failure on the way leaves the previous outputs untouched.
  const produced: Array<{ format: OutputFormat; file: string; data: string | Uint8Array }> = [];
  if (options.formats.has("md")) produced.push({ format: "md", file: `${base}.md`, data: markdown! });
  if (options.formats.has("docx")) produced.push({ format: "docx", file: `${base}.docx`, data: docx! });
  if (pdf) produced.push({ format: "pdf", file: `${base}.pdf`, data: await pdf.pdfBytes(docx!, assembled.date) });
  await letSignalsIn();
  // The set is replaced together: a PDF that fails leaves the old .md and .docx, too.
  (await import("./write/atomic.js")).writeFilesAtomic(produced);
  const written = produced.map(({ format, file }) => ({ format, file }));
  return { written, diagnostics, summary };
}

type Assembled =
  | { ok: false; diagnostics: Diagnostic[] }
  | {
      ok: true;
      diagnostics: Diagnostic[];
      pdf?: typeof import("./write/pdf.js");
      /** The report's date, which the PDF carries as its creation date. */
      date: string;
      base: string;
      markdown?: string;
      docx?: { pack(): Promise<Uint8Array> };
      summary: NonNullable<BuildResult["summary"]>;
    };

/** Steps 1–5 up to the DOCX's objects: check, render, the document tree, the Markdown. */
async function assemble(options: BuildOptions): Promise<Assembled> {
  const checked = checkYear(options.dataRoot, options.year);
  const refusing = options.draft ? checked.diagnostics.filter((d) => d.severity === "error" && !DRAFT_CODES.has(d.code)) : checked.diagnostics;
  if (!checked.report || hasErrors(refusing)) return { ok: false, diagnostics: checked.diagnostics };
  // Known before anything is built: an output folder that cannot be used fails in a moment, not after.
  prepareOutDir(options.outDir, options.dataRoot);
  await letSignalsIn();
  const report = options.draft ? draftReport(checked.report, checked.blanks) : checked.report;
  // A missing LibreOffice is known before anything is built, so nothing is written only to fail after.
  const pdf = options.formats.has("pdf") ? await import("./write/pdf.js") : undefined;
  if (pdf) await pdf.requireSoffice();
  const diagnostics = [...checked.diagnostics];
  const fontProblem = pdf ? await pdf.fontProblem(PROFILES[report.identity.profile].font) : undefined;
  if (fontProblem) {
    // The profile chooses the font, so the warning points at it.
    const at = locator(checked.files)(report.identityFile, ["profile"]);
    diagnostics.push({ code: "DV390", severity: "warning", file: report.identityFile, line: at.line, col: at.col, message: fontProblem });
  }
  const { renderMarkdown, DEFAULT_TEMPLATES } = await import("./render/index.js");
  const custom = options.templatesDir ? templatesUrl(options.templatesDir) : undefined;
  if (custom) {
    // Read before it is run: what the writers cannot print is refused at the template's own line (DV402, DV403).
    const problems = await (await import("./parse/template-check.js")).layoutProblems(custom);
    if (problems.length) return { ok: false, diagnostics: [...checked.diagnostics, ...problems] };
  }
  const rendered = renderMarkdown(report, locator(checked.files), custom ?? DEFAULT_TEMPLATES);
  if (rendered.markdown === undefined) return { ok: false, diagnostics: [...checked.diagnostics, ...rendered.diagnostics] };
  await letSignalsIn();
  const { tree, markdown } = await documentTree(rendered.markdown, report.identity.profile, options.formats.has("md"));
  await letSignalsIn();
  const { footnoteNumbers } = await import("./parse/tree-walk.js");
  const docx = options.formats.has("docx") || pdf ? (await import("./write/docx/index.js")).docxDocument(tree, report) : undefined;
  const appendixRows = report.register.groups.reduce((n, g) => n + g.types.reduce((m, t) => m + t.documents.length, 0), 0);
  return {
    ok: true,
    diagnostics: sortDiagnostics(diagnostics),
    pdf,
    // A draft without its date yet carries its year's first day, as its DOCX does.
    date: report.identity.date || `${report.year}-01-01`,
    base: path.join(options.outDir, options.draft ? draftName(report) : baseName(report)),
    markdown,
    docx,
    summary: { sections: report.sections.length, footnotes: footnoteNumbers(tree).size, appendixRows },
  };
}

function templatesUrl(dir: string): URL {
  const file = path.join(dir, "report.md.hbs");
  const checked = checkRegular(file, "/");
  if ("problem" in checked && checked.problem.code === "DV114" && !fs.existsSync(file)) {
    throw new UsageError(`không tìm thấy mẫu "${file}"`, "DV009");
  }
  // A pipe or a device is never opened: reading it could block forever.
  if ("problem" in checked) throw new UsageError(`mẫu "${file}": ${checked.problem.message}`, "DV009");
  if (checked.size > MAX_TEMPLATE_BYTES) throw new UsageError(`mẫu "${file}" quá lớn (${Math.ceil(checked.size / 1024)} KB)`, "DV009");
  return pathToFileURL(path.resolve(dir) + path.sep);
}

/** The shipped layout is 6 KB; a megabyte is a template nobody wrote by hand. */
const MAX_TEMPLATE_BYTES = 1024 * 1024;

/** Rendered Markdown → the document tree and, when asked for, the Markdown output. */
export async function documentTree(rendered: string, profile: Profile, needMarkdown: boolean): Promise<{ tree: Root; markdown?: string }> {
  const { parseSubset } = await import("./parse/markdown-subset.js");
  const tree = parseSubset(rendered) ?? withoutPositions((await import("./parse/remark.js")).parseMarkdown(rendered));
  if (!needMarkdown) return { tree };
  const { writeMarkdown } = await import("./write/markdown.js");
  return { tree, markdown: await writeMarkdown(tree, PROFILES[profile]) };
}

/** Source positions of the rendered Markdown mean nothing to a reader of the report; the writers ignore them. */
function withoutPositions<T>(node: T): T {
  const n = node as { position?: unknown; children?: unknown[] };
  delete n.position;
  for (const c of n.children ?? []) withoutPositions(c);
  return node;
}

/** `143-BC-BDVTU-2021`: the number and symbol, as a file name, and the year. */
export function baseName(report: Report): string {
  return `${report.identity.number.replace(/[^\p{L}\p{N}]+/gu, "-")}-${report.year}`;
}

/** A draft is never mistaken for the report: `143-BC-BDVTU-2022-du-thao`, or `du-thao-2022` before it has a number. */
export function draftName(report: Report): string {
  return /\p{L}|\p{N}/u.test(report.identity.number) ? `${baseName(report)}-du-thao` : `du-thao-${report.year}`;
}

/**
 * The output folder, made if missing. Never inside the data root: outputs there would become data files
 * (and `check` would read a DOCX as one).
 */
export function prepareOutDir(outDir: string, dataRoot?: string): void {
  if (dataRoot !== undefined && isInside(realFolder(dataRoot), realPathOf(outDir))) {
    throw new UsageError(`thư mục kết quả "${outDir}" nằm trong thư mục dữ liệu "${dataRoot}"; hãy chọn một thư mục ở ngoài (mặc định out/<năm>)`, "DV015");
  }
  try {
    if (fs.statSync(outDir).isFile()) throw new UsageError(`"${outDir}" đã tồn tại và không phải là thư mục`, "DV005");
  } catch (err) {
    if (err instanceof UsageError) throw err;
  }
  try {
    makeFolder(outDir);
  } catch (err) {
    if (err instanceof UsageError && err.code === "DV012") throw new UsageError(`không ghi được vào thư mục "${outDir}": ${err.message}`, "DV006");
    throw err;
  }
}

/** A path's real location, resolving its nearest existing ancestor (the rest does not exist yet). */
function realPathOf(p: string): string {
  const rest: string[] = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(p);
      rest.push(path.basename(at));
      at = up;
    }
  }
}
