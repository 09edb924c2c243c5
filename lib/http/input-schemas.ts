import { z } from "zod";

/**
 * The building blocks every route schema uses for strings and instants, so that input the
 * databases cannot store is a 400 at the edge instead of a 500 from deep inside Prisma.
 *
 * - Strings: JSON can carry a lone UTF-16 surrogate (`"\ud800"`), which has no UTF-8 form;
 *   SQLite's driver and PostgreSQL both refuse it when the row is written. PostgreSQL also
 *   refuses NUL (`"\u0000"`).
 * - Instants: `z.coerce.date()` turned `null` into 1970 and accepted any year JavaScript can
 *   represent (±275760), which neither database column can hold.
 */

export const LONE_SURROGATE_MESSAGE = "must be valid Unicode text (no lone UTF-16 surrogates or NUL characters)";

// With the u flag a surrogate pair reads as one code point, so only a lone surrogate is a
// match (String.prototype.isWellFormed, without needing the ES2024 lib in tsconfig). NUL is
// refused too: PostgreSQL's text columns can't hold it, and no form here produces it.
const UNSTORABLE = /[\p{Surrogate}\u0000]/u;

/** Whether s has a UTF-8 encoding (no lone surrogate) and no NUL, i.e. both databases can store it. */
export function isWellFormedText(s: string): boolean {
  return !UNSTORABLE.test(s);
}

/** Any string that is well-formed Unicode. Chain `.trim()`, `.min()`, `.max()`, `.regex()` as usual. */
export function text() {
  return z.string().refine(isWellFormedText, LONE_SURROGATE_MESSAGE);
}

/** A database id (cuid) or similar opaque key in a body or query. */
export function recordId() {
  return text().min(1).max(64);
}

/**
 * The instants the app stores: from 1900 to the end of 9999. Both databases hold these, the
 * date inputs of the browser produce them, and nothing in a course needs anything outside.
 */
export const MIN_INSTANT = Date.UTC(1900, 0, 1);
export const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

// An ISO 8601 date, or date-time with seconds optional, fraction optional, and a zone (Z or
// ±hh:mm) required: an instant without a zone would be read in the server's time zone.
// The year is exactly four digits, so the expanded years (`+275760`, `-000001`) never parse.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function toInstant(value: string | number | Date): Date | null {
  if (value instanceof Date) return value;
  if (typeof value === "number") return Number.isFinite(value) ? new Date(value) : null;
  return ISO_INSTANT.test(value) ? new Date(value) : null;
}

/**
 * An instant as an ISO 8601 string (what the browser's forms send: `toISOString()`), epoch
 * milliseconds, or a Date (server code reusing a schema), between 1900 and 9999. Never null:
 * use `instant(...).nullable()` where "none" is allowed, so null stays null.
 */
export function instant(field: string) {
  const message = `${field} must be a date and time (ISO 8601, e.g. 2030-01-31T23:59:00Z) between 1900 and 9999`;
  return z
    .union([z.string().max(40), z.number(), z.date()], { error: message })
    .transform((value, ctx) => {
      const date = toInstant(value);
      const time = date?.getTime();
      if (date && time !== undefined && !Number.isNaN(time) && time >= MIN_INSTANT && time <= MAX_INSTANT) return date;
      ctx.addIssue({ code: "custom", message, input: value });
      return z.NEVER;
    });
}
