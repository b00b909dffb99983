/**
 * import's own file-system failures say why in Vietnamese, as every other command does (DV012): a DOCX
 * that is not there (DV600) and a data folder that cannot be written (DV610) printed a bare "ENOENT" or
 * "EACCES".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildInTemp } from "../helpers/build.js";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

describe("import: file-system reasons in Vietnamese", () => {
  it("DV600 for a missing file: 'không tồn tại (ENOENT)'", async () => {
    const r = await runCli("import", path.join(os.tmpdir(), "danvan-no-such-file.docx"), "2023", "--data", fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fsr-")));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DV600: .*: không tồn tại \(ENOENT\)$/);
  });

  it.runIf(process.platform !== "win32")("DV610 for a data folder under a file: a Vietnamese reason with the code", async () => {
    const { file } = await buildInTemp(DATA_ROOT, "2021", ["docx"]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-fsr-"));
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "");
    const r = await runCli("import", file("docx")!, "2023", "--data", path.join(blocker, "data"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("DV610");
    expect(r.stderr).not.toMatch(/: E[A-Z]+$/);
    expect(r.stderr).toMatch(/\(E[A-Z]+\)/);
  });
});
