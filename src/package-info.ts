/** The installed package's own name, version and address, read from its package.json (beside dist/). */
import fs from "node:fs";

export interface PackageInfo {
  name: string;
  version: string;
  /** `homepage`, else `repository`'s web address; undefined when package.json names neither. */
  url?: string;
}

let info: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (info) return info;
  const pkg = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    name: string;
    version: string;
    homepage?: string;
    repository?: string | { url?: string };
  };
  const repo = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  const web = repo?.replace(/^git\+/, "").replace(/\.git$/, "");
  info = { name: pkg.name, version: pkg.version, url: pkg.homepage ?? (web && /^https?:\/\//.test(web) ? web : undefined) };
  return info;
}
