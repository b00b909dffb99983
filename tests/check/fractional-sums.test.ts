/**
 * A figure with `decimals` may have a fraction (the report prints 1,5); the warnings about sums and parts
 * said "cộng lại được 405" for 1,5 + 403 and "tổng (2)" for a whole of 1,5, rounding what they quote.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_ROOT } from "../helpers/data.js";
import { runCli } from "../helpers/run-cli.js";

describe("DV341 and DV343 quote fractional figures as they are", () => {
  it("1,5 + 403 is 404,5; a whole of 1,5 is 1,5", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-frac-"));
    fs.cpSync(path.join(DATA_ROOT, "2021"), path.join(root, "2021"), { recursive: true });
    const file = path.join(root, "2021", "sections", "02-3-thong-tin.yaml");
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain("khieu-nai: 1611\n      to-cao: 403\n    stated: 2014\n");
    fs.writeFileSync(file, text.replace("khieu-nai: 1611\n      to-cao: 403\n    stated: 2014\n", "khieu-nai: 1.5\n      to-cao: 403\n    stated: 2014\n    decimals: 1\n"));
    const r = await runCli("check", "2021", "--data", root, "--format", "json");
    const messages = JSON.parse(r.stdout).diagnostics.map((d: { code: string; message: string }) => `${d.code} ${d.message}`);
    expect(messages, JSON.stringify(messages)).toContain("DV341 tổng ghi 2.014 nhưng các thành phần cộng lại được 404,5");
    expect(messages).toContain("DV343 phần (1.487) lớn hơn tổng (1,5)");
    expect(messages.find((m: string) => m.startsWith("DV342 tỷ lệ ghi 92,3%"))).toContain("1.487/1,5 = ");
  });
});
