import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseKind } from "./database/database-url";

const booleanFlag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const optionalUrl = z.url().optional();

/** Every environment variable IPC Lab reads. Documented in README.md (Configuration). */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine((url) => {
        try {
          databaseKind(url);
          return true;
        } catch {
          return false;
        }
      }, "must start with file: (SQLite) or postgresql:// (PostgreSQL)"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    AUTH_URL: z.url().default("http://localhost:3000"),
    REDIS_URL: optionalUrl,
    GITHUB_ID: z.string().min(1).optional(),
    GITHUB_SECRET: z.string().min(1).optional(),
    // The issuer's discovery document and keys are what the ID token is checked against, so
    // they must come over TLS; plain http only for a provider on this machine (tests, dev).
    OIDC_ISSUER: z
      .url()
      .refine((url) => {
        const u = new URL(url);
        return u.protocol === "https:" || (u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname));
      }, "must be an https:// URL (http:// only for localhost)")
      .optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    // Shown on the sign-in button and the account page ("Sign in: Example University").
    OIDC_NAME: z.string().trim().min(1).max(60).default("SSO"),
    GRADER_EMBEDDED: booleanFlag.default(true),
    GRADER_WORKERS: z.coerce.number().int().min(1).max(64).default(2),
    GRADER_JOBS_PER_WORKER: z.coerce.number().int().min(1).default(200),
    SUBMISSIONS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    // Failed sign-in / sign-up / join-code attempts (lib/rate-limit/auth-throttle.ts, ADR 020):
    // the first half of the allowance is free, then each failure doubles a wait (1 s, 2 s, …),
    // and reaching the allowance locks the key for THROTTLE_LOCK_MINUTES. Only failures count,
    // so a class signing in correctly from one NAT address (or the test suites) never trips it.
    THROTTLE_ACCOUNT_FAILURES: z.coerce.number().int().min(2).max(1000).default(10),
    THROTTLE_IP_FAILURES: z.coerce.number().int().min(2).max(100_000).default(100),
    THROTTLE_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    // How many reverse proxies in front of the app append to X-Forwarded-For; the client
    // address is the entry that many places from the right (0: the rightmost).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    DATA_DIR: z.string().default("./data"),
    // Mail (ADR 019): without SMTP_URL, messages go to the embedded outbox and the console.
    SMTP_URL: z.url().refine((u) => /^smtps?:\/\//.test(u), "must start with smtp:// or smtps://").optional(),
    MAIL_FROM: z.string().min(3).optional(),
  })
  .superRefine((env, ctx) => {
    if (!!env.GITHUB_ID !== !!env.GITHUB_SECRET) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_SECRET"], message: "GITHUB_ID and GITHUB_SECRET must be set together" });
    }
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc !== 0 && oidc !== 3) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together" });
    }
    // A relay needs a sender it accepts; guessing one would get the mail rejected or marked as spam.
    if (!!env.SMTP_URL !== !!env.MAIL_FROM) {
      ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "SMTP_URL and MAIL_FROM must be set together" });
    }
  });

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string };

export class EnvError extends Error {}

/** Turns zod issues into one line per variable, naming it. */
export function formatEnvIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`).join("\n");
}

/**
 * The embedded mode needs no configuration: if AUTH_SECRET is absent, a random one is
 * generated on first run and kept in DATA_DIR so sessions survive restarts.
 *
 * Processes started together (the web server and graders, two graders) may all find no
 * file. Each writes its candidate to a file of its own and links it into place: link is
 * atomic and refuses an existing name, so exactly one candidate wins, every process reads
 * the winner, and nobody ever reads a half-written file.
 */
function persistedSecret(dataDir: string): string {
  const file = path.resolve(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const candidate = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(candidate, crypto.randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(candidate, { force: true });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings mean "unset" (e.g. `REDIS_URL=` in a shell), not an invalid value.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(`Invalid environment configuration:\n${formatEnvIssues(result.error)}`);
  }
  return { ...result.data, AUTH_SECRET: result.data.AUTH_SECRET ?? persistedSecret(result.data.DATA_DIR) };
}

let cached: Env | undefined;

/** The validated environment, read once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
