/** LibreOffice found where its installers put it on each system, and named for each when missing (write/soffice.ts). */
import { describe, expect, it } from "vitest";
import { installedPaths, installedSoffice, sofficeMissing, type SofficeHost } from "../../src/write/soffice.js";

const host = (platform: NodeJS.Platform, env: Record<string, string>, files: string[], folders: Record<string, string[]> = {}): SofficeHost => ({
  platform,
  env,
  exists: (f) => files.includes(f),
  list: (d) => folders[d] ?? [],
});

const winEnv = { ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)", LOCALAPPDATA: "C:\\Users\\chi\\AppData\\Local" };

describe("installedSoffice", () => {
  it("Windows: Program Files, then Program Files (x86), then the user's own programs", () => {
    const x64 = "C:\\Program Files\\LibreOffice\\program\\soffice.exe";
    const x86 = "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe";
    const user = "C:\\Users\\chi\\AppData\\Local\\Programs\\LibreOffice\\program\\soffice.exe";
    expect(installedSoffice(host("win32", winEnv, [x64, x86]))).toBe(x64);
    expect(installedSoffice(host("win32", winEnv, [x86]))).toBe(x86);
    expect(installedSoffice(host("win32", winEnv, [user]))).toBe(user);
    expect(installedSoffice(host("win32", winEnv, []))).toBeUndefined();
    // Another drive's Program Files, as the environment names it.
    expect(installedSoffice(host("win32", { ProgramFiles: "D:\\Apps" }, ["D:\\Apps\\LibreOffice\\program\\soffice.exe"]))).toBe("D:\\Apps\\LibreOffice\\program\\soffice.exe");
    // Without the variables, the default folders.
    expect(installedPaths(host("win32", {}, []))).toEqual(["C:\\Program Files\\LibreOffice\\program\\soffice.exe", "C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe"]);
  });

  it("macOS: /Applications, then the user's Applications", () => {
    expect(installedSoffice(host("darwin", { HOME: "/Users/chi" }, ["/Applications/LibreOffice.app/Contents/MacOS/soffice"]))).toBe("/Applications/LibreOffice.app/Contents/MacOS/soffice");
    expect(installedSoffice(host("darwin", { HOME: "/Users/chi" }, ["/Users/chi/Applications/LibreOffice.app/Contents/MacOS/soffice"]))).toBe("/Users/chi/Applications/LibreOffice.app/Contents/MacOS/soffice");
    expect(installedSoffice(host("darwin", {}, []))).toBeUndefined();
  });

  it("Linux: the download's /opt/libreoffice*, the newest first, and snap", () => {
    const opt = { "/opt": ["google", "libreoffice7.5", "libreoffice24.8"] };
    expect(installedSoffice(host("linux", {}, ["/opt/libreoffice7.5/program/soffice", "/opt/libreoffice24.8/program/soffice"], opt))).toBe("/opt/libreoffice24.8/program/soffice");
    expect(installedSoffice(host("linux", {}, ["/snap/bin/libreoffice"]))).toBe("/snap/bin/libreoffice");
  });
});

describe("sofficeMissing", () => {
  it.each([
    ["win32", "Windows: tải bộ cài tại https://www.libreoffice.org/download/"],
    ["darwin", "macOS: tải tại https://www.libreoffice.org/download/"],
    ["linux", "Linux: Debian/Ubuntu apt-get install libreoffice-writer-nogui"],
  ] as const)("%s: its own way first, then every other system's", (platform, own) => {
    const m = sofficeMissing(platform);
    expect(m).toContain(`— ${own}`);
    for (const system of ["Windows:", "macOS:", "Linux:"]) expect(m).toContain(system);
  });
});
