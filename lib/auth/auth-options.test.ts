import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

describe("OAuth providers", () => {
  it("are off by default and switched on by their environment variables", async () => {
    vi.resetModules();
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-auth-"));
    const withoutOAuth = await import("./auth-options");
    expect(withoutOAuth.enabledOAuthProviders()).toEqual([]);
    expect(withoutOAuth.authOptions().providers.map((p) => p.id)).toEqual(["credentials"]);

    vi.resetModules();
    Object.assign(process.env, { GITHUB_ID: "gh-id", GITHUB_SECRET: "gh-secret", OIDC_ISSUER: "https://sso.example.edu", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s", OIDC_NAME: "Campus SSO" });
    try {
      const withOAuth = await import("./auth-options");
      expect(withOAuth.enabledOAuthProviders()).toEqual([
        { id: "github", name: "GitHub" },
        { id: "oidc", name: "Campus SSO" },
      ]);
      expect(withOAuth.authOptions().session?.strategy).toBe("jwt");
    } finally {
      for (const k of ["GITHUB_ID", "GITHUB_SECRET", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"]) delete process.env[k];
    }
  });
});
