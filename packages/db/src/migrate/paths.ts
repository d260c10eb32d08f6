import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

let cachedRoot: string | undefined;

/**
 * The repository root: the nearest folder above this module holding `prisma/schema.prisma`.
 * Walks up from the module file, not the working directory, so scripts and tests started
 * from any folder (workspaces run from their own) find the same migrations.
 */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "prisma", "schema.prisma"))) return (cachedRoot = dir);
    const parent = resolve(dir, "..");
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Could not find prisma/schema.prisma in any folder above ${fileURLToPath(import.meta.url)}.`,
  );
}

export const schemaPath = (): string => join(repoRoot(), "prisma", "schema.prisma");
export const migrationsDir = (): string => join(repoRoot(), "prisma", "migrations");

/** One readable line from an error: Prisma prefixes its messages with "Invalid `...` invocation:". */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !/^Invalid `.*` invocation/.test(l));
  return lines.join("\n") || text;
}
