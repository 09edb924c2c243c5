import { describe, expect, it } from "vitest";
import { createNonce, documentPolicy, hasMalformedPath, scriptPolicy, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("nonces are unpredictable and fit CSP's base64 nonce syntax", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });

  it("pages allow scripts by nonce only, in production without eval", () => {
    const policy = documentPolicy("abc");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:|\*/);
    expect(documentPolicy("abc", { dev: true })).toContain("'unsafe-eval'");
  });

  it("script responses get the worker policy; only the test worker may eval", () => {
    expect(securityHeaders("/api/exercises/workers/run-worker.js", "n")["content-security-policy"]).toBe(scriptPolicy({ allowEval: true }));
    expect(securityHeaders("/api/exercises/workers/ts-worker.js", "n")["content-security-policy"]).toBe(scriptPolicy());
    expect(securityHeaders("/_next/static/chunks/turbopack-worker-x.js", "n")["content-security-policy"]).not.toContain("eval");
    expect(securityHeaders("/exercises/run-worker.js", "n")["content-security-policy"]).toContain("'nonce-n'");
    expect(securityHeaders("/", "n")["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders("/", "n", { https: true })["strict-transport-security"]).toMatch(/max-age=\d+/);
  });

  it("finds percent-encoding that doesn't decode, and only that", () => {
    for (const bad of ["/exercises/%E0%A4%A", "/a/%", "/a/%ED%A0%80", "/a/%C0%AF", "/a/%FF", "/a/%zz/b", "/%"]) expect(hasMalformedPath(bad), bad).toBe(true);
    for (const good of ["/", "/exercises/fix-the-race", "/a/%20b", "/a/%F0%9F%98%80", "/a/%2F", "/a/%00", "/lessons/ko/pipes"]) expect(hasMalformedPath(good), good).toBe(false);
  });
});
