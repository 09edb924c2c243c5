import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { createDb, type Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { HttpSession } from "../helpers/http-session";
import { launchBrowser } from "../helpers/browser";
import { E2E_PASSWORD } from "./e2e-constants";

/**
 * Issue 15 over HTTP and in Chromium against the running app: revocable sessions, the
 * sign-in / sign-up / join-code throttle, no user enumeration, no open redirect after
 * sign-in, and no cross-origin state change. Every account here is the file's own, and
 * throttled requests claim their own client address (X-Forwarded-For, which `next start`
 * keeps when present), so the other suites' sign-ins from 127.0.0.1 are never slowed.
 */
const baseUrl = inject("baseUrl");
let db: Db;
let browser: Browser;
let otherCourse: { id: string; joinCode: string };
const PASSWORD = "sess-security-pass-42";

async function makeUser(email: string, role: "STUDENT" | "ADMIN" = "STUDENT") {
  return db.user.upsert({ where: { email }, update: {}, create: { email, name: email.split("@")[0], role, passwordHash: await hashPassword(PASSWORD) } });
}

/** One credentials sign-in attempt, raw: the status, next-auth's JSON answer and whether a session cookie came back. */
async function attemptSignIn(email: string, password: string, address: string, callbackUrl?: string) {
  const s = new HttpSession(baseUrl);
  const { csrfToken } = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await s.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", ...(callbackUrl ? { callbackUrl } : {}) }),
  });
  const body = (await response.json()) as { url: string };
  return { status: response.status, url: body.url, error: new URL(body.url).searchParams.get("error"), session: s.cookieHeader().includes("session-token") ? s : null };
}

/** A request carrying exactly this cookie header (an old token kept by an attacker). */
function withCookie(cookie: string, pathname: string, init: RequestInit = {}) {
  return fetch(baseUrl + pathname, { ...init, headers: { ...(init.headers as Record<string, string>), cookie }, redirect: "manual" });
}

beforeAll(async () => {
  db = createDb(inject("databaseUrl"));
  browser = await launchBrowser();
  const c = await db.course.upsert({ where: { code: "SESS15" }, update: {}, create: { code: "SESS15", title: "Session security course", joinCode: "SESS-1515" } });
  otherCourse = { id: c.id, joinCode: c.joinCode! };
});
afterAll(async () => {
  await browser?.close();
  await db?.$disconnect();
});

describe("revocable sessions", () => {
  it("an old token stops working after sign-out", async () => {
    await makeUser("sess-signout@example.com");
    const s = await new HttpSession(baseUrl).signIn("sess-signout@example.com", PASSWORD);
    const stolen = s.cookieHeader();
    expect((await withCookie(stolen, "/api/me")).status).toBe(200);
    const { csrfToken } = (await (await s.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await s.fetch("/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, json: "true" }) });
    expect(out.status).toBe(200);
    expect((await withCookie(stolen, "/api/me")).status).toBe(401);
    const session = (await (await withCookie(stolen, "/api/auth/session")).json()) as { user?: unknown };
    expect(session.user).toBeUndefined();
  });

  it("an old token stops working after a password change, and the new password signs in", async () => {
    const user = await makeUser("sess-password@example.com");
    const s = await new HttpSession(baseUrl).signIn("sess-password@example.com", PASSWORD);
    expect((await s.fetch("/api/me")).status).toBe(200);
    // What the password change / reset flow writes; no other step is needed to end sessions.
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("a-brand-new-pass-77") } });
    expect((await s.fetch("/api/me")).status).toBe(401);
    const again = await new HttpSession(baseUrl).signIn("sess-password@example.com", "a-brand-new-pass-77");
    expect((await again.fetch("/api/me")).status).toBe(200);
  });

  it("an admin ends all of an account's sessions", async () => {
    const victim = await makeUser("sess-revoked@example.com");
    await makeUser("sess-admin@example.com", "ADMIN");
    const [laptop, phone] = await Promise.all([new HttpSession(baseUrl).signIn(victim.email, PASSWORD), new HttpSession(baseUrl).signIn(victim.email, PASSWORD)]);
    const admin = await new HttpSession(baseUrl).signIn("sess-admin@example.com", PASSWORD);
    const r = await admin.fetch("/api/admin/sessions/revoke", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ userId: victim.id }) });
    expect(r.status).toBe(200);
    expect((await laptop.fetch("/api/me")).status).toBe(401);
    expect((await phone.fetch("/api/me")).status).toBe(401);
    expect((await admin.fetch("/api/me")).status).toBe(200);
    expect(await db.auditLog.count({ where: { action: "sessions.revoke", details: { contains: victim.id } } })).toBe(1);
  });
});

describe("sign-in throttle and enumeration", () => {
  it("answers an unknown email exactly like a wrong password", async () => {
    await makeUser("sess-known@example.com");
    const known = await attemptSignIn("sess-known@example.com", "wrong-password-1", "10.15.0.1");
    const unknown = await attemptSignIn("sess-nobody@example.com", "wrong-password-1", "10.15.0.2");
    expect(known.session).toBeNull();
    expect(unknown.session).toBeNull();
    expect({ status: unknown.status, url: unknown.url }).toEqual({ status: known.status, url: known.url });
    expect(known.error).toBe("CredentialsSignin");
  });

  it("delays, then locks an account, saying when to retry; the right password does not get through", async () => {
    await makeUser("sess-throttled@example.com");
    const errors: Array<string | null> = [];
    // Default policy: 10 failures per account; the first 5 are free, then 1 s, 2 s, 4 s, 8 s, then a 15-minute lock.
    for (let i = 1; i <= 10; i++) {
      const r = await attemptSignIn("sess-throttled@example.com", `wrong-password-${i}`, `10.16.0.${i}`);
      errors.push(r.error);
      const retryAt = r.error?.startsWith("TooManyAttempts:") ? new Date(r.error.slice("TooManyAttempts:".length)) : null;
      if (retryAt && i < 10) await new Promise((ok) => setTimeout(ok, retryAt.getTime() - Date.now() + 100));
    }
    expect(errors.slice(0, 5)).toEqual(Array(5).fill("CredentialsSignin"));
    expect(errors.slice(5).every((e) => e?.startsWith("TooManyAttempts:"))).toBe(true);
    const lockedUntil = new Date(errors[9]!.slice("TooManyAttempts:".length)).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    // During the lock the right password fails too, from any address, with the retry time.
    const right = await attemptSignIn("sess-throttled@example.com", PASSWORD, "10.16.1.1");
    expect(right.session).toBeNull();
    expect(right.error).toBe(`TooManyAttempts:${new Date(lockedUntil).toISOString()}`);

    // The sign-in form turns it into a sentence with the time.
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/signin`);
    await page.getByLabel("Email").fill("sess-throttled@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).first().click();
    await expect.poll(() => page.locator("form [role=alert]").textContent()).toMatch(/Too many failed sign-in attempts\. Try again at .+ \(in 1[45] min\)\./);
    await context.close();
  }, 90_000);

  it("throttles one address across accounts; other addresses and accounts are unaffected", async () => {
    // Default: 100 failures per address, the first 50 free: fifty-one unknown emails from one address.
    const address = "10.17.0.1";
    await makeUser("sess-sprayed@example.com");
    let last: string | null = null;
    for (let i = 0; i < 51; i++) last = (await attemptSignIn(`sess-spray-${i}@example.com`, "wrong-password-1", address)).error;
    expect(last).toMatch(/^TooManyAttempts:/);
    expect((await attemptSignIn("sess-sprayed@example.com", PASSWORD, address)).error).toMatch(/^TooManyAttempts:/);
    expect((await attemptSignIn("sess-sprayed@example.com", PASSWORD, "10.17.0.2")).session).not.toBeNull();
  }, 120_000);
});

describe("sign-up and join-code throttle", () => {
  it("refuses wrong join codes at sign-up, then asks to wait", async () => {
    const statuses: number[] = [];
    let message = "";
    for (let i = 0; i < 6; i++) {
      const r = await fetch(`${baseUrl}/api/signup`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.18.0.1" },
        body: JSON.stringify({ name: "Guesser", email: "sess-guesser@example.com", password: "guesser-pass-123", joinCode: `GUESS-${i}` }),
      });
      statuses.push(r.status);
      if (r.status === 429) message = ((await r.json()) as { error: string }).error;
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(message).toMatch(/join code does not match any course\. Too many failed sign-up attempts\. Try again in 1 second \(at \d\d:\d\d:\d\d UTC\)\./);
  });

  it("refuses wrong join codes for a signed-in student, then asks to wait, with Retry-After", async () => {
    await makeUser("sess-joiner@example.com");
    const s = await new HttpSession(baseUrl).signIn("sess-joiner@example.com", PASSWORD);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await s.fetch("/api/courses/join", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "10.19.0.1" }, body: JSON.stringify({ joinCode: `NOPE-000${i}` }) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(last!.headers.get("retry-after")).toBe("1");
    // Even the right code waits until the retry time.
    const early = await s.fetch("/api/courses/join", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "10.19.0.1" }, body: JSON.stringify({ joinCode: otherCourse.joinCode }) });
    expect(early.status).toBe(429);
  });
});

describe("redirect after sign-in", () => {
  for (const callbackUrl of ["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/"]) {
    it(`stays on the app for callbackUrl=${JSON.stringify(callbackUrl)}`, async () => {
      await makeUser("sess-redirect@example.com");
      // next-auth's own redirect (the URL it answers after a credentials sign-in).
      const r = await attemptSignIn("sess-redirect@example.com", PASSWORD, "10.20.0.1", callbackUrl);
      expect(new URL(r.url).origin).toBe(baseUrl);
      // The sign-in page of a signed-in user redirects at once.
      const page = await r.session!.fetch(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(page.status).toBe(307);
      expect(new URL(page.headers.get("location")!, baseUrl).origin).toBe(baseUrl);
    });
  }

  it("in Chromium, the sign-in form lands on the app, not on evil.example", async () => {
    await makeUser("sess-redirect@example.com");
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    // The browser must not even try to leave: any request to evil.example fails the test.
    const foreign: string[] = [];
    page.on("request", (req) => {
      if (!req.url().startsWith(baseUrl)) foreign.push(req.url());
    });
    await page.goto(`${baseUrl}/signin?callbackUrl=${encodeURIComponent("/\\evil.example")}`);
    await page.getByLabel("Email").fill("sess-redirect@example.com");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).first().click();
    await page.waitForURL(`${baseUrl}/home`);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

describe("cross-origin requests", () => {
  it("refuses text/plain and cross-origin JSON with 403; same-origin JSON works", async () => {
    const student = await makeUser("sess-csrf@example.com");
    const s = await new HttpSession(baseUrl).signIn(student.email, PASSWORD);
    const enrolled = () => db.enrollment.count({ where: { userId: student.id, courseId: otherCourse.id } });
    const body = JSON.stringify({ joinCode: otherCourse.joinCode });
    const otherOrigin = baseUrl.replace(/:(\d+)$/, (_, p) => `:${Number(p) + 1}`);
    const attempts: Array<Record<string, string>> = [
      { "content-type": "text/plain;charset=UTF-8", origin: otherOrigin, "sec-fetch-site": "same-site" },
      { "content-type": "application/json", origin: otherOrigin, "sec-fetch-site": "same-site" },
      { "content-type": "application/json", origin: "https://evil.example" },
      { "content-type": "application/json", "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attempts) {
      const r = await s.fetch("/api/courses/join", { method: "POST", headers, body });
      expect(r.status, JSON.stringify(headers)).toBe(403);
    }
    // Same origin, but not JSON: refused too (a browser without Origin/Sec-Fetch-Site).
    expect((await s.fetch("/api/courses/join", { method: "POST", headers: { "content-type": "text/plain" }, body })).status).toBe(415);
    expect(await enrolled()).toBe(0);
    const ok = await s.fetch("/api/courses/join", { method: "POST", headers: { "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin" }, body });
    expect(ok.status).toBe(200);
    expect(await enrolled()).toBe(1);
  });

  it("in Chromium, a page on another port of the same host cannot make a signed-in student join a course", async () => {
    const student = await makeUser("sess-csrf-browser@example.com");
    const attacker = http.createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<script>
        const send = (type) => fetch(${JSON.stringify(`${baseUrl}/api/courses/join`)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": type }, body: ${JSON.stringify(JSON.stringify({ joinCode: otherCourse.joinCode }))} });
        Promise.allSettled([send("text/plain"), send("application/json")]).then(() => (document.title = "sent"));
      </script>`);
    });
    await new Promise<void>((ok) => attacker.listen(0, "127.0.0.1", ok));
    const attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
    const context = await browser.newContext({ locale: "en-US" });
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/signin`);
      await page.getByLabel("Email").fill(student.email);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).first().click();
      await page.waitForURL(`${baseUrl}/home`);
      const joined = page.waitForResponse((r) => r.url().endsWith("/api/courses/join"));
      await page.goto(attackerUrl);
      expect((await joined).status()).toBe(403);
      await expect.poll(() => page.title()).toBe("sent");
      expect(await db.enrollment.count({ where: { userId: student.id, courseId: otherCourse.id } })).toBe(0);
      // The same student joining from the app itself works.
      await page.goto(`${baseUrl}/home`);
      const status = await page.evaluate(
        async ([code]) => (await fetch("/api/courses/join", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ joinCode: code }) })).status,
        [otherCourse.joinCode],
      );
      expect(status).toBe(200);
      expect(await db.enrollment.count({ where: { userId: student.id, courseId: otherCourse.id } })).toBe(1);
    } finally {
      await context.close();
      attacker.close();
    }
  });
});

describe("the demo accounts still sign in", () => {
  it("signs in a seeded student from 127.0.0.1 as the other suites do", async () => {
    const s = await new HttpSession(baseUrl).signIn("student1@ipclab.local", E2E_PASSWORD);
    expect((await s.fetch("/api/me")).status).toBe(200);
  });
});
