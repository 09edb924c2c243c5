import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEMO_USERS } from "@/lib/seed/seed-demo";
import { launchBrowser, signInThroughForm, takeCspViolations } from "../helpers/browser";
import { HttpSession } from "../helpers/http-session";
import { E2E_PASSWORD } from "./e2e-constants";

/**
 * Issue 15: security headers on every response, and a Content-Security-Policy the app works
 * under (the other suites run with it on and fail on any violation, see tests/e2e/setup.ts).
 */
const baseUrl = inject("baseUrl");
const student = DEMO_USERS.find((u) => u.role === "STUDENT")!;

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

function directives(policy: string | null): Map<string, string[]> {
  expect(policy, "content-security-policy header").toBeTruthy();
  return new Map(
    policy!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("security headers", () => {
  let session: HttpSession;
  beforeAll(async () => {
    session = await new HttpSession(baseUrl).signIn(student.email, E2E_PASSWORD);
  });

  it("every kind of response carries them: pages, API, static chunks, worker scripts, errors", async () => {
    const html = await (await session.fetch("/signin")).text();
    const chunk = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    expect(chunk).toBeTruthy();
    for (const path of ["/", "/signin", "/home", "/lessons/en/pipes", "/api/health", "/api/me", "/api/courses", "/no-such-page", chunk!, "/api/exercises/workers/ts-worker.js"]) {
      const response = await session.fetch(path);
      await response.arrayBuffer();
      for (const [name, value] of Object.entries(COMMON)) expect(response.headers.get(name), `${name} on ${path}`).toBe(value);
      expect(response.headers.get("permissions-policy"), path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      const csp = directives(response.headers.get("content-security-policy"));
      expect(csp.get("frame-ancestors"), path).toEqual(["'none'"]);
      expect(csp.get("object-src"), path).toEqual(["'none'"]);
      // Nothing may come from another origin: no CDN, no wildcard.
      for (const [name, values] of csp) for (const v of values) expect(v, `${name} on ${path}`).toMatch(/^('[a-z-]+'|'nonce-[A-Za-z0-9+/=]+'|data:|blob:)$/);
    }
  });

  it("pages get a fresh nonce per request, and every script of the page carries it", async () => {
    const nonces = new Set<string>();
    for (const path of ["/signin", "/signin", "/lessons/en/pipes"]) {
      const response = await session.fetch(path);
      const html = await response.text();
      const scriptSrc = directives(response.headers.get("content-security-policy")).get("script-src")!;
      expect(scriptSrc).toContain("'strict-dynamic'");
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))!.slice(7, -1);
      nonces.add(nonce);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(3);
  });

  it("only the editor's test worker may eval (it runs the student's program); the page and the other scripts can't", async () => {
    const run = directives((await session.fetch("/api/exercises/workers/run-worker.js")).headers.get("content-security-policy"));
    expect(run.get("script-src")).toEqual(["'self'", "'unsafe-eval'"]);
    const ts = directives((await session.fetch("/api/exercises/workers/ts-worker.js")).headers.get("content-security-policy"));
    expect(ts.get("script-src")).toEqual(["'self'"]);
  });

  it("an undecodable path is a 400 with the headers, for pages and API alike", async () => {
    for (const path of ["/exercises/%E0%A4%A", "/lessons/en/%ED%A0%80", "/api/exercises/%/history", "/api/courses/%C0%AF/roster"]) {
      const response = await session.fetch(path);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});

describe("the app under its Content-Security-Policy, in Chromium", () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: "en-US" })).newPage();
  });
  afterAll(async () => browser?.close());

  it("signs in and renders a lesson with its widgets without a violation (checked after each test)", async () => {
    await signInThroughForm(page, baseUrl, student.email, E2E_PASSWORD);
    await page.goto(`${baseUrl}/lessons/en/pipes`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // Its scripts ran: the client component asked the API whether this student read it.
    await page.getByRole("button", { name: "Mark as read" }).or(page.getByText("Read ✓")).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
  });

  it("the violation check itself works: what the policy refuses is reported", async () => {
    await page.goto(`${baseUrl}/signin`);
    // An image from another origin (img-src 'self') and a framing of the app (frame-ancestors 'none').
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.src = "http://127.0.0.1:9/tracker.png";
      document.body.append(img);
    });
    await expect.poll(() => takeCspViolations().join("\n"), { timeout: 10_000 }).toMatch(/img-src/);
    takeCspViolations();
  });

  it("the app refuses to be framed", async () => {
    const framing = await (await browser.newContext()).newPage();
    await framing.setContent(`<iframe src="${baseUrl}/signin" width="400" height="300"></iframe>`);
    await expect.poll(() => takeCspViolations().join("\n"), { timeout: 10_000 }).toMatch(/frame-ancestors/);
    const frame = framing.frames().find((f) => f.url().startsWith(baseUrl));
    expect(await frame?.locator("form").count().catch(() => 0) ?? 0).toBe(0);
    takeCspViolations();
    await framing.context().close();
  });
});
