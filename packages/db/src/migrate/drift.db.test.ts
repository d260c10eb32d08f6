import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { diffMigrationsToSchema } from "./migrations.ts";
import { schemaPath } from "./paths.ts";

describe("prisma/migrations and prisma/schema.prisma", () => {
  test("describe the same database (no drift)", async () => {
    const sql = await diffMigrationsToSchema();
    if (sql !== "") {
      throw new Error(
        "prisma/schema.prisma has changes that no migration contains. " +
          "Run `npm run db:migration -- <name>` and commit the new folder. SQL still missing:\n\n" +
          sql,
      );
    }
  });

  test("the drift check notices a model the migrations lack", async () => {
    const schema =
      readFileSync(schemaPath(), "utf8") +
      "\nmodel DriftProbe {\n  id   Int    @id\n  note String\n}\n";
    const sql = await diffMigrationsToSchema({ schema });
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });
});
