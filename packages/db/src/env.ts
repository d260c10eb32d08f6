import { z } from "zod";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const Env = z.object({
  /** PostgreSQL connection string. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  /** Folder for the embedded database and generated secrets. */
  DATA_DIR: z.string().default(".data"),
  /** Connections in the pool per process (PostgreSQL only). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Milliseconds to wait for a new connection before failing. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Milliseconds one statement may run before PostgreSQL cancels it. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Milliseconds a statement waits for a row lock before failing (stock contention). */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).default(3_000),
});

export type DbEnv = z.infer<typeof Env>;

export function readDbEnv(source: Record<string, string | undefined> = process.env): DbEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid database settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** Absolute path of the embedded database folder, resolved from the repository root. */
export function embeddedDataDir(env: DbEnv = readDbEnv()): string {
  const root = process.env.OMS_ROOT ?? findRepoRoot();
  return resolve(root, env.DATA_DIR, "pglite");
}

function findRepoRoot(): string {
  // npm sets INIT_CWD to where the command was typed; workspaces run from their folder.
  let dir = process.cwd();
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, "prisma", "schema.prisma"))) return dir;
    dir = resolve(dir, "..");
  }
  return process.cwd();
}
