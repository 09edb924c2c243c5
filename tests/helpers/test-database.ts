import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export type Provider = "sqlite" | "postgresql";

/** Whether the machine's PostgreSQL answers. Under CI its absence is a failure, not a skip. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === "true") throw new Error(`PostgreSQL is required under CI but ${POSTGRES_URL} is unreachable: ${String(error)}`);
    console.warn(`PostgreSQL at ${POSTGRES_URL} is unreachable; PostgreSQL suites are skipped outside CI.`);
    return false;
  }
}

/**
 * A fresh, fully migrated database for one test file: a temporary SQLite file, or a
 * uniquely named schema in the PostgreSQL test database. Migrations run through the real
 * `prisma migrate deploy`, so the tests also prove that the migrations apply.
 */
export async function createTestDatabase(provider: Provider): Promise<{ url: string; db: Db; drop: () => Promise<void> }> {
  const id = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const url =
    provider === "sqlite"
      ? `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-")), "test.db")}`
      : `${POSTGRES_URL}${POSTGRES_URL.includes("?") ? "&" : "?"}schema=${id}`;
  await run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
  const db = createDb(url);
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      if (provider === "postgresql") {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${id}" CASCADE`);
        await client.end();
      } else {
        fs.rmSync(path.dirname(url.slice("file:".length)), { recursive: true, force: true });
      }
    },
  };
}
