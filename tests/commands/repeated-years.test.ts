/** `danvan check 2021 2021` (a year named twice, as a shell glob or a script may): each finding once. */
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

describe("a year named twice", () => {
  it("check reports it once", async () => {
    const once = JSON.parse((await runCli("check", "2021", "--format", "json")).stdout);
    const twice = JSON.parse((await runCli("check", "2021", "2021", "--format", "json")).stdout);
    expect(twice.summary).toEqual(once.summary);
    expect(twice.diagnostics).toEqual(once.diagnostics);
  });

  it("fmt --check lists it once", async () => {
    const r = await runCli("fmt", "--check", "2021", "2021");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("0 tệp chưa đúng bố cục chuẩn.");
  });
});
