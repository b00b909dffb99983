/** Commander wiring: parse arguments, call one library function per command, print, return an exit code. */
import { Command, CommanderError, Option, type Argument, type Help } from "commander";
import { DIFF_FORMATS, diffReport, type DiffFormat } from "./commands/diff-report.js";
import { ExitCode, formatDiagnostic, hasErrors, UsageError, type Diagnostic } from "./diagnostics.js";
import { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from "./print/diagnostics.js";
import { packageInfo } from "./package-info.js";
import { blankCount } from "./check/blanks.js";
import { DRAFT_CODES } from "./check/draft.js";
import { handleSignalsWhilePending, undoPending } from "./io/cleanup.js";
import { environmentError } from "./io/fs-errors.js";
import { terminalSafe } from "./io/terminal.js";
import { currentInvocation, invokedAs, type Invocation } from "./io/invocation.js";
import { command, setCommandName } from "./text/command.js";
import { periodName } from "./model/period.js";
import { buildReport, outputFormats } from "./pipeline.js";

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Commander's own messages, in the clerk's language. `where` is the command the mistake was made in
 * (`build-report`, `collect import`, "" for danvan itself): its help is the one to read. Commander's
 * "(Did you mean …?)" becomes the question and the suggested command's help.
 */
function commanderMessage(raw: string, where = ""): string {
  const guess = /\(Did you mean (.+)\?\)/.exec(raw)?.[1];
  const message = raw.split("\n")[0];
  const help = (cmd: string) => command(`${cmd ? `${cmd} ` : ""}--help`);
  const rules: Array<[RegExp, (...m: string[]) => string]> = [
    [/^error: unknown command '(.+)'/, (c) => (guess ? `không có lệnh "${c}"; có phải ý bạn là "${guess}"? (xem ${help(`${where ? `${where} ` : ""}${guess}`)})` : `không có lệnh "${c}"; xem ${help(where)}`)],
    [/^error: unknown option '(.+)'/, (o) => `không có tùy chọn "${o}"${guess ? `; có phải ý bạn là "${guess}"?` : ""} (xem ${help(where)})`],
    [/^error: option '(.+)' argument missing/, (o) => `tùy chọn ${o} cần một giá trị`],
    [/^error: option '(.+)' argument '(.+)' is invalid\. Allowed choices are (.+)\./, (o, v, c) => `giá trị "${v}" không hợp lệ cho ${o}; chọn một trong: ${c}`],
    [/^error: too many arguments/, () => `thừa đối số; xem ${help(where)}`],
    [/^error: missing required argument '(.+)'/, (a) => `thiếu đối số bắt buộc <${a}> (xem ${help(where)})`],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(message);
    if (m) return say(...m.slice(1));
  }
  return message.replace(/^error: /, "");
}

const HELP_TITLES: Record<string, string> = {
  "Usage:": "Cách dùng:",
  "Arguments:": "Đối số:",
  "Options:": "Tùy chọn:",
  "Commands:": "Lệnh:",
  "Global Options:": "Tùy chọn chung:",
};

const usageWords = (usage: string) => usage.replace(/\[options\]/g, "[tùy chọn]").replace(/\[command\]/g, "[lệnh]");

/** `(mặc định: "data"; chọn một trong: text, json)` instead of commander's English. */
function extras(item: { argChoices?: string[]; defaultValue?: unknown; defaultValueDescription?: string }, description: string): string {
  const info: string[] = [];
  if (item.argChoices) info.push(`chọn một trong: ${item.argChoices.join(", ")}`);
  if (item.defaultValue !== undefined && typeof item.defaultValue !== "boolean") {
    info.push(`mặc định: ${item.defaultValueDescription ?? (typeof item.defaultValue === "string" ? item.defaultValue : JSON.stringify(item.defaultValue))}`);
  }
  return info.length ? `${description} (${info.join("; ")})` : description;
}

/** Commander's help with its headings, usage words, defaults and choices in Vietnamese. */
const VIETNAMESE_HELP: Partial<Help> = {
  styleTitle: (title: string) => HELP_TITLES[title] ?? title,
  styleUsage: (usage: string) => usageWords(usage),
  subcommandTerm: (cmd: Command) => usageWords(`${cmd.name()}${cmd.usage() ? ` ${cmd.usage()}` : ""}`),
  optionDescription: (option: Option) => extras(option, option.description),
  argumentDescription: (argument: Argument) => extras(argument, argument.description),
};


function printDiagnostics(io: Io, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
}

export async function main(argv: string[], rawIo: Io = defaultIo, invocation: Invocation = currentInvocation()): Promise<number> {
  setCommandName(invokedAs(invocation));
  // Whatever a command prints may quote data: no control sequence of the data's reaches the terminal.
  const io: Io = { out: (line) => rawIo.out(terminalSafe(line)), err: (line) => rawIo.err(terminalSafe(line)) };
  let exit: number = ExitCode.ok;
  const debug = argv.includes("--debug");
  const program = new Command()
    .name(command())
    .description("Dựng báo cáo của Ban Dân vận từ dữ liệu YAML theo năm (Markdown, DOCX)")
    .option("--debug", "in chi tiết lỗi nội bộ (stack trace)")
    .exitOverride()
    .version(packageInfo().version, "-V, --version", "in số phiên bản của danvan")
    .helpOption("-h, --help", "hiển thị trợ giúp")
    .helpCommand("help [lệnh]", "hiển thị trợ giúp của một lệnh")
    .configureHelp(VIETNAMESE_HELP)
    .configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => write(`danvan: DV001: ${commanderMessage(s.trim())}\n`),
    });

  /** Each action returns its command's exit code: this is the one place it is set. */
  const action =
    <A extends unknown[]>(run: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      exit = await run(...args);
    };

  program
    .command("build-report")
    .description("dựng báo cáo của một kỳ (năm, 6 tháng, quý, tháng, chuyên đề): DOCX và Markdown (PDF khi yêu cầu)")
    .argument("<kỳ>", "năm hoặc kỳ báo cáo, ví dụ 2021, 2022-h1, bao-cao-6-thang/2022-h1")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .option("--out <thư-mục>", "thư mục kết quả (mặc định out/<kỳ>)")
    .addOption(new Option("--format <danh-sách>", "docx, md, pdf hoặc all; ghép bằng dấu phẩy (docx,pdf)").default("all"))
    .option("--templates <thư-mục>", "thư mục chứa report.md.hbs thay cho mẫu mặc định")
    .option("--draft", "dựng bản nháp của kỳ còn chỗ trống (DV500–DV502): chỗ chưa điền in là …, tệp mang đuôi -du-thao")
    .action(
      action(async (year: string, opts: { data: string; out?: string; format: string; templates?: string; draft?: boolean }) => {
        const result = await buildReport({ dataRoot: opts.data, year, outDir: opts.out, formats: outputFormats(opts.format), templatesDir: opts.templates, draft: opts.draft });
        const built = result.written.length > 0;
        const named = periodName(result.folder.period);
        // A draft's blanks are its to-do list, counted once here; `danvan check` lists them one by one. A draft
        // refused prints only what blocks it: its blanks are not why.
        const blocking = opts.draft ? result.diagnostics.filter((d) => !DRAFT_CODES.has(d.code)) : result.diagnostics;
        printDiagnostics(io, built ? result.diagnostics.filter((d) => !DRAFT_CODES.has(d.code)) : blocking);
        if (!built && hasErrors(result.diagnostics)) {
          const onlyBlanks = result.diagnostics.every((d) => d.severity !== "error" || DRAFT_CODES.has(d.code));
          const errors = blocking.filter((d) => d.severity === "error").length;
          const why = opts.draft ? `có ${errors} lỗi không phải chỗ trống (xem ở trên)` : "có lỗi (xem ở trên)";
          io.err(`Không dựng ${opts.draft ? "bản nháp " : ""}báo cáo ${named}: ${why}. Không tệp nào được ghi.${onlyBlanks ? ` Báo cáo còn chỗ trống: dựng bản nháp bằng ${command(`build-report ${year} --draft`)}.` : ""}`);
          return ExitCode.dataProblems;
        }
        for (const w of result.written) io.out(`đã ghi ${w.file}`);
        const s = result.summary!;
        io.out(`Báo cáo ${named}: ${s.sections} mục, ${s.footnotes} chú thích, ${s.appendixRows ? `${s.appendixRows} văn bản trong phụ lục` : "không có phụ lục"}.`);
        const count = opts.draft ? blankCount(result.diagnostics) : undefined;
        if (count) io.out(`Bản nháp: ${count}. Bản in ghi "DỰ THẢO" ở đầu mỗi trang, chỗ chưa điền in là […] tô màu; xem từng chỗ: ${command(`check ${year}`)}`);
        return ExitCode.ok;
      }),
    );

  program
    .command("check")
    .description("kiểm tra dữ liệu (không dựng báo cáo)")
    .argument("[kỳ...]", "các năm, kỳ hoặc chuỗi báo cáo cần kiểm tra (mặc định: mọi kỳ trong thư mục dữ liệu)")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .option("--strict", "coi cảnh báo là lỗi")
    .option("--draft", "kiểm tra bản nháp: chỗ chưa điền (DV500–DV502, số liệu đơn vị chưa gửi) không tính là lỗi, mọi lỗi khác vẫn tính")
    .option("--fix", "tự sửa lỗi chữ (NFC, dấu thanh, dấu cách) và kỳ cũ còn sót (DV503) ngay trong tệp YAML, liệt kê thay đổi")
    .addOption(new Option("--format <dạng>", "cách in kết quả").choices(DIAGNOSTIC_FORMATS).default("text"))
    .action(
      action(async (years: string[], opts: { data: string; strict?: boolean; fix?: boolean; draft?: boolean; format: DiagnosticFormat }) => {
        const color = opts.format === "text" && Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env);
        const chalk = color ? new (await import("chalk")).Chalk({ level: 1 }) : undefined;
        const { checkYears } = await import("./commands/check-years.js");
        const result = await checkYears({ dataRoot: opts.data, years, fix: opts.fix, draft: opts.draft, format: opts.format, chalk });
        for (const line of result.fixed) io.out(line);
        io.out(result.report);
        return result.failed || (opts.strict && result.summary.warnings) ? ExitCode.dataProblems : ExitCode.ok;
      }),
    );

  program
    .command("init")
    .description("tạo thư mục dữ liệu cho bản cài đặt mới: chép năm mẫu 2021 (báo cáo 143-BC/BDVTU) kèm liên kết lược đồ cho trình soạn thảo")
    .argument("[thư-mục]", "thư mục dữ liệu sẽ tạo", "data")
    .action(
      action(async (dir: string) => {
        const { initData } = await import("./commands/init.js");
        const result = initData(dir);
        for (const f of result.written) io.out(`đã tạo ${f}`);
        const last = result.years[result.years.length - 1];
        const data = dir === "data" ? "" : ` --data ${dir}`;
        io.out(`Đã tạo thư mục dữ liệu "${dir}" với năm mẫu ${result.years.join(", ")}. Tiếp theo: ${command(`check ${last}${data}`)}, rồi ${command(`new ${Number(last) + 1}${data}`)}.`);
        return ExitCode.ok;
      }),
    );

  program
    .command("new")
    .description("tạo kỳ mới từ một kỳ trước cùng loại (năm, 6 tháng, quý…): giữ văn bản làm bản nháp, dời kỳ, khung thời gian và chuỗi số liệu, để trống số liệu mới")
    .argument("<kỳ>", "kỳ mới, ví dụ 2022, 2023-h1, bao-cao-6-thang/2023-h1")
    .option("--from <kỳ>", "kỳ làm gốc (mặc định: kỳ gần nhất cùng loại; khác loại thì phải ghi, ví dụ báo cáo năm từ báo cáo 9 tháng)")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .action(
      action(async (year: string, opts: { from?: string; data: string }) => {
        const { createYear } = await import("./commands/new-year.js");
        const result = createYear(opts.data, year, opts.from);
        for (const f of result.written) io.out(`đã tạo ${f}`);
        for (const line of result.moved) io.out(line);
        const { source, target } = result;
        const made = target.period.kind === "year" && source.period.kind === "year" ? `Năm ${target.period.id} đã tạo từ năm ${source.period.id}` : `Kỳ ${target.dir} (${periodName(target.period)}) đã tạo từ kỳ ${source.dir}`;
        io.out(`${made}. Chạy "${command(`check ${year}`)}" để xem từng chỗ cần điền.`);
        return ExitCode.ok;
      }),
    );

  program
    .command("import")
    .description("nhập một báo cáo DOCX đã ký thành một năm dữ liệu (bản nháp để đọc lại)")
    .argument("<tệp>", "tệp .docx")
    .argument("<năm>", "năm cần tạo, ví dụ 2021")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .option("--figures", "chuyển các số liệu nhận ra được (a/b … đạt tỷ lệ x%, n đơn (khiếu nại: x, tố cáo: y)) thành số liệu có kiểu")
    .action(
      action(async (file: string, year: string, opts: { data: string; figures?: boolean }) => {
        const { importDocx } = await import("./import/index.js");
        const result = importDocx({ file, year, dataRoot: opts.data, figures: opts.figures });
        printDiagnostics(io, [...result.repairs, ...result.warnings, ...result.diagnostics]);
        if (hasErrors(result.diagnostics)) {
          // Import keeps what it cannot place as text with a warning: data it made that check refuses is its own bug.
          io.err(`Không nhập được ${periodName(result.period)}: dữ liệu danvan import đọc ra bị danvan check từ chối (xem ở trên). Không tệp nào được ghi. Đây là lỗi của danvan; xin báo lại kèm tệp DOCX.`);
          return ExitCode.internal;
        }
        for (const f of result.written) io.out(`đã tạo ${f}`);
        const s = result.summary;
        const made = result.period.kind === "year" ? `Năm ${year}` : `Kỳ ${year} (${periodName(result.period)})`;
        io.out(`${made} đã nhập từ ${file}: ${s.sections} mục, ${s.footnotes} chú thích, ${s.documents ? `${s.documents} văn bản trong danh mục` : "không có danh mục văn bản (phụ lục)"}. Đọc lại rồi chạy "${command(`build-report ${year}`)}".`);
        return ExitCode.ok;
      }),
    );

  program
    .command("diff")
    .description("so sánh hai kỳ (hai năm, hai kỳ 6 tháng…) như báo cáo in ra: thông tin văn bản, mục, câu, số liệu, chú thích, danh mục văn bản; docx: bản có theo dõi thay đổi (Track Changes)")
    .argument("<kỳ-cũ>", "năm hoặc kỳ cũ, ví dụ 2021, 2021-h1")
    .argument("<kỳ-mới>", "năm hoặc kỳ mới, ví dụ 2022, 2022-h1")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .addOption(new Option("--format <dạng>", "cách in kết quả; docx ghi báo cáo kỳ mới có đánh dấu thay đổi so với kỳ cũ").choices(DIFF_FORMATS).default("text"))
    .option("--out <thư-mục>", "thư mục ghi tệp docx (mặc định out/<kỳ mới>)")
    .action(
      action(async (a: string, b: string, opts: { data: string; format: DiffFormat; out?: string }) => {
        const r = await diffReport(opts.data, a, b, opts.format, opts.out);
        if (!r.ok) {
          printDiagnostics(io, r.diagnostics);
          io.err(`Không so sánh được ${r.names.from} với ${r.names.to}: dữ liệu có lỗi (xem ở trên).`);
          return ExitCode.dataProblems;
        }
        io.out(r.format === "docx" ? `đã ghi ${r.file}${r.identical ? ` (${r.names.from} và ${r.names.to} giống nhau: không có thay đổi)` : ""}` : r.text);
        return ExitCode.ok;
      }),
    );

  program
    .command("review")
    .description("đưa góp ý của lãnh đạo trong tệp DOCX (sửa trực tiếp, Track Changes, bình luận) trở lại dữ liệu; không ghi gì nếu thiếu --apply")
    .argument("<tệp>", "tệp .docx đã góp ý (do danvan build-report dựng ra)")
    .argument("<kỳ>", "năm hoặc kỳ của báo cáo, ví dụ 2021, 2022-h1")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .option("--apply", "ghi các thay đổi vào dữ liệu")
    .option("--figures", "ghi cả số liệu lãnh đạo sửa (vào số liệu, không vào câu)")
    .option("--register", "ghi cả ngày, số, trích yếu văn bản sửa trong sổ văn bản (documents.yaml)")
    .option("--reject-tracked", "bỏ qua phần Track Changes chưa chấp nhận (đọc như khi từ chối tất cả)")
    .addOption(new Option("--format <dạng>", "cách in kết quả").choices(["text", "json"]).default("text"))
    .action(
      action(async (file: string, period: string, opts: { data: string; apply?: boolean; figures?: boolean; register?: boolean; rejectTracked?: boolean; format: "text" | "json" }) => {
        const { reviewDocx } = await import("./review/index.js");
        const r = reviewDocx({ dataRoot: opts.data, docx: file, period, apply: opts.apply, figures: opts.figures, register: opts.register, rejectTracked: opts.rejectTracked });
        if (r.diagnostics.length) {
          printDiagnostics(io, r.diagnostics);
          io.err(`Không đối chiếu được: dữ liệu kỳ ${period} có lỗi (xem ở trên). Sửa rồi chạy lại.`);
          return ExitCode.dataProblems;
        }
        const { reviewJson, reviewText } = await import("./print/review.js");
        io.out(opts.format === "json" ? reviewJson(r) : reviewText(r, Boolean(opts.apply)));
        return r.ok ? ExitCode.ok : ExitCode.dataProblems;
      }),
    );

  const collect = program
    .command("collect")
    .description("thu số liệu từ các đơn vị cấp dưới bằng Excel: tạo mẫu cho từng đơn vị, nhập tệp đơn vị gửi về")
    .configureHelp(VIETNAMESE_HELP);

  collect
    .command("template")
    .description("tạo một tệp Excel cho mỗi đơn vị (theo data/units.yaml), tên tệp là mã đơn vị")
    .argument("<kỳ>", "kỳ báo cáo, ví dụ 2022 hoặc 2022-h1")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .option("--out <thư-mục>", "thư mục ghi các tệp mẫu (mặc định out/<năm>/mau)")
    .action(
      action(async (year: string, opts: { data: string; out?: string }) => {
        const { makeTemplates } = await import("./commands/collect/template.js");
        const r = await makeTemplates(opts.data, year, opts.out ?? `out/${year}/mau`);
        printDiagnostics(io, r.diagnostics);
        if (hasErrors(r.diagnostics)) {
          io.err(`Không tạo mẫu kỳ ${year}: dữ liệu có lỗi (xem ở trên). Không tệp nào được ghi.`);
          return ExitCode.dataProblems;
        }
        for (const f of r.written) io.out(`đã ghi ${f}`);
        io.out(`Đã tạo ${r.written.length} mẫu kỳ ${year} (${r.figures} số liệu thu từ đơn vị). Gửi mỗi đơn vị tệp mang mã của mình; nhận về thì chạy: ${command(`collect import ${year} <các tệp>`)}`);
        return ExitCode.ok;
      }),
    );

  collect
    .command("import")
    .description("đọc các tệp Excel đơn vị gửi về, kiểm tra, ghi số liệu của từng đơn vị vào data/<năm>/units/")
    .argument("<kỳ>", "kỳ báo cáo, ví dụ 2022 hoặc 2022-h1")
    .argument("<tệp...>", "các tệp .xlsx đơn vị gửi về")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .action(
      action(async (year: string, files: string[], opts: { data: string }) => {
        const { importWorkbooks } = await import("./commands/collect/import.js");
        const r = await importWorkbooks(opts.data, year, files);
        printDiagnostics(io, r.diagnostics);
        for (const w of r.written) io.out(`đã ghi ${w.file} (${w.unit.name}: ${w.figures} số liệu${w.blanks ? `, ${w.blanks} ô để trống` : ""})`);
        const skipped = r.refused + r.rejected;
        io.out(`Đã nhập ${r.written.length}/${r.written.length + skipped} tệp${skipped ? `; ${skipped} tệp không nhập (xem ở trên): sửa hoặc xin đơn vị gửi lại rồi nhập lại, số liệu đã có của đơn vị giữ nguyên` : ""}. Tiếp theo: ${command(`check ${year}`)}`);
        if (r.refused) return ExitCode.usage;
        return r.rejected || hasErrors(r.diagnostics) ? ExitCode.dataProblems : ExitCode.ok;
      }),
    );

  program
    .command("fmt")
    .description("viết lại YAML theo một bố cục chuẩn (thứ tự khóa, mỗi câu một dòng), giữ chú thích")
    .argument("[kỳ...]", "các năm, kỳ hoặc chuỗi báo cáo (mặc định: mọi kỳ)")
    .option("--data <thư-mục>", "thư mục dữ liệu", "data")
    .option("--check", "không ghi; báo các tệp chưa đúng bố cục chuẩn (khi có, kết thúc với mã lỗi 1)")
    .action(
      action(async (years: string[], opts: { data: string; check?: boolean }) => {
        const { fmtYears } = await import("./commands/fmt-years.js");
        const outcome = fmtYears(opts.data, years, Boolean(opts.check));
        printDiagnostics(io, outcome.notRead);
        for (const f of outcome.unreadable) io.err(`${f}: không đọc được YAML, bỏ qua (chạy ${command("check")})`);
        for (const f of outcome.refused) io.err(`${f}: DV016: không định dạng: bản định dạng đọc lại không cho cùng giá trị; tệp giữ nguyên (hãy báo lỗi này)`);
        for (const f of outcome.changed) io.out(opts.check ? `chưa chuẩn: ${f}` : `đã định dạng ${f}`);
        io.out(
          opts.check
            ? `${outcome.changed.length} tệp chưa đúng bố cục chuẩn${outcome.changed.length ? ` (chạy ${command("fmt")})` : ""}.`
            : `${outcome.changed.length} tệp đã định dạng, ${outcome.files - outcome.changed.length - outcome.unreadable.length} tệp đã chuẩn.`,
        );
        const failed = (opts.check && outcome.changed.length) || outcome.unreadable.length || outcome.refused.length || outcome.notRead.length;
        return failed ? ExitCode.dataProblems : ExitCode.ok;
      }),
    );

  // Each command says its own mistakes with its own help (`build-report --fromat` → build-report --help).
  const speakFor = (cmd: Command, where: string) => {
    cmd.configureOutput({
      writeOut: (s) => io.out(s.trimEnd()),
      writeErr: (s) => io.err(s.trimEnd()),
      outputError: (s, write) => write(`danvan: DV001: ${commanderMessage(s.trim(), where)}\n`),
    });
    for (const sub of cmd.commands) speakFor(sub, where ? `${where} ${sub.name()}` : sub.name());
  };
  speakFor(program, "");

  try {
    await program.parseAsync(argv);
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    const usage = environmentError(err);
    if (usage) {
      io.err(`danvan: ${usage.code}: ${usage.message}`);
      if (debug && !(err instanceof UsageError)) io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
      return ExitCode.usage;
    }
    io.err("danvan: lỗi nội bộ không mong đợi. Vui lòng báo lỗi này kèm lệnh đã chạy" + (debug ? ":" : " (chạy lại với --debug để xem chi tiết)."));
    if (debug) io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return ExitCode.internal;
  }
}

/** The whole run, as bin/danvan.cjs makes it. */
export async function run(argv: string[]): Promise<number> {
  installSignalHandlers();
  return main(argv);
}

/**
 * Ctrl-C and SIGTERM end the run at once (the default action) in every command and at every step, however
 * long a synchronous step runs. While something is pending — output temporaries, `new`'s staging folder,
 * the PDF job — the run takes the signal itself: it undoes what is pending, says so and exits 130 (SIGINT)
 * or 143 (SIGTERM). Those steps either wait on the event loop (the PDF job) or are one short synchronous
 * step (writing and renaming the set of outputs), so the answer still comes within a second.
 */
export function installSignalHandlers(): void {
  // `danvan … | head`: a reader that closed the pipe is not a failure of the run. What is left to print is
  // dropped (a destroyed stream drops further writes) and the run ends with its own exit code, with no
  // "Unhandled 'error' event" stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
    });
  }
  handleSignalsWhilePending((signal) => {
    undoPending();
    process.stderr.write("danvan: đã dừng theo yêu cầu; các tệp đã có không bị thay đổi dở dang.\n");
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
