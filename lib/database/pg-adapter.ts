import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// PostgreSQL's `name` type (OID 19) is what catalog queries return for identifiers,
// e.g. `current_schema()` or `pg_namespace.nspname`. @prisma/adapter-pg 6.19 has no
// mapping for it and throws "Column type 'name' could not be deserialized", which breaks
// every `prisma migrate` command run through the adapter. `name` is text by definition
// (an identifier string of at most 63 bytes), so query results report it as `text`
// (OID 25) before the adapter sees them. See docs/decisions/001-one-schema-two-providers.md.
const NAME_OID = 19;
const TEXT_OID = 25;

type QueryResultLike = { fields?: Array<{ dataTypeID: number }> };
type AnyQuery = (...args: unknown[]) => unknown;

function relabelNameColumns<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as QueryResultLike | undefined)?.fields ?? []) {
      if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function relabelQueries(target: { query: unknown }) {
  const original = (target.query as AnyQuery).bind(target);
  target.query = (...args: unknown[]) => {
    const out = original(...args);
    return out instanceof Promise ? out.then(relabelNameColumns) : out;
  };
}

/**
 * Splits Prisma's `?schema=` convention off a PostgreSQL URL: node-postgres ignores it,
 * so it becomes the connection's search_path and the adapter's schema instead.
 */
export function parsePgUrl(url: string): { connectionString: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}

/** A pg pool whose connections use the URL's schema and report `name` columns as `text`. */
export function createPgPool(url: string, max = 10): pg.Pool {
  const { connectionString, schema } = parsePgUrl(url);
  const pool = new pg.Pool({
    connectionString,
    max,
    options: schema ? `-c search_path="${schema.replace(/"/g, "")}"` : undefined,
  });
  const seen = new WeakSet<object>();
  pool.on("connect", (client) => {
    if (seen.has(client)) return;
    seen.add(client);
    relabelQueries(client as unknown as { query: unknown });
  });
  relabelQueries(pool as unknown as { query: unknown });
  return pool;
}

export function createPgAdapter(url: string, max?: number) {
  const { schema } = parsePgUrl(url);
  return new PrismaPg(createPgPool(url, max), schema ? { schema } : undefined);
}

/** Creates the URL's schema if it is missing: `migrate deploy` expects it to exist. */
export async function ensurePgSchema(url: string): Promise<void> {
  const { connectionString, schema } = parsePgUrl(url);
  if (!schema) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}
