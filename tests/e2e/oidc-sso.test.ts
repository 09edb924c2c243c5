import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { DEMO_USERS } from "@/lib/seed/seed-demo";
import { startApp, type RunningApp } from "../helpers/start-app";
import { E2E_PASSWORD, E2E_PORT } from "./e2e-constants";

/**
 * University SSO end to end (ADR 021): a real OpenID provider (oidc-provider, in-memory
 * adapter, its development login and consent screens) and the app started as `npm start`
 * does, configured by OIDC_* to use it. Driven over HTTP, following every redirect by hand
 * with one cookie jar per host, as a browser would.
 */

const APP_PORT = E2E_PORT + 7;
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = path.join(root, `data/e2e-oidc-${APP_PORT}`);

/** The provider's accounts; `email_verified` is what each test controls. */
const IDP_ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string }> = {
  "new-verified": { email: "freshman@uni.example", email_verified: true, name: "Fresh Man" },
  "student-verified": { email: DEMO_USERS[1].email, email_verified: true, name: "Kim at Uni" },
  "student-unverified": { email: DEMO_USERS[2].email, email_verified: false, name: "Not Lee" },
  "new-unverified": { email: "nobody@uni.example", email_verified: false, name: "Nobody" },
  "instructor-verified": { email: DEMO_USERS[0].email, email_verified: true, name: "Prof at Uni" },
};

/** A cookie jar per host and manual redirects: just enough browser for two origins. */
class Agent {
  private jars = new Map<string, Map<string, string>>();

  private jar(url: URL) {
    let jar = this.jars.get(url.host);
    if (!jar) this.jars.set(url.host, (jar = new Map()));
    return jar;
  }

  cookies(origin: string) {
    return this.jar(new URL(origin));
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const jar = this.jar(target);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    if (init.method === "POST") headers.set("origin", target.origin);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1);
      if (value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a))) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }

  /**
   * Follows redirects; on the provider's HTML login and consent pages, submits their form
   * (logging in as `login`). Returns the final non-redirect response and its URL.
   */
  async follow(response: Response, url: string, login: string): Promise<{ response: Response; url: string }> {
    for (let hops = 0; hops < 20; hops++) {
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).href;
        response = await this.request(url);
        continue;
      }
      const html = response.headers.get("content-type")?.includes("text/html") ? await response.clone().text() : "";
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html);
      if (!form || !url.startsWith(idpIssuer)) return { response, url };
      const fields = new URLSearchParams();
      for (const input of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) fields.set(input[1], input[2]);
      if (fields.get("prompt") === "login") {
        fields.set("login", login);
        fields.set("password", "any");
      }
      url = new URL(form[1].replace(/&amp;/g, "&"), url).href;
      response = await this.request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: fields });
    }
    throw new Error(`too many redirects, last at ${url}`);
  }

  /** Starts next-auth's OIDC sign-in, as the sign-in page's button does, and follows it through the provider. */
  async signInWithSso(login: string, callbackUrl = "/home") {
    const { csrfToken } = (await (await this.request(`${app.baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    const start = `${app.baseUrl}/api/auth/signin/oidc`;
    const response = await this.request(start, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrfToken, callbackUrl }) });
    expect(new URL(response.headers.get("location") ?? "").origin).toBe(idpIssuer);
    return this.follow(response, start, login);
  }

  async signInWithPassword(email: string) {
    const { csrfToken } = (await (await this.request(`${app.baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    await this.request(`${app.baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password: E2E_PASSWORD, json: "true" }),
    });
  }

  async me(): Promise<{ email: string; role: string } | null> {
    const response = await this.request(`${app.baseUrl}/api/me`);
    return response.ok ? ((await response.json()) as { user: { email: string; role: string } }).user : null;
  }
}

let idpServer: http.Server;
let idpIssuer: string;
let app: RunningApp;
let db: Db;

beforeAll(async () => {
  idpServer = http.createServer();
  await new Promise<void>((resolve) => idpServer.listen(0, "127.0.0.1", resolve));
  idpIssuer = `http://127.0.0.1:${(idpServer.address() as AddressInfo).port}`;
  const provider = new Provider(idpIssuer, {
    // No adapter: oidc-provider's in-memory one.
    clients: [
      {
        client_id: "ipclab",
        client_secret: "ipclab-test-secret",
        redirect_uris: [`http://localhost:${APP_PORT}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, sub) {
      const account = IDP_ACCOUNTS[sub];
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    cookies: { keys: ["oidc-e2e-cookie-key"] },
    features: { devInteractions: { enabled: true } },
  });
  idpServer.on("request", provider.callback());

  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  app = await startApp({
    port: APP_PORT,
    dataDir,
    env: {
      DEMO_PASSWORD: E2E_PASSWORD,
      NEXT_DIST_DIR: E2E_PORT === 3210 ? ".next" : `.next-${E2E_PORT}`,
      OIDC_ISSUER: idpIssuer,
      OIDC_CLIENT_ID: "ipclab",
      OIDC_CLIENT_SECRET: "ipclab-test-secret",
      OIDC_NAME: "Test University",
    },
  });
  db = createDb(app.databaseUrl);
}, 600_000);

afterAll(async () => {
  await db?.$disconnect();
  app?.stop();
  idpServer?.closeAllConnections();
  await new Promise((resolve) => idpServer?.close(resolve));
});

const accountsOf = (email: string) => db.account.findMany({ where: { user: { email } }, select: { provider: true, providerAccountId: true } });

describe("university SSO against a real OpenID provider", () => {
  it("offers the configured provider on the sign-in page", async () => {
    const html = await (await fetch(`${app.baseUrl}/signin`)).text();
    expect(html).toContain("Test University");
  });

  it("creates a STUDENT account on a first sign-in with a verified email, and signs it in again later", async () => {
    const agent = new Agent();
    const { url } = await agent.signInWithSso("new-verified");
    expect(url).toBe(`${app.baseUrl}/home`);
    expect(await agent.me()).toMatchObject({ email: "freshman@uni.example", role: "STUDENT" });
    expect(await accountsOf("freshman@uni.example")).toEqual([{ provider: "oidc", providerAccountId: "new-verified" }]);

    const again = new Agent();
    expect((await again.signInWithSso("new-verified")).url).toBe(`${app.baseUrl}/home`);
    expect(await again.me()).toMatchObject({ email: "freshman@uni.example" });
    expect(await db.user.count({ where: { email: "freshman@uni.example" } })).toBe(1);
  });

  it("links a verified email into the existing STUDENT account", async () => {
    const agent = new Agent();
    expect((await agent.signInWithSso("student-verified")).url).toBe(`${app.baseUrl}/home`);
    expect(await agent.me()).toMatchObject({ email: DEMO_USERS[1].email, role: "STUDENT" });
    expect(await accountsOf(DEMO_USERS[1].email)).toEqual([{ provider: "oidc", providerAccountId: "student-verified" }]);
  });

  it("refuses an unverified email for linking (and for a new account) with a page that says why", async () => {
    for (const [login, email] of [
      ["student-unverified", DEMO_USERS[2].email],
      ["new-unverified", "nobody@uni.example"],
    ]) {
      const agent = new Agent();
      const { url, response } = await agent.signInWithSso(login);
      expect(url).toBe(`${app.baseUrl}/signin/refused?reason=email-unverified`);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/did not report this email address as verified|확인된 주소로 보고하지 않았습니다/);
      expect(await agent.me()).toBeNull();
      expect(await accountsOf(email)).toEqual([]);
    }
    expect(await db.user.count({ where: { email: "nobody@uni.example" } })).toBe(0);
  });

  it("refuses a verified email of an INSTRUCTOR without the signed-in confirmation, and links it with one", async () => {
    const stranger = new Agent();
    expect((await stranger.signInWithSso("instructor-verified")).url).toBe(`${app.baseUrl}/signin/refused?reason=confirmation-required`);
    expect(await stranger.me()).toBeNull();
    expect(await accountsOf(DEMO_USERS[0].email)).toEqual([]);

    // Merely being signed in is not the confirmation: an SSO sign-in that carries the
    // instructor's session but no link intent (a login CSRF, say) is refused the same way.
    const instructor = new Agent();
    await instructor.signInWithPassword(DEMO_USERS[0].email);
    expect(await instructor.me()).toMatchObject({ email: DEMO_USERS[0].email, role: "INSTRUCTOR" });
    expect((await instructor.signInWithSso("instructor-verified", "/account")).url).toBe(`${app.baseUrl}/signin/refused?reason=confirmation-required`);
    expect(await accountsOf(DEMO_USERS[0].email)).toEqual([]);

    // The account page's "link" action: record the intent while signed in, then sign in at the provider.
    const accountPage = await (await instructor.request(`${app.baseUrl}/account`)).text();
    expect(accountPage).toContain("Test University");
    const intent = await instructor.request(`${app.baseUrl}/api/account/link-intent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: "oidc" }) });
    expect(intent.status).toBe(200);
    expect((await instructor.signInWithSso("instructor-verified", "/account")).url).toBe(`${app.baseUrl}/account`);
    expect(await accountsOf(DEMO_USERS[0].email)).toEqual([{ provider: "oidc", providerAccountId: "instructor-verified" }]);
    // The intent was used up by the callback.
    expect(instructor.cookies(app.baseUrl).has("ipclab.link-intent")).toBe(false);
    expect(await instructor.me()).toMatchObject({ email: DEMO_USERS[0].email, role: "INSTRUCTOR" });

    // From now on the university sign-in alone opens the instructor's account.
    const later = new Agent();
    expect((await later.signInWithSso("instructor-verified")).url).toBe(`${app.baseUrl}/home`);
    expect(await later.me()).toMatchObject({ email: DEMO_USERS[0].email, role: "INSTRUCTOR" });
  });

  it("refuses a link intent that is not the signed-in user's own", async () => {
    // Someone else's intent cookie, replayed without their session, confirms nothing.
    const instructor = new Agent();
    await instructor.signInWithPassword(DEMO_USERS[0].email);
    await instructor.request(`${app.baseUrl}/api/account/link-intent`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: "oidc" }) });
    const stolen = instructor.cookies(app.baseUrl).get("ipclab.link-intent");
    expect(stolen).toBeTruthy();
    const attacker = new Agent();
    await attacker.signInWithPassword(DEMO_USERS[3].email);
    attacker.cookies(app.baseUrl).set("ipclab.link-intent", stolen!);
    expect((await attacker.signInWithSso("student-unverified", "/account")).url).toBe(`${app.baseUrl}/signin/refused?reason=email-unverified`);
    expect(await accountsOf(DEMO_USERS[0].email)).toEqual([{ provider: "oidc", providerAccountId: "instructor-verified" }]);
    expect(await accountsOf(DEMO_USERS[3].email)).toEqual([]);
  });
});
