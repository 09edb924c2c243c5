import { describe, expect, it } from "vitest";
import { LINK_INTENT_TTL_SECONDS, requestCookies, signLinkIntent, verifyLinkIntent } from "./link-intent";

const secret = "s".repeat(40);

describe("link intents", () => {
  it("name their user for their provider until they expire", () => {
    const now = Date.UTC(2026, 0, 1);
    const value = signLinkIntent(secret, { provider: "oidc", userId: "user-1" }, now);
    expect(verifyLinkIntent(secret, value, "oidc", now + 1000)).toBe("user-1");
    expect(verifyLinkIntent(secret, value, "github", now + 1000)).toBeNull();
    expect(verifyLinkIntent(secret, value, "oidc", now + LINK_INTENT_TTL_SECONDS * 1000 + 1)).toBeNull();
  });

  it("refuse a forged, re-signed or tampered value", () => {
    const value = signLinkIntent(secret, { provider: "oidc", userId: "user-1" });
    expect(verifyLinkIntent("t".repeat(40), value, "oidc")).toBeNull();
    const [, , expiresAt, mac] = value.split(".");
    const swapped = [Buffer.from("oidc").toString("base64url"), Buffer.from("admin-1").toString("base64url"), expiresAt, mac].join(".");
    expect(verifyLinkIntent(secret, swapped, "oidc")).toBeNull();
    expect(verifyLinkIntent(secret, undefined, "oidc")).toBeNull();
    expect(verifyLinkIntent(secret, "a.b.c", "oidc")).toBeNull();
  });

  it("are read from a request's cookie header", () => {
    const request = new Request("http://x/", { headers: { cookie: "a=1; ipclab.link-intent=v%2E1; bad" } });
    expect(requestCookies(request)).toEqual(new Map([["a", "1"], ["ipclab.link-intent", "v.1"]]));
  });
});
