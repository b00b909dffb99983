/**
 * Before any test: the outside programs some tests read their output with. A missing one is named with
 * the package that brings it, instead of a `spawnSync pandoc ENOENT` deep inside a test.
 */
import fs from "node:fs";
import path from "node:path";

const TOOLS: Array<{ commands: string[]; use: string; install: string }> = [
  { commands: ["pandoc"], use: "đọc lại Markdown và DOCX (tests/golden, tests/write/docx)", install: "pandoc (Debian/Ubuntu: apt-get install pandoc; macOS: brew install pandoc; Windows: winget install JohnMacFarlane.Pandoc)" },
  { commands: ["soffice", "libreoffice"], use: "dựng PDF để xem trang (tests/write/docx/render-pdf)", install: "LibreOffice Writer (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; macOS: brew install --cask libreoffice)" },
  { commands: ["pdfinfo"], use: "đọc số trang và chữ của PDF", install: "poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler)" },
];

/** On PATH, without starting it: LibreOffice takes seconds to answer --version. */
function present(command: string): boolean {
  const exts = process.platform === "win32" ? ["", ".exe", ".cmd", ".bat", ".com"] : [""];
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => dir && exts.some((e) => fs.existsSync(path.join(dir, command + e))));
}

export default function preflight(): void {
  const missing = TOOLS.filter((t) => !t.commands.some(present));
  if (missing.length === 0) return;
  const lines = missing.map((t) => `  - ${t.commands[0]}: cần để ${t.use}; cài ${t.install}`);
  throw new Error(`Thiếu chương trình mà bộ kiểm thử cần (missing test tools):\n${lines.join("\n")}`);
}
