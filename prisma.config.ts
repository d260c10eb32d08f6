import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection from here, not from schema.prisma. The app itself never
// uses this file: packages/db builds its client with a driver adapter (PGlite or pg).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/oms" },
});
