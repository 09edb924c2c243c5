import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { linkOAuthUser } from "@/lib/auth/link-oauth-user";
import { createTestDatabase } from "../helpers/test-database";

/** linkOAuthUser against a real (SQLite) database: what each rule of ADR 021 writes, or doesn't. */
describe("linking OAuth/OIDC identities to accounts", () => {
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, drop } = await createTestDatabase("sqlite"));
    setDb(db);
    await db.user.create({ data: { email: "student@uni.example", name: "Student" } });
    await db.user.create({ data: { email: "teacher@uni.example", name: "Teacher", role: "INSTRUCTOR" } });
    await db.user.create({ data: { email: "admin@uni.example", name: "Admin", role: "ADMIN" } });
  }, 120_000);
  afterAll(async () => drop());

  const accountsOf = (email: string) => db.account.findMany({ where: { user: { email } }, select: { provider: true, providerAccountId: true } });

  it("creates a STUDENT account for a first sign-in with a verified email", async () => {
    const result = await linkOAuthUser({ provider: "oidc", providerAccountId: "new-1", email: "New@Uni.example", emailVerified: true, name: "New Person" });
    expect(result).toMatchObject({ ok: true, user: { email: "new@uni.example", name: "New Person" } });
    expect(await db.user.findUnique({ where: { email: "new@uni.example" }, select: { role: true } })).toEqual({ role: "STUDENT" });
    expect(await accountsOf("new@uni.example")).toEqual([{ provider: "oidc", providerAccountId: "new-1" }]);
  });

  it("refuses an unverified email: no account is created and no student account is linked", async () => {
    expect(await linkOAuthUser({ provider: "oidc", providerAccountId: "squat-1", email: "squatter@uni.example", emailVerified: false })).toEqual({ ok: false, reason: "email-unverified" });
    expect(await db.user.count({ where: { email: "squatter@uni.example" } })).toBe(0);
    expect(await linkOAuthUser({ provider: "oidc", providerAccountId: "squat-2", email: "student@uni.example", emailVerified: false })).toEqual({ ok: false, reason: "email-unverified" });
    expect(await accountsOf("student@uni.example")).toEqual([]);
  });

  it("links a verified email into the existing STUDENT account, and signs that identity in later", async () => {
    const first = await linkOAuthUser({ provider: "oidc", providerAccountId: "stu-1", email: "student@uni.example", emailVerified: true });
    expect(first).toMatchObject({ ok: true, user: { email: "student@uni.example" } });
    expect(await accountsOf("student@uni.example")).toEqual([{ provider: "oidc", providerAccountId: "stu-1" }]);
    expect(await linkOAuthUser({ provider: "oidc", providerAccountId: "stu-1", email: "student@uni.example", emailVerified: false })).toMatchObject({ ok: true, user: { email: "student@uni.example" } });
  });

  it("refuses a verified email of an INSTRUCTOR or ADMIN unless that user, signed in, confirmed", async () => {
    expect(await linkOAuthUser({ provider: "oidc", providerAccountId: "t-1", email: "teacher@uni.example", emailVerified: true })).toEqual({ ok: false, reason: "confirmation-required" });
    expect(await linkOAuthUser({ provider: "github", providerAccountId: "a-1", email: "admin@uni.example", emailVerified: true })).toEqual({ ok: false, reason: "confirmation-required" });
    expect(await accountsOf("teacher@uni.example")).toEqual([]);
    expect(await accountsOf("admin@uni.example")).toEqual([]);

    const teacher = await db.user.findUniqueOrThrow({ where: { email: "teacher@uni.example" } });
    expect(await linkOAuthUser({ provider: "oidc", providerAccountId: "t-1", email: "teacher@uni.example", emailVerified: true }, teacher.id)).toMatchObject({ ok: true, user: { id: teacher.id } });
    expect(await accountsOf("teacher@uni.example")).toEqual([{ provider: "oidc", providerAccountId: "t-1" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: teacher.id } })).role).toBe("INSTRUCTOR");
  });

  it("refuses to move an identity linked to one account into another that confirms it", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@uni.example" } });
    expect(await linkOAuthUser({ provider: "oidc", providerAccountId: "stu-1", email: "student@uni.example", emailVerified: true }, admin.id)).toEqual({ ok: false, reason: "identity-linked-elsewhere" });
    expect(await accountsOf("admin@uni.example")).toEqual([]);
  });
});
