import { describe, expect, it } from "vitest";
import { createPgPool, parsePgUrl } from "./pg-adapter";
import { postgresAvailable, POSTGRES_URL } from "@/tests/helpers/test-database";

describe("parsePgUrl", () => {
  it("moves Prisma's ?schema= out of the connection string", () => {
    expect(parsePgUrl("postgresql://u@h:5432/db?schema=abc&sslmode=disable")).toEqual({ connectionString: "postgresql://u@h:5432/db?sslmode=disable", schema: "abc" });
    expect(parsePgUrl("postgresql://u@h/db")).toEqual({ connectionString: "postgresql://u@h/db", schema: undefined });
  });
});

describe.skipIf(!(await postgresAvailable()))("createPgPool", () => {
  it("reports PostgreSQL `name` columns as text so the Prisma adapter can read them", async () => {
    const pool = createPgPool(POSTGRES_URL, 1);
    try {
      const viaPool = await pool.query("SELECT current_schema() AS s");
      expect(viaPool.fields[0].dataTypeID).toBe(25);
      expect(viaPool.rows[0].s).toBe("public");
      const client = await pool.connect();
      const viaClient = await client.query("SELECT nspname FROM pg_namespace LIMIT 1");
      client.release();
      expect(viaClient.fields[0].dataTypeID).toBe(25);
    } finally {
      await pool.end();
    }
  });
});
