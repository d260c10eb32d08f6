// `npm run test:faults`: the fault scenarios of docs/faults.md, scripted and repeatable.
// Builds the web app like `npm start` (cached), starts a PostgreSQL cluster and a Redis of
// its own on random ports, runs
//   1. kill -9 in the middle of 200 concurrent orders,
//   2. PostgreSQL stopped and started under load,
//   3. Redis stopped with two instances serving live updates,
// prints PASS/FAIL per check, writes scripts/faults/results/latest.json and exits 1 when
// anything failed. Everything it started is torn down, also on failure and Ctrl-C.
//
//   npm run test:faults                 (all three)
//   npm run test:faults -- kill pg      (a subset: kill, pg, redis)
// Settings: NEXT_DIST_DIR (a build folder of one's own), FAULTS_SKIP_BUILD=1 (reuse the last
// build), PG_BIN (folder of initdb/pg_ctl/postgres).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { buildWebApp, log, root, startPgCluster, startRedis, teardown } from "./infra.ts";
import { HOT_STOCK, killMidIntake } from "./kill-mid-intake.ts";
import { pgRestartUnderLoad } from "./pg-restart.ts";
import { redisOutage } from "./redis-outage.ts";
import type { Scenario } from "./scenario.ts";
import { createApiKeys, createDatabase, seedWorld } from "./world.ts";

const wanted = new Set(process.argv.slice(2).filter((a) => !a.startsWith("-")));
const runs = (name: string) => wanted.size === 0 || wanted.has(name);
const started = Date.now();
const scenarios: Scenario[] = [];
let fatal: Error | null = null;

try {
  log("building the web app (production build, cached when unchanged)");
  buildWebApp();
  log("starting a PostgreSQL cluster and a Redis of our own");
  const cluster = await startPgCluster();
  const redis = await startRedis();
  log(`${cluster.version} on port ${cluster.port}, Redis on port ${redis.port}`);
  const { url: databaseUrl, database } = await createDatabase(cluster.url(), "oms_faults");
  try {
    // Variants: the hot SKU (limited stock), a plentiful one, and one stocked only in Warsaw.
    const world = await seedWorld(database.prisma, [HOT_STOCK, [3_000, 3_000, 3_000], [1_000, 0, 0]]);
    const tokens = await createApiKeys(database.prisma, 4);
    let app = null;
    if (runs("kill") || runs("pg")) {
      const first = await killMidIntake({ prisma: database.prisma, databaseUrl, world, tokens });
      app = first.app;
      if (runs("kill")) scenarios.push(first);
    }
    if (runs("pg") && app) {
      scenarios.push(await pgRestartUnderLoad({ prisma: database.prisma, cluster, app, world, tokens }));
    }
    await app?.stop();
    if (runs("redis")) scenarios.push(await redisOutage({ prisma: database.prisma, databaseUrl, redis, world, tokens }));
  } finally {
    await database.close();
  }
} catch (error) {
  fatal = error as Error;
} finally {
  await teardown();
}

const seconds = Math.round((Date.now() - started) / 100) / 10;
console.log("\n── Fault scenarios ─────────────────────────────────────────────");
for (const s of scenarios) {
  console.log(`\n${s.checks.every((c) => c.ok) ? "PASS" : "FAIL"}  ${s.name}`);
  for (const c of s.checks) console.log(`  ${c.ok ? "✔" : "✘"} ${c.name}${c.detail ? `: ${c.detail}` : ""}`);
  console.log(`  figures: ${Object.entries(s.figures).map(([k, v]) => `${k} ${v}`).join(", ")}`);
}
if (fatal) console.log(`\nFAIL  the run stopped: ${fatal.stack ?? fatal.message}`);
const failed = fatal !== null || scenarios.some((s) => s.checks.some((c) => !c.ok));
console.log(`\n${failed ? "FAIL" : "PASS"}: ${scenarios.length} scenario(s), ${scenarios.flatMap((s) => s.checks).filter((c) => c.ok).length}/${scenarios.flatMap((s) => s.checks).length} checks passed in ${seconds} s`);
const resultsDir = join(root, "scripts/faults/results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  join(resultsDir, "latest.json"),
  `${JSON.stringify({ date: new Date().toISOString(), seconds, pass: !failed, machine: { cpus: cpus().length, load1: loadavg()[0], node: process.version }, error: fatal?.message ?? null, scenarios }, null, 2)}\n`,
);
process.exit(failed ? 1 : 0);
