/**
 * Writes prisma/postgres/schema.prisma from prisma/schema.prisma (the source of truth):
 * same models, PostgreSQL provider, its own generated client. `--check` fails instead of
 * writing when the committed copy is out of date (run by the test suite).
 */
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgres/schema.prisma");

export function postgresSchemaFrom(sqliteSchema: string): string {
  const replaced = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:../data/ipclab.db"', 'url      = "postgresql://localhost:5432/ipclab"')
    .replace('output     = "../lib/generated/sqlite"', 'output     = "../../lib/generated/postgres"');
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes("lib/generated/postgres")) {
    throw new Error("sync-schemas: prisma/schema.prisma no longer has the datasource/generator lines this script rewrites");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/db/sync-schemas.ts. Do not edit.\n" + replaced;
}

function main() {
  const expected = postgresSchemaFrom(fs.readFileSync(source, "utf8"));
  const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("prisma/postgres/schema.prisma is out of date: run `npm run db:sync-schemas`");
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (current !== expected) fs.writeFileSync(target, expected);
}

if (process.argv[1] === import.meta.filename) main();
