// Runs `prisma generate` without internet. The CLI insists on finding a schema-engine
// binary before it generates, although generation never runs it: point it at any
// existing file (see docs/database.md). With internet access the variable is harmless.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const schema = join(root, "prisma", "schema.prisma");
const output = join(root, "packages", "db", "src", "generated", "prisma");
const stamp = join(output, ".schema-hash");
const hash = createHash("sha256").update(readFileSync(schema)).digest("hex");

if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash && !process.argv.includes("--force")) {
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const prismaCli = join(root, "node_modules", "prisma", "build", "index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync(output, { recursive: true });
writeFileSync(stamp, hash);
