import { dbKind } from "../db";

/** `\`, `%` and `_` with a backslash before each: PostgreSQL's LIKE then matches them literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}

/** Whether text has a character SQLite's LIKE would take as a wildcard (see containsText). */
export function hasLikeWildcard(text: string): boolean {
  return /[%_]/.test(text);
}

/** ASCII-only lower case, the case folding of SQLite's LIKE (which ignores the case of ASCII letters only). */
export function foldAsciiCase(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * A case-insensitive substring filter on either database. SQLite's LIKE already ignores
 * ASCII case; PostgreSQL's does not, so there Prisma needs `mode: "insensitive"` (ILIKE),
 * which the SQLite client's types do not know, hence the cast.
 *
 * Prisma passes the text into LIKE's pattern as is, so `%` and `_` would be wildcards (and a
 * trailing `\` an error on PostgreSQL). PostgreSQL's LIKE escapes with a backslash by
 * default, so there the text is escaped and matches literally. SQLite's LIKE has no escape
 * character unless the query names one, which Prisma's never does: there the filter is a
 * superset of the literal matches (a wildcard also matches itself), and a caller whose text
 * has a wildcard (hasLikeWildcard) must keep only the rows that contain it literally.
 */
export function containsText(text: string): { contains: string } {
  return dbKind() === "postgresql" ? ({ contains: escapeLike(text), mode: "insensitive" } as { contains: string }) : { contains: text };
}
