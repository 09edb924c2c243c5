import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseKind, DEFAULT_DATABASE_URL, sqliteFileUrl } from "../../lib/database/database-url";
import { createPgAdapter, ensurePgSchema } from "../../lib/database/pg-adapter";

/** Which schema and migrations folder belong to the provider named by the URL. */
export function prismaPaths(url = DEFAULT_DATABASE_URL) {
  return databaseKind(url) === "postgresql"
    ? { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" }
    : { schema: "prisma/schema.prisma", migrations: "prisma/migrations" };
}

export async function createMigrationAdapter(url = DEFAULT_DATABASE_URL) {
  if (databaseKind(url) === "postgresql") {
    await ensurePgSchema(url);
    return createPgAdapter(url);
  }
  return new PrismaLibSQL({ url: sqliteFileUrl(url) });
}
