import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/http/api-handler";
import { consumeRateLimit, enforceRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { createTestDatabase } from "../helpers/test-database";

describe("rate limits in the database", () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => ({ db, drop } = await createTestDatabase("sqlite")));
  afterAll(() => drop?.());

  const at = (seconds: number) => new Date(Date.UTC(2026, 10, 24, 10, 0, seconds));

  it("counts within a window, refuses past the limit with the seconds to wait, and starts over in the next window", async () => {
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await consumeRateLimit(db, "submit:u1", 2, 60_000, at(15)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
    expect(results[2]).toMatchObject({ remaining: 0, retryAfterSeconds: 45 });
    expect(await consumeRateLimit(db, "submit:u1", 2, 60_000, at(60))).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("keeps one row per name: a new window deletes the name's old ones, and no one else's", async () => {
    await consumeRateLimit(db, "submit:u2", 5, 60_000, at(0));
    await consumeRateLimit(db, "submit:a1:u2", 5, 3_600_000, at(0));
    await consumeRateLimit(db, "submit:u2", 5, 60_000, at(61));
    await consumeRateLimit(db, "submit:u2", 5, 60_000, at(125));
    const keys = (await db.rateLimit.findMany({ where: { key: { contains: "u2" } }, orderBy: { key: "asc" } })).map((r) => r.key);
    expect(keys).toEqual([`submit:a1:u2:${at(0).getTime() - (at(0).getTime() % 3_600_000)}`, `submit:u2:${at(120).getTime()}`]);
  });

  it("answers 429 with a message that says when to retry", async () => {
    await enforceRateLimit(db, "submit:u3", 1, 60_000, "submissions");
    const refused = await enforceRateLimit(db, "submit:u3", 1, 60_000, "submissions").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({ status: 429 });
    expect((refused as ApiError).message).toMatch(/^Too many submissions: at most 1 per 60 s\. Try again in \d+ s\.$/);
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBe((await response.json()).retryAfterSeconds);
  });
});
