import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter, prismaPaths } from "./scripts/db/migration-adapter";

// The Prisma CLI (migrate deploy/status/diff, db push) talks to the database through the
// same driver adapters as the app, with the JS/wasm schema engine: no engine binary is
// downloaded. DATABASE_URL picks SQLite (file:) or PostgreSQL (postgres[ql]://).
const paths = prismaPaths(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, paths.schema),
  migrations: { path: path.join(import.meta.dirname, paths.migrations) },
  adapter: () => createMigrationAdapter(process.env.DATABASE_URL),
});
