// `npm run bench`: runs every benchmark in bench/ one after another (they would only
// measure each other if run at once), collects their JSON results and writes
// bench/results/latest.json and bench/results/latest.md: one table of metric, value,
// target, pass/fail, with the machine (cores, load, Node, PostgreSQL, Redis).
//
//   npm run bench                       (full sizes; ~25 min on 2 cores, the 1M-row
//                                        inventory database is generated once and kept)
//   npm run bench -- --smoke            (npm run bench:smoke: small sizes, well under 2 min,
//                                        results in bench/results/smoke/, what CI runs)
//   npm run bench -- intake realtime    (a subset, by the names below)
//
// Settings: BENCH_DATABASE_URL (PostgreSQL server the benchmarks create their databases on;
// default postgresql://postgres@127.0.0.1:5432/postgres), BENCH_REDIS_URL (default
// redis://127.0.0.1:6379). Exit code 1 when a benchmark failed to run or missed a target.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const smoke = process.argv.includes("--smoke");
const only = new Set(process.argv.slice(2).filter((a) => !a.startsWith("-")));
const resultsDir = smoke ? join(here, "results", "smoke") : join(here, "results");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

interface Metric {
  metric: string;
  value: number | string;
  unit: string;
  /** e.g. "< 300 ms"; "" when the docs set none. */
  target: string;
  pass: boolean | null;
  /** A correctness invariant (oversold 0, nothing lost): gates the smoke run too; speed targets gate the full run only. */
  correctness?: boolean;
}

type Json = Record<string, any>;

interface Benchmark {
  name: string;
  title: string;
  file: string;
  /** The file it writes in the results folder. */
  result?: string;
  env: { full: Record<string, string>; smoke: Record<string, string> };
  metrics?(result: Json): Metric[];
}

const smallInventory = { BENCH_INVENTORY_DB: "oms_bench_inventory_smoke", BENCH_LOCATIONS: "5", BENCH_VARIANTS: "2000", BENCH_MIN_LEVELS: "10000" };
const worst = (rows: Array<{ p95: number }>) => Math.max(...rows.map((r) => r.p95));

const benchmarks: Benchmark[] = [
  {
    name: "intake",
    title: "Order intake through the public API",
    file: "order-intake.bench.ts",
    result: "order-intake.json",
    env: { full: {}, smoke: { BENCH_CLIENTS: "8", BENCH_ORDERS: "150", BENCH_HOT_STOCK: "20" } },
    metrics: (r) => [
      { metric: `orders/s (${r.setup.clients} clients, ${r.setup.orders} orders)`, value: r.throughput.ordersPerSecond, unit: "/s", target: `≥ ${r.targets.ordersPerSecond}`, pass: r.throughput.ordersPerSecond >= r.targets.ordersPerSecond },
      { metric: "order latency p50", value: r.latencyMs.p50, unit: "ms", target: "", pass: null },
      { metric: "order latency p99", value: r.latencyMs.p99, unit: "ms", target: `< ${r.targets.p99Ms} ms`, pass: r.latencyMs.p99 < r.targets.p99Ms },
      { metric: `hot SKU oversold units (${r.stock.hotStock} in stock, ${r.stock.hotUnitsReserved} reserved)`, value: r.stock.oversold, unit: "", target: "0", pass: r.stock.oversold === 0, correctness: true },
      { metric: "ledger mismatches after intake", value: r.stock.ledgerMismatches, unit: "", target: "0", pass: r.stock.ledgerMismatches === 0, correctness: true },
      { metric: "answers other than 201 / 409 insufficient-stock", value: r.unexpected, unit: "", target: "0", pass: r.unexpected === 0, correctness: true },
    ],
  },
  {
    name: "pos",
    title: "POS sales, 20 terminals",
    file: "pos-sales.bench.ts",
    result: "pos-sales.json",
    env: { full: {}, smoke: { BENCH_SALES: "1" } },
    metrics: (r) => [
      { metric: `POS sale server time p95 (${r.setup.terminals} terminals)`, value: r.serverMsPerSale.p95, unit: "ms", target: "", pass: null },
      { metric: "POS sale server time p50", value: r.serverMsPerSale.p50, unit: "ms", target: "", pass: null },
      { metric: "POS sales per second", value: r.throughput.salesPerSecond, unit: "/s", target: "", pass: null },
      { metric: "POS failed sales", value: r.failures, unit: "", target: "0", pass: r.failures === 0, correctness: true },
    ],
  },
  {
    name: "realtime",
    title: "Live updates across 2 instances (Redis)",
    file: "realtime.bench.ts",
    result: "realtime.json",
    env: { full: { BENCH_REDIS_URL: redisUrl }, smoke: { BENCH_REDIS_URL: redisUrl, BENCH_CLIENTS: "40", BENCH_CHANGES: "20" } },
    metrics: (r) => [
      { metric: `live update p99 (${r.setup.clients} clients on 2 instances)`, value: r.latencyMs.p99, unit: "ms", target: `< ${r.targets.p99Ms} ms`, pass: r.latencyMs.p99 < r.targets.p99Ms },
      { metric: "live update p50", value: r.latencyMs.p50, unit: "ms", target: "", pass: null },
      { metric: "live updates delivered", value: Math.round(r.delivery.completeness * 10_000) / 100, unit: "%", target: "100 %", pass: r.delivery.completeness === 1, correctness: true },
    ],
  },
  {
    name: "inventory-generate",
    title: "Inventory database (1M levels; kept between runs)",
    file: "inventory-generate.ts",
    env: { full: {}, smoke: smallInventory },
  },
  {
    name: "inventory",
    title: "HQ inventory table",
    file: "inventory-table.bench.ts",
    result: "inventory-table.json",
    env: { full: {}, smoke: { ...smallInventory, BENCH_ROUNDS: "5", BENCH_WARMUP: "1" } },
    metrics: (r) => [
      { metric: `HQ inventory table p95, worst request type (${r.database.levels.toLocaleString("en")} rows)`, value: r.worstP95Ms, unit: "ms", target: `< ${r.targetP95Ms} ms`, pass: r.worstP95Ms < r.targetP95Ms },
    ],
  },
  {
    name: "forecast",
    title: "Forecast table and velocity refresh",
    file: "forecast.bench.ts",
    result: "forecast.json",
    env: { full: {}, smoke: { ...smallInventory, BENCH_ROUNDS: "3", BENCH_WARMUP: "1" } },
    metrics: (r) => [
      { metric: `forecast table p95, worst request type (${r.database.levels.toLocaleString("en")} levels)`, value: worst(r.results), unit: "ms", target: `< ${r.targetP95Ms} ms`, pass: worst(r.results) < r.targetP95Ms },
      { metric: "sales velocity refresh, whole network", value: r.phases.refreshVelocityMs, unit: "ms", target: "", pass: null },
    ],
  },
  {
    name: "reports",
    title: "HQ reports",
    file: "reports.bench.ts",
    result: "reports.json",
    env: { full: {}, smoke: { BENCH_REPORTS_DB: "oms_bench_reports_smoke", BENCH_ORDERS: "5000", BENCH_ROUNDS: "2" } },
    metrics: (r) => [
      { metric: `HQ reports p95, worst report (${r.orders.orders.toLocaleString("en")} orders)`, value: worst(r.results), unit: "ms", target: "", pass: null },
      { metric: "HQ overview p95", value: r.results.find((x: { name: string }) => x.name === "overview")?.p95 ?? NaN, unit: "ms", target: "", pass: null },
    ],
  },
  {
    name: "routing",
    title: "Routing replay on the demo data",
    file: "routing-replay.bench.ts",
    result: "routing-replay.json",
    env: { full: {}, smoke: { BENCH_ROUNDS: "2" } },
    metrics: (r) => [
      { metric: `routing replay median (${r.ordersReplayed} orders)`, value: r.replayMedianMs, unit: "ms", target: "", pass: null },
      { metric: "routing simulate one order", value: r.simulateMs, unit: "ms", target: "", pass: null },
    ],
  },
];

async function versionOf(sql: string, url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(sql);
    return rows[0]?.v ?? "unknown";
  } catch (error) {
    return `unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redisVersion(): string {
  const port = new URL(redisUrl).port || "6379";
  const out = spawnSync("redis-cli", ["-h", new URL(redisUrl).hostname, "-p", port, "INFO", "server"], { encoding: "utf8" });
  return /redis_version:(\S+)/.exec(out.stdout ?? "")?.[1] ?? "unknown";
}

const started = Date.now();
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(totalmem() / 2 ** 30),
  loadAverage1mBefore: Math.round(loadavg()[0]! * 10) / 10,
  loadAverage1mAfter: 0,
  node: process.version,
  postgres: await versionOf("SELECT current_setting('server_version') AS v", adminUrl),
  redis: redisVersion(),
};
mkdirSync(resultsDir, { recursive: true });

const runs: Array<{ name: string; title: string; seconds: number; exitCode: number; error?: string; metrics: Metric[] }> = [];
for (const b of benchmarks) {
  if (only.size > 0 && !only.has(b.name)) continue;
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_DATABASE_URL: adminUrl, BENCH_RESULTS_DIR: resultsDir, ...(smoke ? b.env.smoke : b.env.full) };
  console.log(`\n▶ ${b.name}: ${b.title}${smoke ? " (smoke)" : ""}`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, ["--import", "tsx", join(here, b.file)], { cwd: root, env, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const seconds = Math.round((Date.now() - t0) / 100) / 10;
  if (run.stderr) process.stderr.write(run.stderr);
  const exitCode = run.status ?? 1;
  let metrics: Metric[] = [];
  let error: string | undefined;
  if (b.result && b.metrics) {
    const file = join(resultsDir, b.result);
    // A result older than this run is a previous one: the benchmark did not get to write it.
    if (existsSync(file) && statSync(file).mtimeMs >= t0) {
      try {
        metrics = b.metrics(JSON.parse(readFileSync(file, "utf8")) as Json);
      } catch (e) {
        error = `could not read ${b.result}: ${(e as Error).message}`;
      }
    } else error = `no new ${b.result} written`;
  }
  if (exitCode !== 0 && !metrics.some((m) => m.pass === false)) error = `${error ? `${error}; ` : ""}exit ${exitCode}: ${(run.stderr ?? "").trim().split("\n").slice(-3).join(" ").slice(0, 300)}`;
  runs.push({ name: b.name, title: b.title, seconds, exitCode, ...(error ? { error } : {}), metrics });
  console.log(`  ${b.name}: ${exitCode === 0 ? "done" : `exit ${exitCode}`} in ${seconds} s`);
}
machine.loadAverage1mAfter = Math.round(loadavg()[0]! * 10) / 10;

const totalSeconds = Math.round((Date.now() - started) / 100) / 10;
// Smoke sizes on a shared CI machine say nothing about speed: there only the invariants gate.
const gates = (m: Metric) => m.pass === false && (!smoke || m.correctness === true);
const failed = runs.some((r) => r.error || r.metrics.some(gates));
const summary = { date: new Date().toISOString(), mode: smoke ? "smoke" : "full", totalSeconds, pass: !failed, machine, benchmarks: runs };
writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(summary, null, 2)}\n`);

const fmt = (m: Metric) => `${typeof m.value === "number" ? m.value.toLocaleString("en", { maximumFractionDigits: 1 }) : m.value}${m.unit && m.unit !== "/s" && m.unit !== "%" ? ` ${m.unit}` : m.unit}`;
const lines = [
  `# Benchmarks (${summary.mode})`,
  "",
  `${summary.date}: \`npm run bench${smoke ? " -- --smoke" : ""}\` in ${Math.round(totalSeconds / 6) / 10} min. Machine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GB, load average (1 min) ${machine.loadAverage1mBefore} before / ${machine.loadAverage1mAfter} after (shared: on ${machine.cpus} cores anything above ${machine.cpus} means work waited for a CPU); Node ${machine.node}, PostgreSQL ${machine.postgres}, Redis ${machine.redis}.`,
  "",
  "| benchmark | metric | value | target | pass |",
  "|---|---|---:|---|:---:|",
  ...runs.flatMap((r) =>
    r.metrics.length > 0
      ? r.metrics.map((m) => `| ${r.title} | ${m.metric} | ${fmt(m)} | ${m.target || "—"} | ${m.pass === null ? "—" : m.pass ? "yes" : gates(m) ? "**no**" : "no (not gating in smoke)"} |`)
      : [`| ${r.title} | ${r.error ? `did not finish: ${r.error.replace(/\|/g, "/")}` : `ran in ${r.seconds} s`} | | | ${r.error ? "**no**" : "—"} |`],
  ),
  "",
  "| benchmark | seconds | details |",
  "|---|---:|---|",
  ...runs.map((r) => `| ${r.name} | ${r.seconds} | ${r.error ? r.error.replace(/\|/g, "/") : benchmarks.find((b) => b.name === r.name)?.result ? `[${benchmarks.find((b) => b.name === r.name)!.result!.replace(".json", ".md")}](${benchmarks.find((b) => b.name === r.name)!.result!.replace(".json", ".md")})` : "database ready"} |`),
  "",
  "A dash in the target column: the docs set no target for that figure; it is measured and reported. See docs/benchmarks.md for what each benchmark does.",
  "",
];
writeFileSync(join(resultsDir, "latest.md"), lines.join("\n"));
console.log(`\n${lines.join("\n")}`);
console.log(`${failed ? "FAIL" : "PASS"}: ${runs.length} benchmark(s) in ${totalSeconds} s; ${join(resultsDir, "latest.md")}`);
process.exit(failed ? 1 : 0);
