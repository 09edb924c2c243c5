import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { setDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

// Small allowances so the lock is reached quickly; read once by env() in this file's worker.
Object.assign(process.env, {
  DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-throttle-")),
  THROTTLE_ACCOUNT_FAILURES: "4",
  THROTTLE_IP_FAILURES: "6",
  THROTTLE_LOCK_MINUTES: "15",
});
const { authOptions } = await import("@/lib/auth/auth-options");
const { revokeSessions } = await import("@/lib/auth/sessions");
const { endUserSessions } = await import("@/lib/accounts/end-user-sessions");
const { accountPolicy, recordFailure, assertNotThrottled, throttledAttempt, waitAfter, ThrottledError } = await import("@/lib/rate-limit/auth-throttle");
const { ApiError } = await import("@/lib/http/api-error");

const hasPostgres = await postgresAvailable();
const PASSWORD = "throttle-test-pass-1";

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<{ id: string } | null>;
function authorize(): Authorize {
  const credentials = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };
  return credentials.options.authorize;
}
const signIn = (email: string, password: string, address: string) => authorize()({ email, password }, { headers: { "x-forwarded-for": address } });
const outcome = (p: Promise<unknown>) =>
  p.then(
    (user) => (user ? "ok" : "wrong"),
    (e: Error) => e.message.replace(/:.*$/, ""),
  );

/** A token as next-auth issues it at sign-in, then as it checks it on a later request. */
async function issueToken(userId: string): Promise<JWT> {
  const jwt = authOptions().callbacks!.jwt!;
  return jwt({ token: {}, user: { id: userId }, account: { type: "credentials", provider: "credentials", providerAccountId: userId } } as never);
}
async function stillValid(token: JWT): Promise<boolean> {
  const next = await authOptions().callbacks!.jwt!({ token } as never);
  return typeof next.uid === "string";
}

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`sessions and throttle on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
    });
    afterAll(() => drop?.());

    const user = async (email: string, role: "STUDENT" | "ADMIN" = "STUDENT") => db.user.create({ data: { email, name: email, role, passwordHash: await hashPassword(PASSWORD) } });

    describe("revocable sessions", () => {
      it("a token works until the user's sessions are revoked", async () => {
        setDb(db);
        const u = await user("revoke@example.com");
        const token = await issueToken(u.id);
        expect(token.uid).toBe(u.id);
        expect(await stillValid(token)).toBe(true);
        await revokeSessions(u.id);
        expect(await stillValid(token)).toBe(false);
        // A new sign-in gets a token of the new version.
        expect(await stillValid(await issueToken(u.id))).toBe(true);
      });

      it("a password change ends the sessions without any other step", async () => {
        setDb(db);
        const u = await user("changed@example.com");
        const token = await issueToken(u.id);
        await db.user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword("another-pass-22") } });
        expect(await stillValid(token)).toBe(false);
      });

      it("sign-out ends the user's sessions; an already revoked token cannot sign anyone out", async () => {
        setDb(db);
        const u = await user("signout@example.com");
        const [laptop, phone] = [await issueToken(u.id), await issueToken(u.id)];
        await authOptions().events!.signOut!({ token: laptop } as never);
        expect(await stillValid(laptop)).toBe(false);
        expect(await stillValid(phone)).toBe(false);
        const fresh = await issueToken(u.id);
        await authOptions().events!.signOut!({ token: phone } as never);
        expect(await stillValid(fresh)).toBe(true);
      });

      it("an admin ends an account's sessions, and it is audited", async () => {
        setDb(db);
        const admin = await user("admin@example.com", "ADMIN");
        const u = await user("victim@example.com");
        const token = await issueToken(u.id);
        await expect(endUserSessions(admin, u.id)).resolves.toEqual({ revoked: u.id });
        expect(await stillValid(token)).toBe(false);
        expect(await db.auditLog.count({ where: { action: "sessions.revoke", actorId: admin.id } })).toBe(1);
        await expect(endUserSessions(admin, "no-such-user")).rejects.toMatchObject({ status: 404 });
      });

      it("a revoked token's session has no user", async () => {
        setDb(db);
        const u = await user("session-shape@example.com");
        const token = await issueToken(u.id);
        await revokeSessions(u.id);
        const checked = await authOptions().callbacks!.jwt!({ token } as never);
        const session = await authOptions().callbacks!.session!({ session: { user: { email: u.email }, expires: "x" }, token: checked } as never);
        expect(session).toEqual({ expires: "x" });
      });
    });

    describe("throttle", () => {
      it("waits grow after the free half, then the key locks", () => {
        const policy = { maxFailures: 10, lockMs: 900_000 };
        expect([1, 5, 6, 7, 8, 9, 10, 11].map((n) => waitAfter(n, policy))).toEqual([0, 0, 1000, 2000, 4000, 8000, 900_000, 900_000]);
      });

      it("50 wrong passwords then the right one does not sign in: delay, then lock, per account", async () => {
        setDb(db);
        await user("target@example.com");
        const results: string[] = [];
        // A different address every time: the account's own count is what stops it.
        for (let i = 0; i < 50; i++) results.push(await outcome(signIn("target@example.com", `wrong-${i}`, `10.0.${i}.1`)));
        results.push(await outcome(signIn("target@example.com", PASSWORD, "10.0.99.1")));
        // Allowance 4: two free failures, the third starts a 1 s wait; attempts during a wait
        // are refused unchecked (and not counted), the right password included.
        expect(results.slice(0, 3)).toEqual(["wrong", "wrong", "TooManyAttempts"]);
        expect(results.slice(3).every((r) => r === "TooManyAttempts")).toBe(true);
        let row = await db.authThrottle.findUniqueOrThrow({ where: { key: "signin:account:target@example.com" } });
        if (row.failures < 4) {
          // (On a slow machine the loop may already have outlasted the wait and been locked.)
          // Waiting out the delay buys one more guess; failing it locks the account.
          expect(row.failures).toBe(3);
          await new Promise((ok) => setTimeout(ok, row.blockedUntil.getTime() - Date.now() + 100));
          expect(await outcome(signIn("target@example.com", "wrong-again", "10.0.101.1"))).toBe("TooManyAttempts");
          row = await db.authThrottle.findUniqueOrThrow({ where: { key: "signin:account:target@example.com" } });
        }
        expect(row.failures).toBe(4);
        expect(row.blockedUntil.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
        const refused = await signIn("target@example.com", PASSWORD, "10.0.100.1").catch((e: Error) => e.message);
        expect(refused).toBe(`TooManyAttempts:${row.blockedUntil.toISOString()}`);
      });

      it("the message says when to retry, and a wait ends", async () => {
        setDb(db);
        const policy = accountPolicy();
        const subject = [{ key: "join:account:u-msg", policy }];
        const t0 = new Date(Date.UTC(2026, 11, 3, 9, 0, 0));
        for (let i = 0; i < 3; i++) await recordFailure(db, subject, t0);
        const error = await assertNotThrottled(db, subject, "join-code attempts", new Date(t0.getTime() + 200)).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ThrottledError);
        expect((error as InstanceType<typeof ApiError>).status).toBe(429);
        expect((error as Error).message).toBe("Too many failed join-code attempts. Try again in 1 second (at 09:00:01 UTC).");
        expect((error as InstanceType<typeof ApiError>).details).toMatchObject({ retryAfterSeconds: 1, retryAt: "2026-12-03T09:00:01.000Z" });
        await expect(assertNotThrottled(db, subject, "join-code attempts", new Date(t0.getTime() + 1001))).resolves.toBeUndefined();
        await recordFailure(db, subject, new Date(t0.getTime() + 2000));
        const locked = await assertNotThrottled(db, subject, "join-code attempts", new Date(t0.getTime() + 3000)).catch((e: Error) => e.message);
        expect(locked).toBe("Too many failed join-code attempts. Try again in 15 minutes (at 09:15:02 UTC).");
        // Failures are forgotten once the lock period has passed without one.
        await recordFailure(db, subject, new Date(t0.getTime() + 40 * 60_000));
        expect((await db.authThrottle.findUniqueOrThrow({ where: { key: "join:account:u-msg" } })).failures).toBe(1);
      });

      it("per address: many accounts from one address lock the address, not the accounts elsewhere", async () => {
        setDb(db);
        await user("bystander@example.com");
        const results: string[] = [];
        // Allowance 6 per address: unknown emails, each failing once (their own count stays free).
        for (let i = 0; i < 6; i++) results.push(await outcome(signIn(`spray-${i}@example.com`, "wrong-pass-1", "10.9.9.9")));
        expect(results).toEqual(["wrong", "wrong", "wrong", "TooManyAttempts", "TooManyAttempts", "TooManyAttempts"]);
        expect(await outcome(signIn("bystander@example.com", PASSWORD, "10.9.9.9"))).toBe("TooManyAttempts");
        expect(await outcome(signIn("bystander@example.com", PASSWORD, "10.9.9.10"))).toBe("ok");
      });

      it("a success clears the account's failures but not the address's", async () => {
        setDb(db);
        await user("forgetful@example.com");
        expect(await outcome(signIn("forgetful@example.com", "wrong-pass-1", "10.8.0.1"))).toBe("wrong");
        expect(await outcome(signIn("forgetful@example.com", "wrong-pass-2", "10.8.0.1"))).toBe("wrong");
        expect(await outcome(signIn("forgetful@example.com", PASSWORD, "10.8.0.1"))).toBe("ok");
        expect(await db.authThrottle.findUnique({ where: { key: "signin:account:forgetful@example.com" } })).toBeNull();
        expect((await db.authThrottle.findUniqueOrThrow({ where: { key: "signin:address:10.8.0.1" } })).failures).toBe(2);
      });

      it("unknown emails and passwordless accounts are answered and throttled like wrong passwords", async () => {
        setDb(db);
        await user("known@example.com");
        await db.user.create({ data: { email: "imported@example.com", name: "Imported" } });
        const known: string[] = [];
        const unknown: string[] = [];
        const imported: string[] = [];
        for (let i = 0; i < 4; i++) {
          known.push(await outcome(signIn("known@example.com", "wrong-pass-1", `10.7.${i}.1`)));
          unknown.push(await outcome(signIn("ghost@example.com", "wrong-pass-1", `10.7.${i}.2`)));
          imported.push(await outcome(signIn("imported@example.com", "wrong-pass-1", `10.7.${i}.3`)));
        }
        expect(unknown).toEqual(known);
        expect(imported).toEqual(known);
      });

      it("a wrong join code counts; when it starts a wait the answer keeps its reason and adds the wait", async () => {
        setDb(db);
        const subjects = [{ key: "signup:account:x@example.com", policy: accountPolicy() }];
        const wrong = () => Promise.reject(new ApiError(400, "That join code does not match any course."));
        const statuses: number[] = [];
        let message = "";
        for (let i = 0; i < 3; i++) {
          await throttledAttempt(db, subjects, "sign-up attempts", wrong).catch((e: InstanceType<typeof ApiError>) => {
            statuses.push(e.status);
            message = e.message;
          });
        }
        expect(statuses).toEqual([400, 400, 429]);
        expect(message).toMatch(/^That join code does not match any course\. Too many failed sign-up attempts\. Try again in 1 second/);
        // Other errors (a taken email, a server error) are not guesses and do not count.
        await throttledAttempt(db, [{ key: "signup:account:y@example.com", policy: accountPolicy() }], "sign-up attempts", () => Promise.reject(new ApiError(409, "taken"))).catch(() => {});
        expect(await db.authThrottle.findUnique({ where: { key: "signup:account:y@example.com" } })).toBeNull();
      });
    });
  });
}
