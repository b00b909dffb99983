/** Indentation mistakes found on their own line, once, at the extra space or the Tab (load/indentation.ts). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { indentationProblem } from "../../src/load/indentation.js";

const at = (text: string) => {
  const p = indentationProblem(text);
  return p && `${p.line}:${p.col} ${p.code} ${p.message}`;
};

describe("indentationProblem", () => {
  it("one extra space before a key: at that line, the extra space's column, against the line above", () => {
    expect(at("id: a\nheading: b\n body:\n  - x\n")).toBe('3:1 DV115 thụt lề thừa 1 dấu cách so với dòng trên (heading:): các khóa cùng cấp phải thẳng cột; xóa 1 dấu cách ở đầu dòng');
    expect(at("statistics:\n  don:\n    label: x\n     stated: 3\n")).toBe('4:5 DV115 thụt lề thừa 1 dấu cách so với dòng trên (label:): các khóa cùng cấp phải thẳng cột; xóa 1 dấu cách ở đầu dòng');
    expect(at("id: a\n  heading: b\n")).toMatch(/^2:1 DV115 thụt lề thừa 2 dấu cách/);
  });

  it("a key between its parent's column and its siblings': both readings", () => {
    expect(at("statistics:\n  don:\n    label: x\n   stated: 3\n")).toBe(
      '4:3 DV115 thụt lề thừa 1 dấu cách so với "don:" (dòng 2) nếu là khóa cùng cấp với nó (xóa 1 dấu cách ở đầu dòng), hoặc thiếu 1 dấu cách nếu là khóa con của nó (các dòng cùng cấp dưới "don:" (dòng 2), thụt 4 dấu cách: thêm 1 dấu cách)',
    );
    expect(at("statistics:\n  don:\n    label: x\n      stated: 3\n")).toMatch(/^4:5 DV115 thụt lề thừa 2 dấu cách so với dòng trên/);
  });

  it("a bullet one space off its list", () => {
    expect(at("body:\n  - bullets:\n      - a\n  - x\n   - y\n")).toMatch(/^5:3 DV115 thụt lề thừa 1 dấu cách/);
  });

  it("a bullet one space past a bullet of text: YAML would fold it into that bullet's sentence", () => {
    const p = indentationProblem("body:\n  - bullets:\n      - Ý một.\n       - Ý hai.\n");
    expect(p).toMatchObject({ line: 4, col: 7, code: "DV115", foldsIntoText: true });
    // A key one space in is not folded text: the library refuses it (reported with its errors).
    expect(indentationProblem("id: a\n heading: b\n")?.foldsIntoText).toBeUndefined();
  });

  it("a Tab: once, at the Tab, with the spaces it stands for and the other lines so indented", () => {
    expect(at("statistics:\n\tdon:\n    label: x\n\tgiai:\n    label: y\n")).toBe(
      '2:1 DV116 thụt lề bằng phím Tab: YAML chỉ nhận dấu cách; xóa Tab, thụt lề bằng dấu cách (ở đây thường là 2 dấu cách: khóa con của "statistics:" (dòng 1)); còn 1 dòng khác cũng thụt bằng Tab (dòng 4)',
    );
    expect(at("statistics:\n  don:\n  \tlabel: x\n")).toMatch(/^3:3 DV116 /);
  });

  it("nothing in well laid out YAML: block scalars, open quotes, nested bullets, lists at their key's column", () => {
    const ok = [
      "body:\n  - >-\n    abc: def\n     x: y\n  - bullets:\n      - a\n      - b: c\n        d: e\n  - subheading: x\n",
      'footnotes:\n  a: "x\n    y: z"\n  b: c\nlist:\n- a\n- b\n',
      "a:\n  b: |\n    \ttext with a tab\n  c: d\n",
      "# comment\n  # indented comment\nkey: value over\n  two lines\nnext: 1\n",
      "- id: a\n  number: 1\n- id: b\n  number: 2\n",
    ];
    for (const text of ok) expect(at(text), text).toBeUndefined();
  });

  it("finds nothing in any file of the sample year and the fixture years, and one mistake when a key line gains a space", () => {
    const files = [DATA_ROOT, "tests/fixtures/years"].flatMap((root) =>
      fs.readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".yaml")).map((f) => path.join(root, f)),
    );
    expect(files.length).toBeGreaterThan(20);
    let shifted = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      expect(at(text), file).toBeUndefined();
      // Each top-level key after the first, one space in: found at that line, column 1.
      const lines = text.split("\n");
      lines.forEach((l, i) => {
        if (i === 0 || !/^[a-z][\w-]*:( |$)/.test(l) || !lines.slice(0, i).some((x) => /^[a-z]/.test(x))) return;
        const moved = [...lines.slice(0, i), ` ${l}`, ...lines.slice(i + 1)].join("\n");
        expect(at(moved) ?? `none at ${file}:${i + 1}: ${lines[i - 1]}`).toMatch(new RegExp(`^${i + 1}:1 DV115 thụt lề thừa 1 dấu cách`));
        shifted++;
      });
    }
    expect(shifted).toBeGreaterThan(20);
  });
});
