import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "ipclab-env-"));

describe("parseEnv", () => {
  it("gives the embedded mode with no configuration: SQLite, no Redis, a persisted secret", () => {
    const dir = tmp();
    const first = parseEnv({ DATA_DIR: dir });
    expect(first.DATABASE_URL).toBe("file:./data/ipclab.db");
    expect(first.REDIS_URL).toBeUndefined();
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(parseEnv({ DATA_DIR: dir }).AUTH_SECRET).toBe(first.AUTH_SECRET);
  });

  it("agrees on one secret when several processes start at once on a new data directory", () => {
    const dir = tmp();
    // Every process loads first, then all read the environment at the same instant.
    const at = Date.now() + 4000;
    const script = `import { parseEnv } from "./lib/env.ts"; while (Date.now() < ${at}); console.log(parseEnv({ DATA_DIR: ${JSON.stringify(dir)} }).AUTH_SECRET);`;
    const root = path.resolve(import.meta.dirname, "..");
    const starts = Array.from({ length: 8 }, () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root });
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err))));
      }),
    );
    return Promise.all(starts).then((secrets) => {
      expect(new Set(secrets).size).toBe(1);
      expect(secrets[0]).toBe(fs.readFileSync(path.join(dir, "auth-secret"), "utf8").trim());
      expect(fs.readdirSync(dir)).toEqual(["auth-secret"]); // no candidates left behind
    });
  }, 30_000);

  it("names the variable that is invalid", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with file:/);
    expect(() => parseEnv({ DATA_DIR: tmp(), GRADER_WORKERS: "zero" })).toThrow(/GRADER_WORKERS/);
    expect(() => parseEnv({ DATA_DIR: tmp(), AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ DATA_DIR: tmp(), REDIS_URL: "not a url" })).toThrow(EnvError);
  });

  it("requires OAuth settings to come in complete sets", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), GITHUB_ID: "id" })).toThrow(/GITHUB_SECRET: GITHUB_ID and GITHUB_SECRET must be set together/);
    expect(() => parseEnv({ DATA_DIR: tmp(), OIDC_ISSUER: "https://id.example.edu" })).toThrow(/OIDC_ISSUER/);
    const ok = parseEnv({ DATA_DIR: tmp(), OIDC_ISSUER: "https://id.example.edu", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" });
    expect(ok.OIDC_CLIENT_ID).toBe("a");
    // The ID token is verified against keys fetched from the issuer: TLS, except on this machine.
    expect(() => parseEnv({ DATA_DIR: tmp(), OIDC_ISSUER: "http://id.example.edu", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" })).toThrow(/OIDC_ISSUER: must be an https/);
    expect(parseEnv({ DATA_DIR: tmp(), OIDC_ISSUER: "http://127.0.0.1:4000", OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }).OIDC_ISSUER).toBe("http://127.0.0.1:4000");
    expect(() => parseEnv({ DATA_DIR: tmp(), OIDC_NAME: "x".repeat(61) })).toThrow(/OIDC_NAME/);
  });

  it("takes SMTP_URL and MAIL_FROM together, an smtp(s) URL only; neither is needed (embedded outbox)", () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), SMTP_URL: "smtp://relay.example.edu:587" })).toThrow(/MAIL_FROM: SMTP_URL and MAIL_FROM must be set together/);
    expect(() => parseEnv({ DATA_DIR: tmp(), SMTP_URL: "https://relay.example.edu", MAIL_FROM: "a@b.c" })).toThrow(/SMTP_URL: must start with smtp/);
    expect(parseEnv({ DATA_DIR: tmp(), SMTP_URL: "smtps://u:p@relay.example.edu:465", MAIL_FROM: "IPC Lab <no-reply@example.edu>" }).MAIL_FROM).toBe("IPC Lab <no-reply@example.edu>");
    expect(parseEnv({ DATA_DIR: tmp() }).SMTP_URL).toBeUndefined();
  });

  it("treats empty strings as unset and accepts PostgreSQL URLs", () => {
    const e = parseEnv({ DATA_DIR: tmp(), REDIS_URL: "", DATABASE_URL: "postgresql://u@h:5432/db", AUTH_SECRET: "x".repeat(40), GRADER_EMBEDDED: "false" });
    expect(e.REDIS_URL).toBeUndefined();
    expect(e).toMatchObject({ DATABASE_URL: "postgresql://u@h:5432/db", GRADER_EMBEDDED: false });
  });
});
