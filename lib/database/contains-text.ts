import { dbKind } from "../db";

/**
 * A case-insensitive substring filter on either database. SQLite's LIKE already ignores
 * ASCII case; PostgreSQL's does not, so there Prisma needs `mode: "insensitive"` (ILIKE),
 * which the SQLite client's types do not know, hence the cast.
 */
export function containsText(text: string): { contains: string } {
  return dbKind() === "postgresql" ? ({ contains: text, mode: "insensitive" } as { contains: string }) : { contains: text };
}
