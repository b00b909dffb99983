/** What `danvan review` found, as text (Vietnamese, per data file, `[-old-] {+new+}` at the YAML line) or JSON. */
import { wordDiff } from "../commands/diff/align.js";
import type { ReviewResult } from "../review/index.js";
import { REVIEW_JSON_VERSION } from "../review/index.js";
import type { Change } from "../review/changes.js";

/** Words kept around a change, each side. */
const CONTEXT = 6;

function shown(before: string, after: string): string {
  const ops = wordDiff(before, after);
  return ops
    .map((o, i) => {
      if (o.op === "-") return `[-${o.text}-]`;
      if (o.op === "+") return `{+${o.text}+}`;
      const w = o.text.split(" ");
      if (w.length <= CONTEXT * 2) return o.text;
      const head = i === 0 ? [] : w.slice(0, CONTEXT);
      const tail = i === ops.length - 1 ? [] : w.slice(-CONTEXT);
      return [...head, "…", ...tail].join(" ");
    })
    .join(" ");
}

const LABEL: Record<Change["kind"], string> = {
  text: "sửa",
  insert: "thêm",
  delete: "xóa",
  figure: "số liệu",
  register: "sổ văn bản",
  conflict: "xung đột",
};

function line(c: ReviewResult["changes"][number], apply: boolean): string {
  const where = `${c.file}:${c.line ?? 1}`;
  const state = c.kind === "conflict" ? "" : c.applied ? " (đã ghi)" : c.needs && !apply ? "" : c.needs ? ` (chưa ghi: cần --${c.needs})` : "";
  const flag = c.needs && !c.applied && !apply ? ` (ghi khi có --${c.needs})` : "";
  const body = c.message ?? shown(c.before, c.after);
  return `  ${where}: ${LABEL[c.kind]}${state}${flag}: ${body}`;
}

export function reviewText(r: ReviewResult, apply: boolean): string {
  const out: string[] = [];
  if (r.unmarked) out.push("Tệp không còn dấu nguồn (có lẽ đã dán sang tài liệu mới): so khớp theo chữ.");
  if (r.dataChanged) out.push("Dữ liệu đã đổi từ khi xuất DOCX: góp ý chạm vào chỗ đã đổi là xung đột, không được ghi.");
  if (r.tracked !== "none") out.push(r.tracked === "accepted" ? "Theo dõi thay đổi (Track Changes): đọc như khi chấp nhận tất cả." : "Theo dõi thay đổi: bỏ qua (--reject-tracked), đọc như khi từ chối tất cả.");
  const files = [...new Set(r.changes.map((c) => c.file))];
  for (const f of files) {
    out.push(f);
    for (const c of r.changes.filter((x) => x.file === f)) out.push(line(c, apply));
  }
  if (r.comments.length) {
    out.push("Góp ý (bình luận):");
    for (const c of r.comments) out.push(`  ${c.file ? `${c.file}:${c.line}` : "(không rõ vị trí)"}: ${c.author || "?"}${c.done ? " (đã xong)" : ""}: ${c.text}${c.quote ? ` — về "${c.quote}"` : ""}`);
  }
  const n = (k: Change["kind"]) => r.changes.filter((c) => c.kind === k).length;
  const left = r.changes.filter((c) => c.kind !== "conflict" && !c.applied).length;
  if (!r.changes.length) out.push("Không có thay đổi nào so với dữ liệu.");
  else
    out.push(
      `${r.changes.length - n("conflict")} thay đổi (${n("text")} sửa, ${n("insert")} thêm, ${n("delete")} xóa, ${n("figure")} số liệu, ${n("register")} sổ văn bản), ${n("conflict")} xung đột. ` +
        (apply ? `Đã ghi ${r.written.length} tệp${left ? `; ${left} thay đổi chưa ghi` : ""}.` : "Chưa ghi gì: thêm --apply để ghi."),
    );
  return out.join("\n");
}

export function reviewJson(r: ReviewResult): string {
  return JSON.stringify(
    {
      version: REVIEW_JSON_VERSION,
      period: r.period,
      docx: r.docx,
      dataChanged: r.dataChanged,
      unmarked: r.unmarked,
      tracked: r.tracked,
      changes: r.changes.map(({ ops: _ops, ...c }) => c),
      comments: r.comments,
      written: r.written,
    },
    null,
    2,
  );
}
