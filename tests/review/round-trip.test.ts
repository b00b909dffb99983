/**
 * `review` end to end on 2021: the DOCX build-report writes, edited the ways leaders edit (XML edits of
 * word/document.xml and footnotes.xml), reviewed with --apply; then build-report must print exactly the
 * reviewed file's text (accept-all), fmt --check is clean, and the same review again changes nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/pipeline.js";
import { reviewDocx, type ReviewOptions } from "../../src/review/index.js";
import { readReviewed } from "../../src/review/reviewed.js";
import { fmtYears } from "../../src/commands/fmt-years.js";

let tmp: string;
let built: Uint8Array;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-review-"));
  fs.cpSync("data/2021", path.join(tmp, "base", "2021"), { recursive: true });
  const r = await buildReport({ dataRoot: path.join(tmp, "base"), year: "2021", outDir: path.join(tmp, "base-out"), formats: new Set(["docx"]) });
  built = fs.readFileSync(r.written[0].file);
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Parts = Record<string, string>;

/** The DOCX with its XML parts edited by `edit`. */
function edited(name: string, edit: (parts: Parts) => void): string {
  const files = unzipSync(built);
  const parts: Parts = {};
  for (const [k, v] of Object.entries(files)) if (/\.(xml|rels)$/.test(k)) parts[k] = strFromU8(v);
  edit(parts);
  for (const [k, v] of Object.entries(parts)) files[k] = strToU8(v);
  for (const k of Object.keys(files)) if (!(k in parts) && /\.(xml|rels)$/.test(k)) delete files[k];
  const file = path.join(tmp, `${name}.docx`);
  fs.writeFileSync(file, zipSync(files));
  return file;
}

function replaceOnce(text: string, a: string, b: string): string {
  const at = text.indexOf(a);
  if (at < 0) throw new Error(`not in the XML: ${a}`);
  return text.slice(0, at) + b + text.slice(at + a.length);
}

const doc = (f: (xml: string) => string) => (p: Parts) => {
  p["word/document.xml"] = f(p["word/document.xml"]);
};

/** A fresh copy of the data, the review run on it, and the report built again from what it wrote. */
async function review(name: string, docx: string, options: Partial<ReviewOptions> = {}) {
  const dataRoot = path.join(tmp, name, "data");
  fs.cpSync(path.join(tmp, "base"), dataRoot, { recursive: true });
  const result = reviewDocx({ dataRoot, docx, period: "2021", apply: true, ...options });
  const again = await buildReport({ dataRoot, year: "2021", outDir: path.join(tmp, name, "out"), formats: new Set(["docx"]) });
  const rebuilt = again.written[0]?.file;
  const second = reviewDocx({ dataRoot, docx, period: "2021", apply: false, ...options });
  return { result, rebuilt, second, dataRoot };
}

const texts = (file: string, mode: "accept" | "reject" = "accept") => {
  const r = readReviewed(file, mode);
  return [...r.body.map((p) => p.text).filter(Boolean), "—", ...r.notes.map((p) => p.text)];
};

async function roundTrip(name: string, edit: (p: Parts) => void, options: Partial<ReviewOptions> = {}) {
  const docx = edited(name, edit);
  const out = await review(name, docx, options);
  expect(out.result.changes.filter((c) => c.kind === "conflict").map((c) => c.message)).toEqual([]);
  expect(out.rebuilt, "build-report after review").toBeDefined();
  expect(texts(out.rebuilt!)).toEqual(texts(docx, options.rejectTracked ? "reject" : "accept"));
  expect(out.second.changes).toEqual([]);
  expect(fmtYears(out.dataRoot, ["2021"], true).changed).toEqual([]);
  return out;
}

describe("review --apply, then build-report prints the reviewed text", () => {
  it("an unreviewed DOCX gives no change", async () => {
    const docx = edited("same", () => {});
    const out = await review("same", docx);
    expect(out.result.changes).toEqual([]);
    expect(out.result.ok).toBe(true);
    expect(out.result.written).toEqual([]);
  });

  it("a word changed inside a sentence with a figure and a citation keeps every helper", async () => {
    const { result, dataRoot } = await roundTrip("word", doc((x) => replaceOnce(x, "đã tổ chức ký kết và ban hành", "đã tổ chức ký kết, ban hành")));
    expect(result.changes.map((c) => c.kind)).toEqual(["text"]);
    const yaml = fs.readFileSync(path.join(dataRoot, "2021/sections/01-quan-triet.yaml"), "utf8");
    expect(yaml).toContain('ký kết, ban hành {{doc "20-ctr-bdvtu-bcsdub" date=false}}');
    expect(yaml).toContain('{{ratio "i-huyen-ban-hanh"}}');
  });

  it("a sentence inserted", async () => {
    await roundTrip("sentence", doc((x) => replaceOnce(x, "thực hiện trên địa bàn tỉnh. Tiếp đó,", "thực hiện trên địa bàn tỉnh. Việc ký kết được các ngành đồng tình. Tiếp đó,")));
  });

  it("a new paragraph becomes a new block after the one before it", async () => {
    const { result, dataRoot } = await roundTrip("new-paragraph", doc((x) => {
      const at = x.indexOf("Nhìn chung, việc ký kết, ban hành văn bản");
      const start = x.lastIndexOf("<w:p>", at);
      return `${x.slice(0, start)}<w:p><w:r><w:t xml:space="preserve">Lãnh đạo bổ sung một đoạn mới về kết quả ký kết.</w:t></w:r></w:p>${x.slice(start)}`;
    }));
    expect(result.changes.map((c) => [c.kind, c.path])).toEqual([["insert", ["body", 1]]]);
    expect(fs.readFileSync(path.join(dataRoot, "2021/sections/01-quan-triet.yaml"), "utf8")).toMatch(/ {2}- Lãnh đạo bổ sung một đoạn mới về kết quả ký kết\.\n {2}- >-\n {4}Nhìn chung/);
  });

  it("a list item reworded, a new item after it, a subheading reworded", async () => {
    const { result, dataRoot } = await roundTrip("list", doc((x) => {
      let y = replaceOnce(x, "có lúc chưa kịp thời", "đôi lúc chưa kịp thời");
      const at = y.indexOf("Việc triển khai các nội dung phối hợp còn mang tính định hướng chung");
      const start = y.lastIndexOf("<w:p>", at);
      y = `${y.slice(0, start)}<w:p><w:r><w:t xml:space="preserve">- Một hạn chế mới lãnh đạo nêu thêm.</w:t></w:r></w:p>${y.slice(start)}`;
      return replaceOnce(y, "Nguyên nhân chủ yếu của những hạn chế", "Nguyên nhân chính của những hạn chế");
    }));
    // The reworded item and the one typed after it are one run of edits: the items replaced by the new ones.
    expect(result.changes.map((c) => [c.kind, c.path])).toEqual([
      ["insert", ["body", 2, "bullets", 0]],
      ["text", ["body", 3, "subheading"]],
    ]);
    expect(fs.readFileSync(path.join(dataRoot, "2021/sections/03-danh-gia.yaml"), "utf8")).toContain("- Một hạn chế mới lãnh đạo nêu thêm.");
  });

  it("a paragraph deleted", async () => {
    const { result } = await roundTrip("delete", doc((x) => {
      const at = x.indexOf("Nhìn chung, việc ký kết, ban hành văn bản");
      const start = x.lastIndexOf("<w:p>", at);
      const end = x.indexOf("</w:p>", at) + "</w:p>".length;
      return x.slice(0, start) + x.slice(end);
    }));
    expect(result.changes.map((c) => c.kind)).toEqual(["delete"]);
  });

  it("a paragraph split in two and two merged", async () => {
    await roundTrip("split", doc((x) => replaceOnce(x, "thực hiện trên địa bàn tỉnh. Tiếp đó,", 'thực hiện trên địa bàn tỉnh.</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Tiếp đó,')));
    await roundTrip("merge", doc((x) => {
      const at = x.indexOf("Nhìn chung, việc ký kết, ban hành văn bản");
      const start = x.lastIndexOf("<w:p>", at);
      const prevEnd = x.lastIndexOf("</w:p>", start);
      const runs = x.indexOf("</w:pPr>", start) + "</w:pPr>".length;
      return `${x.slice(0, prevEnd)}<w:r><w:t xml:space="preserve"> </w:t></w:r>${x.slice(runs)}`;
    }));
  });

  it("a heading reworded", async () => {
    const { result } = await roundTrip("heading", doc((x) => replaceOnce(x, "II- Kết quả thực hiện các nội dung phối hợp", "II- Kết quả thực hiện nội dung phối hợp")));
    expect(result.changes[0].path).toEqual(["heading"]);
  });

  it("a footnote's text changed", async () => {
    const { result } = await roundTrip("footnote", (p) => {
      p["word/footnotes.xml"] = replaceOnce(p["word/footnotes.xml"], "về việc tặng quà cho công nhân lao động", "về việc tặng quà Tết cho công nhân lao động");
    });
    expect(result.changes.map((c) => c.path[0])).toEqual(["footnotes"]);
  });

  it("tracked insertions and deletions: applied, or left out with --reject-tracked", async () => {
    const tracked = doc((x) =>
      replaceOnce(
        x,
        "đã tổ chức ký kết và ban hành",
        'đã tổ chức </w:t></w:r><w:del w:id="901" w:author="Lãnh đạo" w:date="2021-11-20T00:00:00Z"><w:r><w:delText xml:space="preserve">ký kết và </w:delText></w:r></w:del><w:ins w:id="902" w:author="Lãnh đạo" w:date="2021-11-20T00:00:00Z"><w:r><w:t xml:space="preserve">ký kết, </w:t></w:r></w:ins><w:r><w:t xml:space="preserve">ban hành',
      ),
    );
    const accepted = await roundTrip("tracked", tracked);
    expect(accepted.result.tracked).toBe("accepted");
    const rejected = await roundTrip("tracked-rejected", tracked, { rejectTracked: true });
    expect(rejected.result.changes).toEqual([]);
  });

  it("the marks stripped (a paste into a new document) still finds each paragraph by its text", async () => {
    const { result } = await roundTrip("stripped", (p) => {
      p["word/document.xml"] = p["word/document.xml"].replace(/<w:bookmarkStart w:name="_dv[^"]*" w:id="(\d+)"\/><w:bookmarkEnd w:id="\1"\/>/g, "");
      p["word/footnotes.xml"] = p["word/footnotes.xml"].replace(/<w:bookmarkStart w:name="_dv[^"]*" w:id="(\d+)"\/><w:bookmarkEnd w:id="\1"\/>/g, "");
      delete p["docProps/custom.xml"];
      p["word/document.xml"] = replaceOnce(p["word/document.xml"], "đã tổ chức ký kết và ban hành", "đã tổ chức ký kết, ban hành");
    });
    expect(result.unmarked).toBe(true);
    expect(result.changes.map((c) => c.kind)).toEqual(["text"]);
  });
});

describe("comments", () => {
  it("are listed with their author, text and the YAML line of the words they mark; the data is left alone", async () => {
    const docx = edited("comment", (p) => {
      p["word/document.xml"] = replaceOnce(
        p["word/document.xml"],
        "UBND tỉnh tiếp tục ban hành",
        '</w:t></w:r><w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">UBND tỉnh tiếp tục ban hành</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:t xml:space="preserve">',
      );
      p["word/comments.xml"] =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        '<w:comment w:id="0" w:author="Đặng Hồng Sỹ" w:date="2021-11-20T08:00:00Z" w:initials="ĐHS"><w:p><w:r><w:t>Ghi rõ số kế hoạch.</w:t></w:r></w:p></w:comment></w:comments>';
      p["word/_rels/document.xml.rels"] = replaceOnce(
        p["word/_rels/document.xml.rels"],
        "</Relationships>",
        '<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
      );
      p["[Content_Types].xml"] = replaceOnce(p["[Content_Types].xml"], "</Types>", '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>');
    });
    const { result } = await review("comment", docx);
    expect(result.changes).toEqual([]);
    expect(result.comments).toMatchObject([{ author: "Đặng Hồng Sỹ", text: "Ghi rõ số kế hoạch.", quote: "UBND tỉnh tiếp tục ban hành", file: expect.stringMatching(/01-quan-triet\.yaml$/), line: 10 }]);
  });
});

describe("figures and register citations are data", () => {
  const figure = doc((x) => replaceOnce(x, "khiếu nại: 1.611 đơn", "khiếu nại: 1.612 đơn"));

  it("a changed figure is named by its statistic and path, applied only with --figures", async () => {
    const docx = edited("figure", figure);
    const without = await review("figure", docx);
    expect(without.result.changes.map((c) => c.message)).toEqual(["ii3-don-khieu-to.khieu-nai: 1611 → 1612"]);
    expect(without.result.ok).toBe(false);
    expect(without.result.written).toEqual([]);
    const withFlag = await review("figure-applied", docx, { figures: true });
    expect(withFlag.result.ok).toBe(true);
    expect(fs.readFileSync(path.join(withFlag.dataRoot, "2021/sections/02-3-thong-tin.yaml"), "utf8")).toMatch(/khieu-nai: 1612/);
  });

  it("a changed derived figure (a total) is a conflict naming its parts", async () => {
    const docx = edited("total", doc((x) => replaceOnce(x, "tiếp nhận 2.014 đơn khiếu tố", "tiếp nhận 2.015 đơn khiếu tố")));
    const { result } = await review("total", docx, { figures: true });
    expect(result.changes.map((c) => c.kind)).toEqual(["conflict"]);
    expect(result.changes[0].message).toContain("ii3-don-khieu-to.khieu-nai");
    expect(result.ok).toBe(false);
  });

  it("a register citation's date changed is a change to the entry, applied with --register", async () => {
    const docx = edited("register", doc((x) => replaceOnce(x, "Kế hoạch số 3111/KH-UBND, ngày 11/8/2017", "Kế hoạch số 3111/KH-UBND, ngày 12/8/2017")));
    const without = await review("register", docx);
    expect(without.result.changes.map((c) => c.message)).toEqual(["3111-kh-ubnd.date: 2017-08-11 → 2017-08-12"]);
    expect(without.result.ok).toBe(false);
    const applied = await review("register-applied", docx, { register: true });
    expect(applied.result.ok).toBe(true);
    expect(fs.readFileSync(path.join(applied.dataRoot, "2021/documents.yaml"), "utf8")).toContain('date: "2017-08-12"');
  });
});

describe("conflicts", () => {
  it("a change to a paragraph whose data changed since the DOCX was built is listed, not applied", async () => {
    const docx = edited("conflict", doc((x) => replaceOnce(x, "đã tổ chức ký kết và ban hành", "đã tổ chức ký kết, ban hành")));
    const dataRoot = path.join(tmp, "conflict", "data");
    fs.cpSync(path.join(tmp, "base"), dataRoot, { recursive: true });
    const file = path.join(dataRoot, "2021/sections/01-quan-triet.yaml");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("trên địa bàn tỉnh.", "trên toàn tỉnh."));
    const before = fs.readFileSync(file, "utf8");
    const r = reviewDocx({ dataRoot, docx, period: "2021", apply: true });
    expect(r.dataChanged).toBe(true);
    expect(r.changes.map((c) => c.kind)).toEqual(["conflict"]);
    expect(r.ok).toBe(false);
    expect(fs.readFileSync(file, "utf8")).toBe(before);
  });
});

const soffice = (() => {
  try {
    execFileSync("soffice", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("after a LibreOffice save", () => {
  it.skipIf(!soffice)("the marks survive and the edits come back, figures with --figures", async () => {
    const docx = edited("lo-edited", doc((x) => {
      let y = replaceOnce(x, "đã tổ chức ký kết và ban hành", "đã tổ chức ký kết, ban hành");
      y = replaceOnce(y, "II- Kết quả thực hiện các nội dung phối hợp", "II- Kết quả thực hiện nội dung phối hợp");
      return replaceOnce(y, "khiếu nại: 1.611 đơn", "khiếu nại: 1.612 đơn");
    }));
    const out = path.join(tmp, "lo");
    execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(path.join(tmp, "lo-profile")).href}`, "--headless", "--convert-to", "docx", "--outdir", out, docx], { stdio: "ignore", timeout: 120_000 });
    const saved = path.join(out, "lo-edited.docx");
    expect(readReviewed(saved, "accept").stamp?.period).toBe("2021");
    const r = await review("lo", saved, { figures: true });
    expect(r.result.unmarked).toBe(false);
    expect(r.result.changes.map((c) => [c.kind, c.applied])).toEqual([
      ["text", true],
      ["text", true],
      ["figure", true],
    ]);
    // A figure is data: the statistic changed, so every place that prints it does (a footnote's ratio too),
    // while the total the data states stays as stated (check then warns, DV341).
    expect(texts(r.rebuilt!)).toEqual(texts(saved).map((t) => t.replace("1.487/1.611 đơn khiếu nại", "1.487/1.612 đơn khiếu nại")));
  }, 180_000);
});
