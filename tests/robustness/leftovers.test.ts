/**
 * Class: leftovers and interruption. SIGTERM is answered within a second, and what the run had made —
 * here the PDF job's folder in the system temp dir and LibreOffice itself — is gone afterwards.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { BIN, miniRoot, ROOT, tmp } from "./helpers.js";

/** A second, as promised, plus room for a loaded machine running the suite in parallel. */
const SIGNAL_BOUND_MS = 2000;

function waitFor(test: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = () => (test() ? resolve(true) : Date.now() > until ? resolve(false) : setTimeout(tick, 20));
    tick();
  });
}

describe("interruption", () => {
  it("SIGTERM during --format pdf: exit 143 within a second, no temp folder, no LibreOffice left", async () => {
    const temp = tmp();
    const out = tmp();
    const child = spawn(process.execPath, [BIN, "build-report", "2021", "--data", miniRoot(), "--out", out, "--format", "docx,pdf"], {
      env: { ...process.env, TMPDIR: temp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // The job's folder exists once LibreOffice has been started on it.
    const started = await waitFor(() => fs.readdirSync(temp).some((n) => n.startsWith("danvan-pdf-") && fs.existsSync(path.join(temp, n, "report.docx"))), 30_000);
    expect(started).toBe(true);
    const job = fs.readdirSync(temp).find((n) => n.startsWith("danvan-pdf-"))!;
    await new Promise((r) => setTimeout(r, 200));
    const sent = Date.now();
    child.kill("SIGTERM");
    const code = await exited;
    // The promise is a second on a quiet machine; the suite runs files in parallel on CI's two cores, so the
    // bound here leaves room for scheduling. The exit code, the message and the cleanup are what tell a
    // handled signal from a run that simply finished.
    expect(Date.now() - sent).toBeLessThan(SIGNAL_BOUND_MS);
    expect(code).toBe(143);
    expect(stderr).toContain("đã dừng theo yêu cầu");
    expect(fs.readdirSync(temp)).toEqual([]);
    expect(fs.readdirSync(out)).toEqual([]);
    // No LibreOffice still working on the removed folder.
    const procs = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
    const busy = procs.filter((p) => {
      try {
        return fs.readFileSync(`/proc/${p}/cmdline`, "utf8").includes(job);
      } catch {
        return false;
      }
    });
    expect(busy).toEqual([]);
  });
});

describe("interruption with nothing pending", () => {
  it("SIGTERM during a long check ends it at once", async () => {
    const root = tmp();
    const { generateYear } = (await import("../bench/generate.mjs")) as { generateYear: (from: string, to: string, copies: number) => unknown };
    // Long enough (~4 s on a quiet machine) that the signal lands mid-run, however fast check becomes.
    generateYear(path.join(ROOT, "tests/fixtures/years/mini/2021"), path.join(root, "3000"), 1500);
    const child = spawn(process.execPath, [BIN, "check", "3000", "--data", root], { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    await new Promise((r) => setTimeout(r, 500));
    const sent = Date.now();
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(Date.now() - sent).toBeLessThan(SIGNAL_BOUND_MS);
  });
});

describe("leftovers of a killed run", () => {
  it("the next new removes a killed new's staging folder; the next build, a killed build's temporaries", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const root = miniRoot();
    const staging = path.join(root, `.danvan-new-${dead}-2022-abcdef`);
    fs.mkdirSync(path.join(staging, "sections"), { recursive: true });
    const live = path.join(root, `.danvan-new-${process.pid}-2023-abcdef`);
    fs.mkdirSync(live);
    expect((await runCli("new", "2022", "--data", root)).code).toBe(0);
    expect(fs.existsSync(staging)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    const out = tmp();
    fs.writeFileSync(path.join(out, `.danvan-${dead}-0123456789ab.tmp`), "half a docx");
    expect((await runCli("build-report", "2021", "--data", root, "--out", out)).code).toBe(0);
    expect(fs.readdirSync(out).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
