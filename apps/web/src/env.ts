// The web app's settings, read once and validated (STYLE.md §9). With nothing set the
// embedded demo works: port 3000 on every interface, any host name, a generated secret.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Public URL of the app. Unset: next-auth answers at whatever host it is reached by. */
  NEXTAUTH_URL: z.url().optional(),
  /** Signs and encrypts session cookies. Unset: generated once into .data/auth-secret. */
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  /** PostgreSQL; unset: the embedded database (read by @oms/db, listed here for the docs). */
  DATABASE_URL: z.url().optional(),
  /** Redis for the socket.io adapter across several processes (docs/realtime.md). */
  REDIS_URL: z.url().optional(),
  /** Folder for the embedded database and generated secrets, relative to the repo root. */
  DATA_DIR: z.string().default(".data"),
});

export type WebEnv = z.infer<typeof Env> & { NEXTAUTH_SECRET: string; repoRoot: string };

/** Empty strings count as unset (docker-compose passes `VAR=` for optional settings). */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
}

export function parseWebEnv(source: Record<string, string | undefined>): z.infer<typeof Env> {
  const parsed = Env.safeParse(withoutEmpty(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid web app settings:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The folder holding prisma/schema.prisma, searched upwards from `start`. */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "prisma", "schema.prisma"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return resolve(start);
}

/**
 * The session secret: NEXTAUTH_SECRET, or one generated on the first start and kept in
 * `<data dir>/auth-secret` so sessions survive restarts.
 */
export function resolveAuthSecret(given: string | undefined, dataDir: string): string {
  if (given) return given;
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * Reads and completes the settings, then writes the derived values back to process.env
 * for the libraries that read it directly (next-auth, @oms/db). Call before Next loads.
 */
export function loadServerEnv(options: { appDir: string; source?: Record<string, string | undefined> } = { appDir: process.cwd() }): WebEnv {
  const source = options.source ?? process.env;
  const parsed = parseWebEnv(source);
  const repoRoot = source.OMS_ROOT ?? findRepoRoot(options.appDir);
  const secret = resolveAuthSecret(parsed.NEXTAUTH_SECRET, resolve(repoRoot, parsed.DATA_DIR));

  source.NEXTAUTH_SECRET = secret;
  source.OMS_ROOT = repoRoot;
  if (!parsed.NEXTAUTH_URL) {
    // next-auth v4 takes its origin from NEXTAUTH_URL; without it, AUTH_TRUST_HOST makes
    // it use the request's X-Forwarded-Host / Host and X-Forwarded-Proto (Next sets both
    // on every request), so the app signs people in at any address it is reached by.
    source.AUTH_TRUST_HOST = "true";
  }
  return { ...parsed, NEXTAUTH_SECRET: secret, repoRoot };
}
