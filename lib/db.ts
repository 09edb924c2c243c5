import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseKind, sqliteFileUrl, type DatabaseKind } from "./database/database-url";
import { createPgAdapter } from "./database/pg-adapter";
import { env } from "./env";

/**
 * One Prisma client for the whole process. Both generated clients come from the same
 * models (ADR 001), so the SQLite client's type describes either one.
 */
export type Db = SqliteClient;

// On globalThis, like the client itself, so that a hot reload in development keeps both.
const kinds: WeakMap<Db, DatabaseKind> = ((globalThis as unknown as { ipclabDbKinds?: WeakMap<Db, DatabaseKind> }).ipclabDbKinds ??= new WeakMap());

export function createDb(url: string): Db {
  if (databaseKind(url) === "postgresql") {
    const client = new PostgresClient({ adapter: createPgAdapter(url) }) as unknown as Db;
    kinds.set(client, "postgresql");
    return client;
  }
  const client = new SqliteClient({ adapter: new PrismaLibSQL({ url: sqliteFileUrl(url) }) });
  kinds.set(client, "sqlite");
  // Several processes share the file (web app, graders, CLI scripts): wait for a lock instead
  // of failing at once with SQLITE_BUSY, and let readers proceed while one process writes.
  // The adapter runs statements in order, so these precede the caller's first query.
  void client.$queryRawUnsafe("PRAGMA busy_timeout = 5000").catch(() => {});
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => {});
  return client;
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

/** Which database a client talks to, for the few queries whose SQL differs between them. */
export function dbKind(client: Db = db()): DatabaseKind {
  return kinds.get(client) ?? "sqlite";
}

export * from "./generated/sqlite/enums";
