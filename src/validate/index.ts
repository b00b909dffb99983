/** Stage 2: shape. Ajv checks each file against its JSON Schema; errors point back at the YAML node. */
import { createRequire } from "node:module";
import path from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { schemaText, AJV_OPTIONS } from "./schemas.js";
import { fillBlanks, type Blank } from "./blanks.js";
import { collectFigures } from "../collect/sum.js";
import type { UnitReport, UnitsFile } from "../model/units.js";
import type { Diagnostic } from "../diagnostics.js";
import type { FileKind, Identity, RawFile, Register, Report, Section, SectionData } from "../model/index.js";
import { DEFAULT_END_DAY, reportPeriod } from "../model/period.js";
import type { PeriodFolder } from "../load/periods.js";
import { figureDecimals, figureSlots } from "../model/statistics.js";
import { didYouMean } from "../text/suggest.js";

const compiled = new Map<FileKind, ValidateFunction>();

/**
 * Each kind's validator, compiled the first time a file of that kind is validated, all by one Ajv instance
 * (loaded by the commands that validate data only): an instance per schema would compile JSON Schema's own
 * meta-schema once per kind. A year without units.yaml never compiles the units' schemas. The shipped
 * schemas are not checked against the meta-schema on every run (that took as long as compiling them):
 * tests/validate/schemas.test.ts checks them once, and strict mode still refuses an unknown keyword.
 */
let ajv: import("ajv/dist/2020.js").Ajv2020 | undefined;
function validatorFor(kind: FileKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    if (!ajv) {
      const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
      ajv = new Ajv2020({ ...AJV_OPTIONS, validateSchema: false });
    }
    compiled.set(kind, (v = ajv.compile(JSON.parse(schemaText(kind)))));
  }
  return v;
}

export interface ValidateResult {
  /** The whole report, when every file is valid. */
  report?: Report;
  /**
   * The valid files only, when the identity and the register are valid but some section is not: enough for
   * the rules that do not depend on every section, so one run still reports every problem it can.
   */
  partial?: Report;
  diagnostics: Diagnostic[];
  /** A draft's empty places, stood in for in `report`/`partial` so the rest is checked in the same run. */
  blanks: Blank[];
}

export function validateFiles(folder: PeriodFolder, files: readonly RawFile[]): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  const valid = new Map<RawFile, unknown>();
  const blanks: Blank[] = [];
  // The units' files first: their figures are summed into the sections before those are validated.
  const unitSide = files.filter((f) => f.kind === "units" || f.kind === "unit");
  for (const raw of unitSide) {
    if (raw.value === undefined) continue;
    const validate = validatorFor(raw.kind);
    if (validate(raw.value)) valid.set(raw, raw.value);
    else diagnostics.push(...schemaDiagnostics(raw, validate.errors ?? []));
  }
  const unitsRaw = unitSide.find((f) => f.kind === "units");
  const reports = new Map(unitSide.filter((f) => f.kind === "unit" && valid.has(f)).map((f) => [f, f.value as UnitReport]));
  const unreadable = new Set(unitSide.filter((f) => f.kind === "unit" && !valid.has(f)).map((f) => path.basename(f.file, ".yaml")));
  const collected = collectFigures(folder.period.id, files.filter((f) => f.kind === "section"), unitsRaw, unitsRaw && valid.has(unitsRaw) ? (unitsRaw.value as UnitsFile) : undefined, reports, unreadable);
  diagnostics.push(...collected.diagnostics);
  for (const raw of files) {
    if (raw.value === undefined || raw.kind === "units" || raw.kind === "unit") continue; // a YAML error is already reported
    const filled = fillBlanks(raw.kind, raw.file, collected.values.get(raw) ?? raw.value);
    blanks.push(...filled.blanks);
    const validate = validatorFor(raw.kind);
    if (validate(filled.value)) valid.set(raw, filled.value);
    else diagnostics.push(...schemaDiagnostics(raw, validate.errors ?? []));
    if (raw.kind === "section") diagnostics.push(...writtenNumbers(raw));
  }
  const identityRaw = files.find((f) => f.kind === "report");
  const registerRaw = files.find((f) => f.kind === "documents");
  // No documents.yaml: a report without an appendix register.
  if (!identityRaw || !valid.has(identityRaw) || (registerRaw && !valid.has(registerRaw))) return { diagnostics, blanks };
  const sections: Section[] = files
    .filter((f) => f.kind === "section" && valid.has(f))
    .map((f) => ({ ...(valid.get(f) as SectionData), file: f.file }));
  const seriesRaw = files.find((f) => f.kind === "series");
  if (seriesRaw && !valid.has(seriesRaw)) return { diagnostics, blanks };
  const endDay = (valid.get(seriesRaw!) as { window?: { endDay?: number } } | undefined)?.window?.endDay ?? DEFAULT_END_DAY;
  const identity = valid.get(identityRaw) as Identity;
  const report: Report = {
    year: folder.period.id,
    period: reportPeriod(folder.period, identity.period, endDay),
    series: folder.series,
    endDay,
    identityFile: identityRaw.file,
    registerFile: registerRaw?.file ?? path.join(path.dirname(identityRaw.file), "documents.yaml"),
    identity,
    register: registerRaw ? (valid.get(registerRaw) as Register) : { groups: [] },
    sections,
    ...(unitsRaw && valid.has(unitsRaw) ? { units: { file: unitsRaw.file, list: unitsRaw.value as UnitsFile, period: folder.period.id, reports: collected.reports } } : {}),
  };
  const reportFiles = files.filter((f) => f.kind !== "units" && f.kind !== "unit");
  return reportFiles.every((f) => valid.has(f)) ? { report, diagnostics, blanks } : { partial: report, diagnostics, blanks };
}

function pathOf(instancePath: string): string[] {
  return instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Ajv reports the same problem from several angles; keep the ones a clerk can act on. */
function schemaDiagnostics(raw: RawFile, errors: ErrorObject[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // "if" repeats its branch's errors; "discriminator" repeats the enum error on "kind".
    if (e.keyword === "if" || e.keyword === "discriminator") continue;
    // A bad key's own pattern error comes at the object (so every bad key of a series pointed at the first
    // one); the propertyNames error that wraps it names the key and is reported at it instead.
    if (e.propertyName !== undefined && e.keyword !== "propertyNames") continue;
    const p = pathOf(e.instancePath);
    let at = p;
    let atKey = false;
    let message: string;
    let paperDate: string | undefined;
    let colon: { message: string; line: number; col: number } | undefined;
    switch (e.keyword) {
      case "required":
        message = `thiếu khóa bắt buộc "${e.params.missingProperty}"`;
        break;
      case "additionalProperties": {
        const name = String(e.params.additionalProperty);
        // No key of a schema has a space or a capital: a sentence read as a key, where a block was expected.
        colon = /[\sA-ZÀ-ỹ]/u.test(name) ? colonRead(raw, p, e.data) : undefined;
        if (colon) {
          message = colon.message;
          break;
        }
        const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
        message = `khóa "${name}" không có trong lược đồ${didYouMean(name, known)}; các khóa được phép: ${known.join(", ")}`;
        at = [...p, name];
        atKey = true;
        break;
      }
      case "propertyNames":
        message = isPeriodKeyPattern(e.parentSchema)
          ? `kỳ "${e.params.propertyName}" không hợp lệ: ${PERIOD_KEYS}`
          : `tên khóa "${e.params.propertyName}" không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu gạch ngang`;
        at = [...p, String(e.params.propertyName)];
        atKey = true;
        break;
      case "type":
        colon = String(e.params.type) === "string" ? colonRead(raw, p, e.data) : undefined;
        if (colon) {
          message = colon.message;
          break;
        }
        message = separatorTrap(e.data, String(e.params.type).includes("integer")) ?? `cần ${typeName(String(e.params.type))}, nhưng gặp ${describe(e.data)}`;
        break;
      case "enum":
        message = `giá trị phải là một trong: ${(e.params.allowedValues as unknown[]).join(", ")}; gặp ${describe(e.data)}`;
        break;
      case "const":
        message = `giá trị phải là ${String(e.params.allowedValue)}`;
        break;
      case "pattern": {
        // The schema's own Vietnamese, the same an editor shows; else a message made from the pattern. A number
        // written the Vietnamese way first: that message says how to write it.
        const own = (e.parentSchema as { patternErrorMessage?: unknown; type?: unknown } | undefined)?.patternErrorMessage;
        paperDate = String(e.params.pattern) === DATE_PATTERN ? datePaperWay(e.data) : undefined;
        message =
          paperDate ??
          separatorTrap(e.data, String((e.parentSchema as { type?: unknown } | undefined)?.type).includes("integer")) ??
          (typeof own === "string" ? `${own.replace(/\.$/, "")}; gặp ${describe(e.data)}` : patternMessage(String(e.params.pattern), e.data));
        break;
      }
      case "minLength":
      case "minItems":
      case "minProperties":
        message = "không được để trống";
        break;
      case "dependentRequired":
        message = `thiếu khóa "${e.params.missingProperty}" (cần đi cùng "${e.params.property}")`;
        break;
      case "maxProperties":
        message = "mỗi khối chỉ có một khóa: bullets, numbered, subheading, indicators hoặc table";
        break;
      case "minimum":
        message = `phải lớn hơn hoặc bằng ${e.params.limit}; gặp ${describe(e.data)}`;
        break;
      case "maximum":
        message =
          e.params.limit === Number.MAX_SAFE_INTEGER
            ? `số quá lớn: máy tính không giữ được chính xác số nguyên lớn hơn ${e.params.limit}; gặp ${describe(e.data)}`
            : `phải nhỏ hơn hoặc bằng ${e.params.limit}; gặp ${describe(e.data)}`;
        break;
      default:
        message = `không hợp lệ (${e.keyword}: ${e.message ?? ""})`;
    }
    const pos = colon ?? raw.locate(at, atKey);
    const key = `${pos.line}:${pos.col}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const code = colon ? "DV119" : paperDate ? "DV118" : message.startsWith(TRAP) ? "DV370" : e.keyword === "maximum" && e.params.limit === Number.MAX_SAFE_INTEGER ? "DV371" : codeFor(e.keyword);
    out.push({ code, severity: "error", file: raw.file, line: pos.line, col: pos.col, message });
  }
  return out;
}

const TRAP = "số viết kiểu dấu phân cách hàng nghìn";

/**
 * A sentence with ": " in it, unquoted (`- Kết quả năm 2022: đạt 100% kế hoạch.`): YAML reads the colon and
 * the space after it as a key and its value, so a one-entry map stands where text was expected. The message
 * points at the colon and gives the line fixed, in quotes (or `>-`, for a sentence that has quotes itself).
 */
function colonRead(raw: RawFile, at: Array<string | number>, data: unknown): { message: string; line: number; col: number } | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return undefined;
  const entries = Object.entries(data);
  if (entries.length !== 1) return undefined;
  const [key, value] = entries[0];
  if (value !== null && typeof value === "object") return undefined;
  const pos = raw.locate([...at, key], true);
  const line = raw.text.split("\n")[pos.line - 1]?.replace(/\r$/, "") ?? "";
  const written = line.slice(pos.col - 1);
  const colonAt = written.indexOf(": ") >= 0 ? written.indexOf(": ") : written.endsWith(":") ? written.length - 1 : -1;
  if (!written.startsWith(key) || colonAt < 0) return undefined;
  const sentence = written.replace(/\s+#.*$/, "").trimEnd();
  const lead = line.slice(0, pos.col - 1);
  const fixed = sentence.includes('"')
    ? `${lead}>-\n${" ".repeat(lead.length + 2)}${sentence}`
    : `${lead}"${sentence.replace(/\\/g, "\\\\")}"`;
  return {
    line: pos.line,
    col: pos.col + colonAt,
    message: `dấu hai chấm và dấu cách sau "${key}" làm YAML đọc dòng này thành khóa "${key}" với giá trị của nó, không phải một câu văn; đặt cả câu trong dấu ngoặc kép (hoặc viết >- rồi xuống dòng): ${fixed.trim()}`,
  };
}

/** The schemas' one pattern for a date (schemas/*.json: report date, window, register entries). */
const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/**
 * A date typed as on paper — 25/11/2022, 25-11-2022, 25.11.2022, 5/3/22 — with the value ready to paste:
 * "2022-11-25". A day or month past the calendar's is left to the pattern's own message.
 */
export function datePaperWay(data: unknown): string | undefined {
  if (typeof data !== "string") return undefined;
  const m = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})\s*$/.exec(data);
  if (!m) return undefined;
  const [day, month] = [Number(m[1]), Number(m[3])];
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  const year = m[4].length === 2 ? `20${m[4]}` : m[4];
  const ready = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return `ngày viết kiểu trên giấy (ngày${m[2]}tháng${m[2]}năm): "${data}"; dữ liệu ghi năm-tháng-ngày trong dấu ngoặc kép: "${ready}"`;
}

/**
 * The Vietnamese way of writing 16.000 or 1.611 (dots between thousands) reads in YAML as a decimal 16 or
 * 1.611; `1,611`, `1.611.000` and `92,3` read as text. Each is refused with the fix for what the slot holds:
 * a whole number (`16000`), or a decimal written with a dot (`92.3`).
 */
function separatorTrap(data: unknown, wantsInteger: boolean, written = String(data)): string | undefined {
  const looksGrouped = /^\d{1,3}([.,\s_]\d{3})+$/.test(written);
  const decimal = typeof data === "number" && Number.isFinite(data) && !Number.isInteger(data);
  const commaDecimal = typeof data === "string" && /^\d+[.,]\d+$/.test(written);
  if (!looksGrouped && !decimal && !commaDecimal) return undefined;
  const whole = written.replace(/[.,\s_]/g, "").replace(/^0+(?=\d)/, "");
  const hint = wantsInteger
    ? looksGrouped
      ? `nếu là ${whole}, hãy viết ${whole} (không có dấu chấm, phẩy hay cách giữa các chữ số); số liệu thật sự có phần thập phân thì ghi decimals: n cho số liệu đó`
      : "số đếm phải là số nguyên, không có dấu chấm hay phẩy; số liệu thật sự có phần thập phân thì ghi decimals: n cho số liệu đó"
    : `phần thập phân viết bằng dấu chấm (${written.replace(",", ".")}), hàng nghìn viết liền không dấu`;
  return `${TRAP} hoặc thập phân: "${written}" — trong YAML dấu chấm là dấu thập phân (16.000 là 16), dấu phẩy làm số thành chữ; ${hint}`;
}

/**
 * A whole number written with a dot (`16.000`, `2.0`) or an exponent validates as an integer, since YAML
 * has already read it as 16: only the source text shows what the clerk meant, so it is read here.
 */
function writtenNumbers(raw: RawFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const lineOf = lineReader(raw.text);
  const stats = (raw.value as Partial<SectionData> | null)?.statistics;
  if (!stats || typeof stats !== "object") return out;
  for (const [id, stat] of Object.entries(stats)) {
    if (figureDecimals(stat) > 0) continue;
    for (const slot of figureSlots(id, stat)) {
      // A fractional value is already the schema's error; only a whole number can hide how it was written.
      if (!Number.isInteger(slot.value) || (slot.role !== "figure" && slot.role !== "total")) continue;
      const dataPath = ["statistics", id, ...slot.dataPath];
      const pos = raw.locate(dataPath);
      const token = /^[^\s,#\]}]+/.exec(lineOf(pos.line).slice(pos.col - 1))?.[0] ?? "";
      if (!/^[+]?\d+$/.test(token) && /\d/.test(token)) {
        out.push({ code: "DV370", severity: "error", file: raw.file, line: pos.line, col: pos.col, message: separatorTrap(slot.value, true, token) ?? `số đếm viết "${token}": hãy viết ${slot.value} (số nguyên, chỉ gồm chữ số)` });
      }
    }
  }
  return out;
}

/** The text of one line, with the line starts found once per file (a large year has thousands of figures). */
function lineReader(text: string): (line: number) => string {
  let starts: number[] | undefined;
  return (line) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    }
    const start = starts[line - 1];
    if (start === undefined) return "";
    const end = text.indexOf("\n", start);
    return text.slice(start, end < 0 ? undefined : end);
  };
}

function codeFor(keyword: string): string {
  const codes: Record<string, string> = {
    required: "DV201",
    additionalProperties: "DV202",
    propertyNames: "DV202",
    type: "DV203",
    enum: "DV204",
    const: "DV204",
    pattern: "DV205",
  };
  return codes[keyword] ?? "DV206";
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: "một chuỗi văn bản",
    number: "một số",
    integer: "một số nguyên",
    object: "một bảng khóa: giá trị",
    array: "một danh sách",
    boolean: "true hoặc false",
  };
  return t
    .split(",")
    .map((x) => names[x] ?? x)
    .join(" hoặc ");
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "giá trị rỗng";
  if (Array.isArray(v)) return "một danh sách";
  if (typeof v === "object") return "một bảng khóa: giá trị";
  if (typeof v === "string") return `chuỗi "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  return `${typeof v === "number" ? "số" : typeof v} ${String(v)}`;
}

/** The key pattern of a series' periods (schemas/section.schema.json), kept equal by tests/validate.test.ts. */
export const PERIOD_KEY_PATTERN = "^[0-9]{4}(-(q[1-4]|h[12]|9m|0[1-9]|1[0-2]))?$";
const PERIOD_KEYS = "kỳ của chuỗi số liệu viết là năm (2019), nửa năm (2019-h1, 2019-h2), 9 tháng (2019-9m), quý (2019-q1 … 2019-q4) hoặc tháng (2019-01 … 2019-12)";

function isPeriodKeyPattern(schema: unknown): boolean {
  return (schema as { propertyNames?: { pattern?: string } } | undefined)?.propertyNames?.pattern === PERIOD_KEY_PATTERN;
}

function patternMessage(pattern: string, data: unknown): string {
  if (pattern.includes("[0-9]{4}-[0-9]{2}")) return `ngày phải viết dạng YYYY-MM-DD; gặp ${describe(data)}`;
  if (pattern === "^[0-9]{4}$") return `năm phải có 4 chữ số; gặp ${describe(data)}`;
  if (pattern === PERIOD_KEY_PATTERN) return `${PERIOD_KEYS}; gặp ${describe(data)}`;
  if (pattern.includes("roman|n|alpha")) return `cách đánh số phải chứa {roman}, {n} hoặc {alpha}; gặp ${describe(data)}`;
  if (pattern.includes("\\.")) return `đường dẫn số liệu không hợp lệ (mã-số-liệu.thành-phần); gặp ${describe(data)}`;
  return `mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang; gặp ${describe(data)}`;
}
