/**
 * Class: leftovers and interruption. SIGTERM ends the run, and what the run had made — here the PDF job's
 * folder in the system temp dir and LibreOffice itself — is gone afterwards.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { BIN, miniRoot, tmp } from "./helpers.js";

/**
 * Resolves when the run prints `danvan-test: ready <step>` (src/io/ready.ts, under DANVAN_TEST_READY): the
 * run waits at that step until its stdin ends, which these tests never do, so a signal sent then always
 * lands there, however fast or loaded the machine is.
 */
function ready(child: ChildProcessWithoutNullStreams, step: string, stderr: { text: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stderr.on("data", (d: Buffer) => {
      stderr.text += d.toString();
      if (stderr.text.includes(`danvan-test: ready ${step}\n`)) resolve();
    });
    child.on("exit", (code, signal) => reject(new Error(`exited (${code ?? signal}) before step ${step}: ${stderr.text}`)));
  });
}

describe("interruption", () => {
  it("SIGTERM while LibreOffice makes the PDF: exit 143, no temp folder, no LibreOffice left", async () => {
    const temp = tmp();
    const out = tmp();
    const child = spawn(process.execPath, [BIN, "build-report", "2021", "--data", miniRoot(), "--out", out, "--format", "docx,pdf"], {
      env: { ...process.env, TMPDIR: temp, DANVAN_TEST_READY: "pdf" },
    });
    const stderr = { text: "" };
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await ready(child, "pdf", stderr);
    const job = fs.readdirSync(temp).find((n) => n.startsWith("danvan-pdf-"))!;
    expect(job).toBeDefined();
    child.kill("SIGTERM");
    // The exit code, the message and the cleanup tell a handled signal from a run that simply finished.
    expect(await exited).toBe(143);
    expect(stderr.text).toContain("đã dừng theo yêu cầu");
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
  it("SIGTERM during a check ends it by the signal itself", async () => {
    const child = spawn(process.execPath, [BIN, "check", "2021", "--data", miniRoot()], { env: { ...process.env, DANVAN_TEST_READY: "check" } });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    await ready(child, "check", { text: "" });
    child.kill("SIGTERM");
    // Nothing is pending, so no handler runs: the default action ends the process, mid-check.
    expect(await exited).toBe("SIGTERM");
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
