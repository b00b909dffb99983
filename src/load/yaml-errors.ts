/**
 * YAML syntax errors in the clerk's language, at the place to fix. The parser notices an unclosed quote or
 * bracket only where the file or the block ends; the reader must fix it where it opens.
 */
import type { Document, Node, YAMLError } from "yaml";
import { indentationProblem } from "./indentation.js";

/** Every error code of the `yaml` library, in Vietnamese; no English is left in the message. */
const MESSAGES: Record<string, string> = {
  ALIAS_PROPS: "bí danh (*tên) không được mang thẻ hay neo",
  BAD_ALIAS: "bí danh (alias) không hợp lệ",
  BAD_DIRECTIVE: "chỉ thị % của YAML không hợp lệ; hãy bỏ dòng bắt đầu bằng %",
  BAD_DQ_ESCAPE: 'ký tự thoát sau dấu \\ không hợp lệ trong chuỗi "…"; viết \\\\ cho một dấu \\, hoặc dùng >-',
  BAD_INDENT: "thụt lề không đúng: các khóa cùng cấp phải thẳng cột, khóa con thụt vào bằng dấu cách",
  BAD_PROP_ORDER: "thẻ và neo phải đứng trước giá trị",
  BAD_SCALAR_START: "giá trị bắt đầu bằng ký tự không hợp lệ; hãy đặt trong dấu ngoặc kép hoặc dùng >-",
  BLOCK_AS_IMPLICIT_KEY: "dòng có hai dấu hai chấm kèm dấu cách (khóa: câu có dấu hai chấm: …): YAML đọc dấu hai chấm thứ hai thành một khóa nữa; đặt cả câu sau khóa trong dấu ngoặc kép, hoặc viết >- rồi xuống dòng",
  BLOCK_IN_FLOW: "không viết khối nhiều dòng bên trong [ ] hoặc { }",
  DUPLICATE_KEY: "khóa bị lặp lại trong cùng một bảng",
  IMPOSSIBLE: "YAML không đọc được ở đây",
  KEY_OVER_1024_CHARS: "khóa dài quá 1024 ký tự",
  MISSING_CHAR: "thiếu ký tự: dấu hai chấm sau khóa, hoặc dấu đóng ngoặc",
  MULTILINE_IMPLICIT_KEY: "khóa không được trải trên nhiều dòng (thiếu dấu hai chấm sau khóa?)",
  MULTIPLE_ANCHORS: "một giá trị chỉ được có một neo (&tên)",
  MULTIPLE_DOCS: "tệp chỉ được chứa một tài liệu YAML (bỏ dòng --- thứ hai)",
  MULTIPLE_TAGS: "một giá trị chỉ được có một thẻ (!thẻ)",
  NON_STRING_KEY: "khóa phải là chữ",
  RESOURCE_EXHAUSTION: "quá nhiều bí danh (alias)",
  TAB_AS_INDENT: "không dùng phím Tab để thụt lề; hãy dùng dấu cách",
  TAG_RESOLVE_FAILED: "thẻ (!thẻ) không được hỗ trợ",
  UNEXPECTED_TOKEN: "ký tự không mong đợi ở đây (thụt lề sai, hoặc thiếu dấu hai chấm hay dấu gạch đầu dòng?)",
  BAD_COLLECTION_TYPE: "kiểu danh sách hoặc bảng không hợp lệ",
};

export interface YamlProblem {
  /** Offset in the text where the reader should look. */
  offset: number;
  message: string;
  duplicateKey: boolean;
  /** A code of its own (an indentation mistake); else DV101, or DV102 for a duplicate key. */
  code?: string;
}

/**
 * `a: Theo Báo cáo số 12: năm 2020.`: the sentence after a key holds ": " itself, and YAML reads it as a
 * second key on the line. At that colon, with the line fixed (the sentence in quotes, or `>-` when it has
 * quotes of its own); the same mistake as a bullet read as a key (DV119).
 */
function secondColon(text: string, offset: number): YamlProblem | undefined {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const endAt = text.indexOf("\n", start);
  const line = text.slice(start, endAt < 0 ? undefined : endAt).replace(/\r$/, "");
  const m = /^(\s*(?:-\s+)*[^\s:#"'][^:#]*?:\s+)([^"'|>&*!\s#][^#]*?: .*?)\s*$/.exec(line);
  if (!m) return undefined;
  const [, lead, sentence] = m;
  const fixed = sentence.includes('"') ? `${lead}>-\n${" ".repeat(lead.length - lead.trimStart().length + 2)}${sentence}` : `${lead}"${sentence.replace(/\\/g, "\\\\")}"`;
  const key = sentence.slice(0, sentence.indexOf(": "));
  return {
    offset: start + lead.length + key.length,
    message: `dấu hai chấm và dấu cách sau "${key}" làm YAML đọc thành một khóa nữa trên cùng dòng, không phải một câu văn; đặt cả câu trong dấu ngoặc kép (hoặc viết >- rồi xuống dòng): ${fixed.trim()}`,
    duplicateKey: false,
    code: "DV119",
  };
}

/** Offset of a 1-based line and column. */
function offsetOf(text: string, line: number, col: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) at = text.indexOf("\n", at) + 1;
  return at + col - 1;
}

/**
 * An indentation mistake replaces what the library said from the line above it on: its errors there are
 * that one mistake read on (a key over two lines, every later key out of column).
 */
function withIndentation(problems: YamlProblem[], text: string): YamlProblem[] {
  const mistake = indentationProblem(text);
  if (!mistake) return problems;
  const from = offsetOf(text, Math.max(1, mistake.line - 1), 1);
  const before = problems.filter((p) => p.offset < from);
  return [...before, { offset: offsetOf(text, mistake.line, mistake.col), message: mistake.message, duplicateKey: false, code: mistake.code }];
}

/** One problem per mistake: an unclosed quote or bracket is reported once, where it opens. */
export function yamlProblems(doc: Document, text: string, visitNodes: (doc: Document, each: (n: Node) => void) => void): YamlProblem[] {
  const out: YamlProblem[] = [];
  // Looked for only when an error can be one (a file that reads has none): it walks every node.
  let unclosed: ReturnType<typeof unclosedOpenings> | undefined;
  let reportedUnclosed = false;
  for (const e of doc.errors as YAMLError[]) {
    const quote = e.code === "MISSING_CHAR" && /quote/i.test(e.message);
    const flow = e.code === "BAD_INDENT" && /^Flow (sequence|map)/.test(e.message);
    if ((quote || flow) && (unclosed ??= unclosedOpenings(doc, text, visitNodes)).length) {
      // The rest of the file after an unclosed quote is read as its text: one mistake, said once.
      if (reportedUnclosed) continue;
      reportedUnclosed = true;
      for (const u of unclosed) out.push({ offset: u.offset, message: u.message, duplicateKey: false });
      continue;
    }
    const colon = e.code === "BLOCK_AS_IMPLICIT_KEY" ? secondColon(text, e.pos[0]) : undefined;
    if (colon) {
      out.push(colon);
      continue;
    }
    let message = MESSAGES[e.code] ?? "YAML không đọc được ở đây";
    if (e.code === "MISSING_CHAR" && /followed by map values/.test(e.message)) message = "thiếu dấu hai chấm (:) sau khóa, hoặc dòng này thụt lề sai";
    out.push({ offset: e.pos[0], message: e.code === "DUPLICATE_KEY" ? message : `YAML không hợp lệ: ${message}`, duplicateKey: e.code === "DUPLICATE_KEY" });
  }
  return out.some((p) => !p.duplicateKey) ? withIndentation(out, text) : out;
}

function unclosedOpenings(doc: Document, text: string, visitNodes: (doc: Document, each: (n: Node) => void) => void): Array<{ offset: number; message: string }> {
  const found: Array<{ offset: number; message: string }> = [];
  visitNodes(doc, (node) => {
    const range = node.range;
    if (!range) return;
    const source = text.slice(range[0], range[1]).trimEnd();
    const type = (node as { type?: string }).type;
    const flow = (node as { flow?: boolean }).flow;
    if (type === "QUOTE_DOUBLE" || type === "QUOTE_SINGLE") {
      const q = type === "QUOTE_DOUBLE" ? '"' : "'";
      if (source.length < 2 || !source.endsWith(q) || (q === '"' && !closesAfterEscapes(source))) {
        found.push({ offset: range[0], message: `YAML không hợp lệ: dấu ${q} mở ở đây chưa được đóng; thêm ${q} ở cuối giá trị (hoặc bỏ dấu ${q} ở đầu)` });
      }
    } else if (flow && (source.startsWith("[") || source.startsWith("{"))) {
      const [open, close] = source.startsWith("[") ? ["[", "]"] : ["{", "}"];
      if (!source.endsWith(close)) found.push({ offset: range[0], message: `YAML không hợp lệ: dấu ${open} mở ở đây chưa được đóng; thêm ${close} ở cuối (hoặc viết mỗi mục một dòng)` });
    }
  });
  return found;
}

/** `"a\\"` closes (an escaped backslash, then the quote); `"a\"` does not. */
function closesAfterEscapes(source: string): boolean {
  const m = /(\\*)"$/.exec(source);
  return !m || m[1].length % 2 === 0;
}
