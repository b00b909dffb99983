/**
 * `npm run bench`: times `danvan check` and `danvan build-report` as whole processes on data/2021 and on
 * synthetic years 10× and 100× its size, cold (no parse cache) and warm (cache filled by a warm-up run);
 * medians of several runs, peak memory; pandoc converting the built 2021 Markdown as the yardstick, with
 * `node -e 0`, measured in turns with the 1× runs they are compared with; `diff` and its tracked-changes DOCX
 * between 2021 and a copy with a word added per section, against build-report 2021;
 * `danvan import` of the 2021 DOCX; `fmt --check` of one canonical section file of just under 4 MiB.
 * Prints a table and writes out/bench/results.json. A benchmark, not a test: nothing here fails.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateLargeSection, generateYear } from "./generate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(root, "bin/danvan.cjs");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-bench-"));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nDANVAN_MAXRSS="+process.resourceUsage().maxRSS+"\\n"))';
/** GNU time reports a child's peak memory without changing how node starts; the --import hook is the fallback. */
const GNU_TIME = fs.existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;

function time(command, args, env = {}) {
  const start = process.hrtime.bigint();
  const [cmd, argv] = GNU_TIME ? ["/usr/bin/time", ["-f", "DANVAN_MAXRSS=%M", command, ...args]] : [command, args];
  const r = spawnSync(cmd, argv, { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(/DANVAN_MAXRSS=(\d+)/.exec(r.stderr ?? "")?.[1] ?? NaN) / 1024;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, rss };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure(label, args, { cache, runs = RUNS }) {
  const cacheDir = path.join(work, `cache-${label.replace(/\W+/g, "-")}`);
  const env = cache ? { DANVAN_CACHE_DIR: cacheDir } : { DANVAN_CACHE: "0" };
  const node = GNU_TIME ? [cli, ...args] : ["--import", RSS_HOOK, cli, ...args];
  time(process.execPath, node, env); // warm-up (fills the cache when on)
  const samples = Array.from({ length: runs }, () => time(process.execPath, node, env));
  return { label, ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)), runs };
}

const dataRoot = path.join(work, "data");
fs.cpSync(path.join(root, "data"), dataRoot, { recursive: true });
const sizes = [
  { name: "1×", copies: 1 },
  { name: "10×", copies: 10 },
  { name: "100×", copies: 100 },
];
for (const size of sizes.slice(1)) {
  size.year = String(3000 + size.copies);
  size.stats = generateYear(path.join(dataRoot, "2021"), path.join(dataRoot, size.year), size.copies);
}
sizes[0].year = "2021";

/** A second 2021-sized year for `diff`: 2021 with a word added to the first sentence of every section. */
const NEXT_YEAR = "2022";
fs.cpSync(path.join(dataRoot, "2021"), path.join(dataRoot, NEXT_YEAR), { recursive: true });
for (const name of fs.readdirSync(path.join(dataRoot, NEXT_YEAR, "sections"))) {
  const file = path.join(dataRoot, NEXT_YEAR, "sections", name);
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/ (các|của) /, " $1 tất cả "));
}

const results = { machine: { cpus: os.cpus().length, node: process.version }, baseline: {}, rows: [] };
const pandoc = spawnSync("pandoc", ["--version"]).status === 0;

/**
 * 1×, the size the yardsticks are for: `node -e 0`, pandoc and danvan's four runs take turns, round by
 * round, so a slow minute on the machine weighs on both sides of each budget alike.
 */
function measureOneX() {
  const out = path.join(work, "out-2021");
  const md = path.join(out, "143-BC-BDVTU-2021.md");
  const danvan = (mode, command, args) => {
    const env = mode === "warm" ? { DANVAN_CACHE_DIR: path.join(work, "cache-1x") } : { DANVAN_CACHE: "0" };
    return { mode, command, run: () => time(process.execPath, GNU_TIME ? [cli, ...args] : ["--import", RSS_HOOK, cli, ...args], env) };
  };
  const cases = [
    { baseline: "node", run: () => time(process.execPath, ["-e", "0"]) },
    ...(pandoc ? [{ baseline: "pandoc", run: () => time("pandoc", [md, "-o", path.join(work, "pandoc.docx")]) }] : []),
    ...["cold", "warm"].flatMap((mode) => [
      danvan(mode, "check", ["check", "2021", "--data", dataRoot]),
      danvan(mode, "build-report", ["build-report", "2021", "--data", dataRoot, "--out", out]),
      danvan(mode, "diff", ["diff", "2021", NEXT_YEAR, "--data", dataRoot]),
      danvan(mode, "diff docx", ["diff", "2021", NEXT_YEAR, "--data", dataRoot, "--format", "docx", "--out", path.join(work, "out-diff")]),
    ]),
  ];
  // The builds come before pandoc in the warm-up round: pandoc converts the Markdown they write.
  for (const c of [...cases.slice(2), ...cases.slice(0, 2)]) c.run();
  const samples = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) cases.forEach((c, k) => samples[k].push(c.run()));
  cases.forEach((c, k) => {
    const ms = median(samples[k].map((s) => s.ms));
    if (c.baseline) results.baseline[c.baseline] = ms;
    else results.rows.push({ size: "1×", mode: c.mode, command: c.command, label: `${c.command} 2021 ${c.mode}`, ms, rss: Math.max(...samples[k].map((s) => s.rss)), runs: RUNS });
  });
}

measureOneX();

/** `danvan import` of the 2021 DOCX just built, each run into a fresh data root (import never overwrites). */
function measureImport() {
  const docx = path.join(work, "out-2021", "143-BC-BDVTU-2021.docx");
  const run = (i) => {
    const target = path.join(work, `import-${i}`);
    const args = [cli, "import", docx, "2021", "--data", target];
    const r = time(process.execPath, GNU_TIME ? args : ["--import", RSS_HOOK, ...args], { DANVAN_CACHE: "0" });
    fs.rmSync(target, { recursive: true, force: true });
    return r;
  };
  run(-1);
  const samples = Array.from({ length: RUNS }, (_x, i) => run(i));
  results.rows.push({ size: "1×", mode: "cold", command: "import", label: "import 2021 DOCX cold", ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)), runs: RUNS });
}
measureImport();
for (const size of sizes.slice(1)) {
  const out = path.join(work, `out-${size.year}`);
  const runs = size.copies >= 100 ? 3 : RUNS;
  for (const cache of [false, true]) {
    const mode = cache ? "warm" : "cold";
    results.rows.push({ size: size.name, mode, command: "check", ...measure(`check ${size.year} ${mode}`, ["check", size.year, "--data", dataRoot], { cache, runs }) });
    results.rows.push({ size: size.name, mode, command: "build-report", ...measure(`build ${size.year} ${mode}`, ["build-report", size.year, "--data", dataRoot, "--out", out], { cache, runs }) });
  }
}

/** `fmt --check` on one canonical section file just under the 4 MiB a data file may hold (danvan fmt makes it canonical first). */
const LARGE_SECTION_YEAR = "3400";
const largeSection = generateLargeSection(path.join(dataRoot, "2021"), path.join(dataRoot, LARGE_SECTION_YEAR), 4 * 1024 * 1024);
time(process.execPath, [cli, "fmt", LARGE_SECTION_YEAR, "--data", dataRoot]);
results.rows.push({ size: `${(largeSection.bytes / 1024 / 1024).toFixed(1)} MiB`, mode: "cold", command: "fmt --check", ...measure(`fmt --check ${LARGE_SECTION_YEAR}`, ["fmt", "--check", LARGE_SECTION_YEAR, "--data", dataRoot], { cache: false, runs: 3 }) });

const row = (r) => `| ${r.size.padEnd(4)} | ${r.mode} | ${r.command.padEnd(12)} | ${r.ms.toFixed(0).padStart(6)} ms | ${r.rss.toFixed(0).padStart(4)} MB |`;
console.log(`node -e 0: ${results.baseline.node.toFixed(0)} ms; pandoc (2021 Markdown → DOCX): ${pandoc ? `${results.baseline.pandoc.toFixed(0)} ms` : "not installed"}`);
console.log("| size | mode | command      |  median | peak RSS |\n|------|------|--------------|---------|----------|");
for (const r of results.rows) console.log(row(r));
const get = (size, mode, command) => results.rows.find((r) => r.size === size && r.mode === mode && r.command === command).ms;
const budgets = [];
for (const mode of ["cold", "warm"]) {
  if (pandoc) budgets.push([`build-report 2021 (${mode}) ≤ pandoc`, get("1×", mode, "build-report") <= results.baseline.pandoc]);
  budgets.push([`check 2021 (${mode}) ≤ 2 × node -e 0`, get("1×", mode, "check") <= 2 * results.baseline.node]);
  budgets.push([`diff 2021 ${NEXT_YEAR} (${mode}) ≤ build-report 2021`, get("1×", mode, "diff") <= get("1×", mode, "build-report")]);
  budgets.push([`diff --format docx (${mode}) ≤ 2 × build-report 2021`, get("1×", mode, "diff docx") <= 2 * get("1×", mode, "build-report")]);
  budgets.push([`build-report 100× (${mode}) ≤ 5 s`, get("100×", mode, "build-report") <= 5000]);
  budgets.push([`100× / 10× build-report (${mode}) ≤ 12`, get("100×", mode, "build-report") / get("10×", mode, "build-report") <= 12]);
}
budgets.push(["import of the 2021 DOCX (cold) < 1 s", get("1×", "cold", "import") < 1000]);
budgets.push(["fmt --check of a 4 MiB canonical section ≤ 2 s", results.rows.find((r) => r.command === "fmt --check").ms <= 2000]);
budgets.push(["peak memory ≤ 500 MB", Math.max(...results.rows.map((r) => r.rss)) <= 500]);
results.budgets = Object.fromEntries(budgets);
for (const [name, ok] of budgets) console.log(`${ok ? "ok  " : "OVER"} ${name}`);
const outDir = path.join(root, "out/bench");
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${path.relative(root, path.join(outDir, "results.json"))}`);
fs.rmSync(work, { recursive: true, force: true });
