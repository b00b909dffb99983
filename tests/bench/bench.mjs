/**
 * `npm run bench`: times `danvan check` and `danvan build-report` as whole processes on data/2021 and on
 * synthetic years 10× and 100× its size; medians of several runs, peak memory. `node -e 0` and pandoc
 * (converting the built 2021 Markdown to DOCX) are measured in turns with the 1× runs, so the budgets are
 * ratios that hold on any machine and under any load; `diff` and its tracked-changes DOCX between 2021 and
 * a copy with a word added per section, against build-report 2021; `danvan import` of the 2021 DOCX;
 * `fmt --check` of one canonical section file of just under 4 MiB.
 * Every run is cold: danvan keeps nothing between runs (Node 22+ keeps its own compile cache, which the
 * warm-up run fills). Prints a table and writes out/bench/results.json. A benchmark, not a test: nothing
 * here fails.
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

/** Node's compile cache, where the running Node has one, in the bench's own folder. */
const ENV = { NODE_COMPILE_CACHE: path.join(work, "compile-cache") };

function measure(label, args, { runs = RUNS }) {
  const node = GNU_TIME ? [cli, ...args] : ["--import", RSS_HOOK, cli, ...args];
  time(process.execPath, node, ENV); // warm-up
  const samples = Array.from({ length: runs }, () => time(process.execPath, node, ENV));
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
  const danvan = (command, args) => ({ command, run: () => time(process.execPath, GNU_TIME ? [cli, ...args] : ["--import", RSS_HOOK, cli, ...args], ENV) });
  const cases = [
    { baseline: "node", run: () => time(process.execPath, ["-e", "0"]) },
    ...(pandoc ? [{ baseline: "pandoc", run: () => time("pandoc", [md, "-o", path.join(work, "pandoc.docx")]) }] : []),
    danvan("check", ["check", "2021", "--data", dataRoot]),
    danvan("build-report", ["build-report", "2021", "--data", dataRoot, "--out", out]),
    danvan("diff", ["diff", "2021", NEXT_YEAR, "--data", dataRoot]),
    danvan("diff docx", ["diff", "2021", NEXT_YEAR, "--data", dataRoot, "--format", "docx", "--out", path.join(work, "out-diff")]),
  ];
  // The builds come before pandoc in the warm-up round: pandoc converts the Markdown they write.
  for (const c of [...cases.slice(2), ...cases.slice(0, 2)]) c.run();
  const samples = cases.map(() => []);
  for (let i = 0; i < RUNS; i++) cases.forEach((c, k) => samples[k].push(c.run()));
  cases.forEach((c, k) => {
    const ms = median(samples[k].map((s) => s.ms));
    if (c.baseline) results.baseline[c.baseline] = ms;
    else results.rows.push({ size: "1×", command: c.command, label: `${c.command} 2021`, ms, rss: Math.max(...samples[k].map((s) => s.rss)), runs: RUNS });
  });
}

measureOneX();

/** `danvan import` of the 2021 DOCX just built, each run into a fresh data root (import never overwrites). */
function measureImport() {
  const docx = path.join(work, "out-2021", "143-BC-BDVTU-2021.docx");
  const run = (i) => {
    const target = path.join(work, `import-${i}`);
    const args = [cli, "import", docx, "2021", "--data", target];
    const r = time(process.execPath, GNU_TIME ? args : ["--import", RSS_HOOK, ...args], ENV);
    fs.rmSync(target, { recursive: true, force: true });
    return r;
  };
  run(-1);
  const samples = Array.from({ length: RUNS }, (_x, i) => run(i));
  results.rows.push({ size: "1×", command: "import", label: "import 2021 DOCX", ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)), runs: RUNS });
}
measureImport();
for (const size of sizes.slice(1)) {
  const out = path.join(work, `out-${size.year}`);
  const runs = size.copies >= 100 ? 3 : RUNS;
  results.rows.push({ size: size.name, command: "check", ...measure(`check ${size.year}`, ["check", size.year, "--data", dataRoot], { runs }) });
  results.rows.push({ size: size.name, command: "build-report", ...measure(`build ${size.year}`, ["build-report", size.year, "--data", dataRoot, "--out", out], { runs }) });
}

/** `fmt --check` on one canonical section file just under the 4 MiB a data file may hold (danvan fmt makes it canonical first). */
const LARGE_SECTION_YEAR = "3400";
const largeSection = generateLargeSection(path.join(dataRoot, "2021"), path.join(dataRoot, LARGE_SECTION_YEAR), 4 * 1024 * 1024);
time(process.execPath, [cli, "fmt", LARGE_SECTION_YEAR, "--data", dataRoot], ENV);
results.rows.push({ size: `${(largeSection.bytes / 1024 / 1024).toFixed(1)} MiB`, command: "fmt --check", ...measure(`fmt --check ${LARGE_SECTION_YEAR}`, ["fmt", "--check", LARGE_SECTION_YEAR, "--data", dataRoot], { runs: 3 }) });

const node = results.baseline.node;
const row = (r) => `| ${r.size.padEnd(4)} | ${r.command.padEnd(12)} | ${r.ms.toFixed(0).padStart(6)} ms | ${(r.ms / node).toFixed(1).padStart(6)} × | ${r.rss.toFixed(0).padStart(4)} MB |`;
console.log(`load (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(1)).join(", ")}; ${os.cpus().length} CPUs; node ${process.version}`);
console.log(`node -e 0: ${node.toFixed(0)} ms; pandoc (2021 Markdown → DOCX): ${pandoc ? `${results.baseline.pandoc.toFixed(0)} ms (${(results.baseline.pandoc / node).toFixed(1)} × node -e 0)` : "not installed"}`);
console.log("| size | command      |  median | × node -e 0 | peak RSS |\n|------|--------------|---------|-------------|----------|");
for (const r of results.rows) console.log(row(r));
const get = (size, command) => results.rows.find((r) => r.size === size && r.command === command);
const build1 = get("1×", "build-report").ms;
if (pandoc) console.log(`build-report 2021 / pandoc: ${(build1 / results.baseline.pandoc).toFixed(2)} (reported, not a budget)`);
const budgets = [
  ["build-report 2021 ≤ 10 × node -e 0", build1 <= 10 * node],
  ["check 2021 ≤ 4 × node -e 0", get("1×", "check").ms <= 4 * node],
  ["diff 2021 2022 ≤ build-report 2021", get("1×", "diff").ms <= build1],
  ["diff --format docx ≤ 2 × build-report 2021", get("1×", "diff docx").ms <= 2 * build1],
  ["import of the 2021 DOCX < 1 s", get("1×", "import").ms < 1000],
  ...["10×", "100×"].flatMap((size) =>
    ["check", "build-report"].flatMap((command) => [
      [`${command} ${size} ≤ 10 s`, get(size, command).ms <= 10_000],
      [`${command} ${size} ≤ 500 MB`, get(size, command).rss <= 500],
    ]),
  ),
  ["fmt --check of a 4 MiB canonical section ≤ 2 s", results.rows.find((r) => r.command === "fmt --check").ms <= 2000],
  ["build-report 10× → 100× ≤ 11 × the time", get("100×", "build-report").ms / get("10×", "build-report").ms <= 11],
];
results.load = os.loadavg();
results.budgets = Object.fromEntries(budgets);
for (const [name, ok] of budgets) console.log(`${ok ? "ok  " : "OVER"} ${name}`);
const outDir = path.join(root, "out/bench");
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${path.relative(root, path.join(outDir, "results.json"))}`);
fs.rmSync(work, { recursive: true, force: true });
