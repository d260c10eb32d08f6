export * from "./client.ts";
export * from "./env.ts";
export * from "./generated/prisma/client.ts";
export { Prisma } from "./generated/prisma/client.ts";
export {
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  migrationStatus,
  type MigrationStatus,
} from "./migrate/index.ts";
export { databaseHealth, type DatabaseHealth, type DatabaseHealthOptions } from "./health.ts";
