// npm run db:migration -- <name>
// Writes prisma/migrations/<utc timestamp>_<name>/migration.sql with the SQL that takes the
// existing migrations to prisma/schema.prisma. Works offline: no server, no shadow database
// (see docs/database.md).
import { relative } from "node:path";
import { createMigration, errorMessage, MIGRATION_NAME, repoRoot } from "../src/migrate/index.ts";

const name = process.argv[2];
if (!name || !MIGRATION_NAME.test(name) || process.argv.length > 3) {
  console.error(
    "Usage: npm run db:migration -- <name>\n" +
      "The name uses lowercase letters, digits and underscores, e.g. add_gift_cards.",
  );
  process.exit(2);
}

try {
  const file = await createMigration(name);
  if (!file) {
    console.log("No changes: the migrations already match prisma/schema.prisma.");
  } else {
    console.log(`Created ${relative(repoRoot(), file)}`);
    console.log("Review it, add any hand-written SQL (CHECKs, triggers), then run npm run db:migrate.");
  }
} catch (error) {
  console.error(`Could not create the migration: ${errorMessage(error)}`);
  process.exit(1);
}
