export {
  applyMigrationFiles,
  applyMigrations,
  createMigration,
  diffMigrationsToSchema,
  migrationStatus,
  readMigrations,
  MIGRATION_NAME,
  type MigrationFileInfo,
  type MigrationStatus,
} from "./migrations.ts";
export { errorMessage, migrationsDir, repoRoot, schemaPath } from "./paths.ts";
