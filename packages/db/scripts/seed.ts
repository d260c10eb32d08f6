// npm run db:seed
// Loads the demo retailer into the configured database (DATABASE_URL, otherwise the
// embedded PGlite under $DATA_DIR/pglite), after applying pending migrations. Does nothing
// when the database already has data. See docs/demo-data.md.
import { openDatabase } from "../src/client.ts";
import { applyMigrations } from "../src/migrate/index.ts";
import { demoSignIns, isDatabaseEmpty, seedDemoData } from "../src/seed/index.ts";

const started = performance.now();
let database: ReturnType<typeof openDatabase> | undefined;
try {
  database = openDatabase();
  const where = database.kind === "pglite" ? "embedded database (PGlite)" : "PostgreSQL (DATABASE_URL)";
  const { applied } = await applyMigrations(database);
  if (applied.length > 0) console.log(`${where}: applied ${applied.length} migration(s) first.`);

  if (!(await isDatabaseEmpty(database.prisma))) {
    console.log(`${where}: already seeded (locations exist), nothing to do. Run \`npm run db:reset\` for fresh demo data.`);
  } else {
    console.log(`${where}: loading the demo data...`);
    const summary = await seedDemoData(database.prisma, { log: (line) => console.log(`  ${line}`) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const c = summary.counts;
    console.log(
      `Done in ${seconds} s (demo "today" = ${summary.now.toISOString().slice(0, 10)}): ` +
        `${c.locations} locations, ${c.products} products, ${c.variants} variants, ${c.inventoryLevels} stock levels, ` +
        `${c.customers} customers, ${c.orders} orders, ${c.returns} returns, ${c.tasks} open tasks.`,
    );
    console.log("\nDemo sign-ins (password / PIN):");
    for (const s of demoSignIns) {
      console.log(`  ${s.email.padEnd(28)} ${s.role.padEnd(9)} ${(s.location ?? "all").padEnd(5)} ${s.password}${s.pin ? ` / ${s.pin}` : ""}`);
    }
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await database?.close().catch(() => undefined);
}
