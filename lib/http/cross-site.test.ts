import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiHandler } from "./api-handler";

process.env.AUTH_URL = "http://localhost:3000";
process.env.AUTH_SECRET ??= "x".repeat(32);

const ok = apiHandler(async () => Response.json({ changed: true }));

function post(headers: Record<string, string>, method = "POST") {
  return ok(new Request("http://localhost:3000/api/courses/join", { method, headers: { host: "localhost:3000", ...headers }, body: method === "GET" ? undefined : "{}" }), {});
}

describe("cross-origin state changes (apiHandler)", () => {
  it.each([
    ["a no-cors text/plain post from another port", { "content-type": "text/plain;charset=UTF-8", origin: "http://localhost:3001", "sec-fetch-site": "same-site" }],
    ["cross-origin JSON", { "content-type": "application/json", origin: "http://localhost:3001" }],
    ["cross-site JSON from an old browser without Origin", { "content-type": "application/json", "sec-fetch-site": "cross-site" }],
    ["an opaque origin", { "content-type": "application/json", origin: "null" }],
  ])("refuses %s with 403", async (_, headers) => {
    const response = await post(headers);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Cross-origin requests are not allowed." });
  });

  it.each([
    ["text/plain", { "content-type": "text/plain" }],
    ["a form post", { "content-type": "application/x-www-form-urlencoded" }],
    ["no content type", {} as Record<string, string>],
  ])("refuses %s from this origin with 415", async (_, headers) => {
    expect((await post(headers)).status).toBe(415);
  });

  it("lets same-origin JSON through, with or without the browser's headers", async () => {
    for (const headers of <Array<Record<string, string>>>[
      { "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
      { "content-type": "application/json; charset=utf-8" },
    ]) {
      const response = await post(headers);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ changed: true });
    }
  });

  it("leaves reads alone", async () => {
    expect((await post({ origin: "http://localhost:3001", "sec-fetch-site": "cross-site" }, "GET")).status).toBe(200);
  });

  it("is applied to every state-changing route: each one is an apiHandler", () => {
    const root = path.resolve(import.meta.dirname, "../../app");
    const routes = fs.readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith("route.ts"));
    const unguarded: string[] = [];
    for (const file of routes) {
      const source = fs.readFileSync(path.join(root, file), "utf8");
      for (const [, method, rest] of source.matchAll(/export (?:const|async function) (POST|PUT|PATCH|DELETE)\b(.*)/g)) {
        if (!/^\s*=\s*apiHandler\b/.test(rest)) unguarded.push(`${file} ${method}`);
      }
      // next-auth's own handler: its form posts carry its CSRF token (double-submit cookie).
      if (/export \{[^}]*\bas (POST|PUT|PATCH|DELETE)\b/.test(source) && !file.includes("[...nextauth]")) unguarded.push(`${file} re-export`);
    }
    expect(routes.length).toBeGreaterThan(20);
    expect(unguarded).toEqual([]);
  });
});
