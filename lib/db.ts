import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseKind, sqliteFileUrl } from "./database/database-url";
import { createPgAdapter } from "./database/pg-adapter";
import { env } from "./env";

/**
 * One Prisma client for the whole process. Both generated clients come from the same
 * models (ADR 001), so the SQLite client's type describes either one.
 */
export type Db = SqliteClient;

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    return new PostgresClient({ adapter: createPgAdapter(url) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaLibSQL({ url: sqliteFileUrl(url) }) });
}

const globalForDb = globalThis as unknown as { ipclabDb?: Db };

/** Points this process at a given client (tests and scripts that manage their own database). */
export function setDb(client: Db): void {
  globalForDb.ipclabDb = client;
}

/** The process-wide client (kept across Next's hot reloads in development). */
export function db(): Db {
  globalForDb.ipclabDb ??= createDb(env().DATABASE_URL);
  return globalForDb.ipclabDb;
}

export * from "./generated/sqlite/enums";
