import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom } from "@/scripts/db/sync-schemas";
import { POSTGRES_URL } from "../helpers/test-database";

const root = path.resolve(import.meta.dirname, "../..");
const read = (p: string) => fs.readFileSync(path.join(root, p), "utf8");

describe("schema and migrations", () => {
  it("keeps the PostgreSQL schema generated from the SQLite source of truth", () => {
    expect(read("prisma/postgres/schema.prisma")).toBe(postgresSchemaFrom(read("prisma/schema.prisma")));
  });

  it.each([
    ["prisma/migrations", "file:./data/ipclab.db", "prisma/schema.prisma"],
    ["prisma/postgres/migrations", POSTGRES_URL, "prisma/postgres/schema.prisma"],
  ])("%s has a migration for every change to the schema", (dir, url, schema) => {
    // The snapshot is the schema as of the newest migration; a diff from it to the current
    // schema must be empty, or someone changed the schema without `npm run db:migration`.
    const out = execFileSync(
      path.join(root, "node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-schema-datamodel", path.join(dir, "schema.snapshot.prisma"), "--to-schema-datamodel", schema, "--script"],
      { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    expect(out).not.toMatch(/\b(CREATE|ALTER|DROP)\b/);
  });
});
