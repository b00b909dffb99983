/**
 * Where LibreOffice is: its command on PATH, else the folders its installers use — on Windows under Program
 * Files (64- and 32-bit) or the user's own programs, on macOS in Applications, on Linux under /opt (the
 * download's own packages) and snap's bin. When it is nowhere, the message names the download for each system.
 */
import path from "node:path";

export interface SofficeHost {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether a file exists at the path. */
  exists: (file: string) => boolean;
  /** A folder's entries (none when it cannot be read): /opt holds libreoffice7.6/ and the like. */
  list: (dir: string) => string[];
}

/** The names tried on PATH, before any folder. */
export const SOFFICE_NAMES = ["soffice", "libreoffice"];

/** The files an installer puts LibreOffice's `soffice` at, in the order they are tried. */
export function installedPaths(host: SofficeHost): string[] {
  const { env } = host;
  if (host.platform === "win32") {
    const w = path.win32;
    const roots = [env.ProgramFiles, env.ProgramW6432, env["ProgramFiles(x86)"], "C:\\Program Files", "C:\\Program Files (x86)"];
    const found = roots.filter((r): r is string => Boolean(r)).map((r) => w.join(r, "LibreOffice", "program", "soffice.exe"));
    if (env.LOCALAPPDATA) found.push(w.join(env.LOCALAPPDATA, "Programs", "LibreOffice", "program", "soffice.exe"));
    return [...new Set(found)];
  }
  if (host.platform === "darwin") {
    const app = "LibreOffice.app/Contents/MacOS/soffice";
    return ["/Applications/" + app, ...(env.HOME ? [path.posix.join(env.HOME, "Applications", app)] : [])];
  }
  const opt = host
    .list("/opt")
    .filter((n) => /^libreoffice/i.test(n))
    // By version, not by letter: libreoffice24.8 is newer than libreoffice7.6.
    .sort((a, b) => b.localeCompare(a, "en", { numeric: true }))
    .map((n) => `/opt/${n}/program/soffice`);
  // Debian's own package puts soffice on PATH (/usr/bin): only the download's and snap's folders are looked in.
  return [...opt, "/snap/bin/libreoffice"];
}

/** The first installed `soffice` found in its install folders, or undefined. */
export function installedSoffice(host: SofficeHost): string | undefined {
  return installedPaths(host).find((p) => host.exists(p));
}

const DOWNLOAD = "https://www.libreoffice.org/download/";

/** What to install, this system's way first, then the others'. */
export function sofficeMissing(platform: NodeJS.Platform): string {
  const ways: Record<string, string> = {
    win32: `Windows: tải bộ cài tại ${DOWNLOAD} (hoặc winget install TheDocumentFoundation.LibreOffice), cài vào thư mục mặc định trong Program Files`,
    darwin: `macOS: tải tại ${DOWNLOAD} và kéo LibreOffice vào Applications (hoặc brew install --cask libreoffice)`,
    linux: "Linux: Debian/Ubuntu apt-get install libreoffice-writer-nogui, Fedora dnf install libreoffice-writer",
  };
  const own = platform === "win32" || platform === "darwin" ? platform : "linux";
  const others = Object.keys(ways).filter((k) => k !== own);
  return `cần LibreOffice để xuất PDF nhưng không tìm thấy: không có lệnh soffice trên PATH, cũng không có ở thư mục cài đặt thường dùng; cài LibreOffice rồi chạy lại — ${ways[own]} (${others.map((k) => ways[k]).join("; ")})`;
}
