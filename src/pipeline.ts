/**
 * load → validate → check → render → parse → write, as named steps. The library returns values and
 * diagnostics; it never prints and never exits.
 */
import { command } from "./text/command.js";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { blankDiagnostics, withoutStandIns } from "./check/blanks.js";
import type { Blank } from "./validate/blanks.js";
import { DRAFT_CODES, draftReport } from "./check/draft.js";
import { checkFiles, checkReport, partialRules } from "./check/index.js";
import { hasErrors, sortDiagnostics, UsageError, type Diagnostic } from "./diagnostics.js";
import { oldPeriodDiagnostics, spoken, type SpokenPeriod } from "./check/old-period.js";
import { outlierDiagnostics } from "./collect/outliers.js";
import { loadYear, parseFile } from "./load/index.js";
import { guessRoot, rootHint } from "./load/root-guess.js";
import { dataRootLayout, findPeriod, parseRef, periodsOfKind, twoFolders, type Layout, type PeriodFolder, type PeriodRef } from "./load/periods.js";
import type { OtherPeriod, OtherPeriods, Profile, RawFile, Report } from "./model/index.js";
import { comparePeriods, draftDate, newPeriodProblem, PERIOD_YEARS, periodName } from "./model/period.js";
import { Statistics } from "./model/statistics.js";
import { dataDigest, hasMarks, type SourceStamp } from "./model/source-marks.js";
import { PROFILES } from "./profile.js";
import { validateFiles } from "./validate/index.js";
import { letSignalsIn } from "./io/cleanup.js";
import { makeFolder } from "./write/atomic.js";
import type { Root } from "mdast";
import { checkRegular, isInside, realFolder } from "./io/read.js";

/** The years a report's period may name (schemas/report.schema.json bounds `period.from`/`to` the same way). */
export const YEAR_RANGE = PERIOD_YEARS;

/**
 * A period a command is about to create (`new`, `import`): an id model/period.ts reads (a year from 1945 to
 * 2200, `2023-h1` …, or a free id), else a usage error before anything is written.
 */
export function requireNewYearName(year: string): PeriodRef {
  const ref = parseRef(year);
  const problem = newPeriodProblem(ref.period);
  if (problem) throw new UsageError(problem, "DV003");
  return ref;
}

export interface CheckedYear {
  /** The period folder's id. */
  year: string;
  folder: PeriodFolder;
  report?: Report;
  /** A draft's empty places (stood in for in `report`). */
  blanks: Blank[];
  files: RawFile[];
  diagnostics: Diagnostic[];
  /** The other periods of its series, as check read them: render cites the same. */
  others: OtherPeriods;
}

/** The data root's series and periods; a missing root is a usage error. */
export function layoutOf(dataRoot: string): Layout {
  if (!isFolder(dataRoot)) {
    const guess = guessRoot(dataRoot);
    if (guess) throw new UsageError(`không tìm thấy thư mục dữ liệu: ${rootHint(guess, dataRoot)}`, "DV019");
    throw new UsageError(`không tìm thấy thư mục dữ liệu "${dataRoot}" (tạo mới: ${command(`init ${dataRoot}`)})`, "DV002");
  }
  const layout = dataRootLayout(dataRoot);
  // A root without one period is often the folder above or below the real one (`--data du-an`, `--data data/2021`).
  const guess = layout.periods.length || layout.problems.some((p) => p.code !== "DV021") ? undefined : guessRoot(dataRoot);
  if (guess) throw new UsageError(`thư mục dữ liệu chưa có năm hay kỳ báo cáo nào: ${rootHint(guess, dataRoot)}`, "DV019");
  return layout;
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export interface Visit {
  folders: PeriodFolder[];
  /** Folders named almost like a period, or two for one period: errors of the data root itself. */
  diagnostics: Diagnostic[];
}

/**
 * The periods a command visits: those named (each once; a series name stands for its periods), else every
 * period under the root. A root with no period at all is a usage error, so CI pointed at the wrong folder
 * fails instead of passing on nothing.
 */
export function yearsToVisit(dataRoot: string, named: readonly string[]): Visit {
  const layout = layoutOf(dataRoot);
  if (named.length) {
    const folders: PeriodFolder[] = [];
    for (const name of new Set(named)) {
      const series = layout.periods.filter((p) => p.series !== "" && p.series === name.replace(/[/\\]+$/, ""));
      for (const f of series.length ? series : [findPeriod(dataRoot, name)]) if (!folders.some((x) => x.dir === f.dir)) folders.push(f);
    }
    return { folders, diagnostics: [] };
  }
  const problems = [...layout.problems.filter((p) => !twoFolders(layout).some((t) => t.dir === p.dir)), ...twoFolders(layout)];
  const diagnostics = problems.map((p): Diagnostic => ({ code: p.code, severity: "error", file: path.join(dataRoot, p.dir), line: 1, col: 1, message: p.message }));
  if (!layout.periods.length && !diagnostics.length) {
    throw new UsageError(`thư mục dữ liệu "${dataRoot}" chưa có năm hay kỳ báo cáo nào (cần một thư mục như 2021/ hoặc bao-cao-6-thang/2022-h1/); tạo bằng ${command("init")}, ${command("new")} hoặc ${command("import")}`, "DV018");
  }
  return { folders: layout.periods, diagnostics };
}

/** The folder of a period that must exist; `folder` passes through. */
export function requireYear(dataRoot: string, year: string | PeriodFolder): PeriodFolder {
  if (typeof year !== "string") return year;
  layoutOf(dataRoot);
  return findPeriod(dataRoot, year);
}

/** Steps 1–3: everything `danvan check` needs, nothing that renders. */
export function checkYear(dataRoot: string, year: string | PeriodFolder): CheckedYear {
  const folder = requireYear(dataRoot, year);
  const loaded = loadYear(dataRoot, folder.dir);
  const validated = validateFiles(folder, loaded.files);
  const diagnostics = [...loaded.diagnostics, ...checkFiles(loaded.files), ...validated.diagnostics];
  const locateIn = locator(loaded.files);
  const others = otherPeriods(dataRoot, folder);
  const found = validated.report
    ? checkReport(validated.report, locateIn, undefined, others)
    : validated.partial
      ? checkReport(validated.partial, locateIn, partialRules, others)
      : [];
  diagnostics.push(...withoutStandIns(found, validated.blanks, validated.report ?? validated.partial));
  diagnostics.push(...blankDiagnostics(validated.blanks, validated.report ?? validated.partial, locateIn));
  const current = spoken(folder.period, loaded.files.find((f) => f.kind === "report")?.value);
  diagnostics.push(...outlierDiagnostics(dataRoot, folder, loaded.files));
  diagnostics.push(...oldPeriodDiagnostics(loaded.files, earlierPeriod(dataRoot, folder), current, (raw, p, offset) => raw.locate(p, false, offset)));
  return { year: folder.period.id, folder, report: validated.report, blanks: validated.blanks, files: loaded.files, diagnostics: merged(sortDiagnostics(diagnostics)), others };
}

/**
 * The latest period of the same series and kind before this one, if its report.yaml reads: what a draft's
 * text may still name.
 */
export function earlierPeriod(dataRoot: string, folder: PeriodFolder): SpokenPeriod | undefined {
  const earlier = periodsOfKind(dataRootLayout(dataRoot), folder.series, folder.period.kind)
    .filter((p) => comparePeriods(p.period, folder.period) < 0)
    .pop();
  const file = earlier && path.join(dataRoot, earlier.dir, "report.yaml");
  if (!earlier || !file || !fs.existsSync(file)) return undefined;
  return spoken(earlier.period, parseFile(file, "report", []).value);
}

/**
 * Another period of the folder's series, read (loaded and validated, not checked) on first use: what
 * `{{n "id" period=…}}` and the indicator table cite. A draft's blanks read as blanks.
 */
export function otherPeriods(dataRoot: string, folder: PeriodFolder): OtherPeriods {
  const read = new Map<string, OtherPeriod>();
  let series: PeriodFolder[] | undefined;
  return (period) => {
    const known = read.get(period.id);
    if (known) return known;
    // The series' folders are listed once, however many periods the report cites.
    series ??= dataRootLayout(dataRoot).periods.filter((p) => p.series === folder.series);
    const other = series.find((p) => p.period.id === period.id);
    let outcome: OtherPeriod;
    if (!other) {
      outcome = { ok: false, missing: true, message: `chuỗi báo cáo chưa có thư mục kỳ ${period.id}${folder.series ? ` (${folder.series}/${period.id}/)` : ` (${period.id}/)`}` };
    } else {
      const loaded = loadYear(dataRoot, other.dir);
      const validated = validateFiles(other, loaded.files);
      if (!validated.report || hasErrors(loaded.diagnostics) || hasErrors(validated.diagnostics)) {
        outcome = { ok: false, missing: false, message: `dữ liệu ${periodName(period)} có lỗi (chạy "${command(`check ${other.dir}`)}")` };
      } else {
        const report = validated.blanks.length ? draftReport(validated.report, validated.blanks) : validated.report;
        outcome = { ok: true, report, statistics: new Statistics(report) };
      }
    }
    read.set(period.id, outcome);
    return outcome;
  };
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
  /** The period as a command names it: `2021`, `2022-h1`, `bao-cao-6-thang/2022-h1`. */
  year: string;
  /** Default `out/<the period's folder under the data root>`: `out/2021`, `out/bao-cao-6-thang/2022-h1`. */
  outDir?: string;
  formats: ReadonlySet<OutputFormat>;
  /** A folder holding report.md.hbs to use instead of the built-in layout. */
  templatesDir?: string;
  /** Build a draft year as it stands: marked "DỰ THẢO", its blanks (DV500–DV502) printed as marked blanks; any other error still refuses. */
  draft?: boolean;
}

export interface BuildResult {
  folder: PeriodFolder;
  written: Array<{ format: OutputFormat; file: string }>;
  diagnostics: Diagnostic[];
  summary?: { sections: number; footnotes: number; appendixRows: number };
}

/** Steps 1–6. Refuses to write anything while the data has errors; outputs replace old ones only whole. */
export async function buildReport(options: BuildOptions): Promise<BuildResult> {
  const folder = requireYear(options.dataRoot, options.year);
  const assembled = await assemble({ ...options, outDir: options.outDir ?? path.join("out", folder.dir) }, folder);
  if (!assembled.ok) return { folder, written: [], diagnostics: assembled.diagnostics };
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
  // The set is replaced together: a PDF that fails leaves the old .md and .docx, too. The files are
  // flushed at once, so the build waits for the disk once, not once per file.
  await (await import("./write/atomic.js")).writeManyFilesAtomic(produced);
  const written = produced.map(({ format, file }) => ({ format, file }));
  return { folder, written, diagnostics, summary };
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
async function assemble(options: BuildOptions & { outDir: string }, folder: PeriodFolder): Promise<Assembled> {
  const checked = checkYear(options.dataRoot, folder);
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
  const wantsDocx = options.formats.has("docx") || Boolean(pdf);
  // The DOCX says where each paragraph came from (docs/architecture.md, "Source marks"); the Markdown needs no marks.
  const rendered = renderMarkdown(report, locator(checked.files), custom ?? DEFAULT_TEMPLATES, undefined, checked.others, wantsDocx);
  if (rendered.markdown === undefined) return { ok: false, diagnostics: [...checked.diagnostics, ...rendered.diagnostics] };
  await letSignalsIn();
  const { tree, markdown } = await documentTree(rendered.markdown, report.identity.profile, options.formats.has("md"), options.draft);
  await letSignalsIn();
  const { footnoteNumbers } = await import("./parse/tree-walk.js");
  const docx = wantsDocx ? (await import("./write/docx/index.js")).docxDocument(tree, report, sourceStamp(options.dataRoot, checked.folder, checked.files, report)) : undefined;
  const appendixRows = report.register.groups.reduce((n, g) => n + g.types.reduce((m, t) => m + t.documents.length, 0), 0);
  return {
    ok: true,
    diagnostics: sortDiagnostics(diagnostics),
    pdf,
    // A draft without its date yet carries its year's first day, as its DOCX does.
    date: report.identity.date || draftDate(report.period),
    base: path.join(options.outDir, options.draft ? draftName(report) : baseName(report)),
    markdown,
    docx,
    summary: { sections: report.sections.length, footnotes: footnoteNumbers(tree).size, appendixRows },
  };
}

/** Which report and data a DOCX is built from: its custom properties (model/source-marks.ts). */
export function sourceStamp(dataRoot: string, folder: PeriodFolder, files: readonly RawFile[], report: Report): SourceStamp {
  const periodDir = path.join(dataRoot, folder.dir);
  const relative = (file: string) => path.relative(periodDir, file).split(path.sep).join("/");
  return {
    period: folder.dir,
    number: report.identity.number,
    digest: dataDigest(files.map((f) => ({ path: relative(f.file), text: f.text }))),
    sections: report.sections.map((s) => relative(s.file)),
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
export async function documentTree(rendered: string, profile: Profile, needMarkdown: boolean, draft = false): Promise<{ tree: Root; markdown?: string }> {
  const { parseSubset } = await import("./parse/markdown-subset.js");
  const parsed = parseSubset(rendered) ?? withoutPositions((await import("./parse/remark.js")).parseMarkdown(rendered));
  // A draft's blanks become nodes of their own role, and a draft carries its mark (parse/draft.ts); then the
  // source marks leave the text, each on the node its text is in.
  const drafted = (await import("./parse/draft.js")).markDraft(parsed, draft);
  const tree = hasMarks(rendered) ? (await import("./parse/source-marks.js")).liftSourceMarks(drafted) : drafted;
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

/** `143-BC-BDVTU-2021`: the number and symbol, as a file name, and the period. */
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
