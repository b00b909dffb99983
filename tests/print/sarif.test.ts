/**
 * SARIF's artifactLocation.uri is a URI reference (RFC 3986), percent-encoded segment by segment, relative to
 * the %SRCROOT% base (the folder check ran in) or a file: URI for an absolute path — whatever the data root is
 * called: spaces, #, %, ?, a colon, Vietnamese letters. Checked against RFC 3986's grammar here; the log was
 * also validated with Ajv against SARIF 2.1.0's own schema (docs/commands.md says how).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { artifactLocation, SARIF_BASE } from "../../src/print/diagnostics.js";
import { runCli } from "../helpers/run-cli.js";

/** RFC 3986: a relative-ref or a URI, every character unreserved, a sub-delim, ":", "@", "/" or a %XX escape. */
const PCHAR = "(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})";
const URI_REFERENCE = new RegExp(`^(?:[A-Za-z][A-Za-z0-9+.-]*:)?(?:${PCHAR}|/)*$`);

const NAMES = ["dữ liệu #2 (100%)", "a b", "x?y", "c:d", "50%", "%41", "#", "..", "Ban Dân vận/2021", "tệp [1]", "ä\u0301"];

describe("SARIF artifact locations", () => {
  for (const name of NAMES) {
    it(`"${name}" is a URI reference that resolves back to the file`, () => {
      const file = `${name}/2021/report.yaml`;
      const loc = artifactLocation(file);
      expect(loc.uri).toMatch(URI_REFERENCE);
      expect(loc.uriBaseId).toBe(SARIF_BASE);
      // A relative reference's first segment never reads as a scheme, and it resolves to the same path.
      expect(/^[A-Za-z][A-Za-z0-9+.-]*:/.test(loc.uri)).toBe(false);
      const base = pathToFileURL(`${path.sep}base${path.sep}`);
      expect(fileURLToPath(new URL(loc.uri, base))).toBe(path.resolve(`${path.sep}base`, file));
    });
  }

  it("an absolute path is a file: URI of its own, without a base", () => {
    const loc = artifactLocation("/tmp/dữ liệu #2/2021/report.yaml");
    expect(loc).toEqual({ uri: "file:///tmp/d%E1%BB%AF%20li%E1%BB%87u%20%232/2021/report.yaml" });
    expect(loc.uri).toMatch(URI_REFERENCE);
  });

  it("check --format sarif on a data root named with spaces, # and %: every uri a URI reference to a file that exists", async () => {
    const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "danvan-sarif-")), "dữ liệu #2 (100%)");
    fs.cpSync("tests/fixtures/check/unknown-key", root, { recursive: true });
    const log = JSON.parse((await runCli("check", "--data", root, "--format", "sarif")).stdout);
    const uris = log.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    for (const uri of uris) {
      expect(uri).toMatch(URI_REFERENCE);
      expect(fs.existsSync(fileURLToPath(uri))).toBe(true);
    }
  });
});
