// `npm start`: everything a newcomer needs after `npm install`, in order:
// generate the Prisma client, build the web app (cached by turbo when nothing changed),
// apply pending migrations, seed the demo data when the database is empty, then serve.
// Migrations and the seed run before the server because the embedded database (PGlite)
// may be opened by one process at a time.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const args = new Set(process.argv.slice(2));

function step(title, command, commandArgs, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...extraEnv },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

step("Generating the database client", process.execPath, [join(root, "packages/db/scripts/generate.mjs")]);
if (!args.has("--no-build")) {
  step("Building the web app (cached when unchanged)", bin("turbo"), ["run", "build", "--filter=@oms/web", "--output-logs=errors-only"], {
    NODE_ENV: "production",
    TURBO_TELEMETRY_DISABLED: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  });
}
step("Applying database migrations", bin("tsx"), [join(root, "packages/db/scripts/migrate.ts")]);
if (!args.has("--no-seed")) {
  step("Seeding demo data (only into an empty database)", bin("tsx"), [join(root, "packages/db/scripts/seed.ts")]);
}

console.log("\n▶ Starting the server");
const server = spawn(bin("tsx"), [join(root, "apps/web/server.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// Once it answers, say where to go and who to be (the seed printed the full list above).
const port = process.env.PORT ?? "3000";
const started = Date.now();
let announced = false;
const timer = setInterval(async () => {
  if (announced) return;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    if (!response.ok) return;
  } catch {
    if (Date.now() - started > 120_000) clearInterval(timer);
    return;
  }
  if (announced) return;
  announced = true;
  clearInterval(timer);
  console.log(`
  Ready: http://localhost:${port}
    HQ:          admin@demo.shop / demo-pass-1
    Store staff: cashier.waw1@demo.shop, manager.waw1@demo.shop, picker.waw1@demo.shop / demo-pass-1
                 or "Store PIN" on the sign-in page: store WAW1, tap your name, PIN 1234
    API:         curl -H "Authorization: Bearer demo-web-key" http://localhost:${port}/api/v1/locations
    API docs:    http://localhost:${port}/api/docs
`);
}, 500);
