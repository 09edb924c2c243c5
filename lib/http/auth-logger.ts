import type { LoggerInstance } from "next-auth";

/**
 * next-auth's logger, quieter where it matters. A session cookie that doesn't decode (a
 * stale secret, a truncated or tampered cookie) made next-auth print a full stack on every
 * request that carried it, forever, since the browser keeps sending it. It is a client
 * problem, not a server fault: the request simply continues signed out. Each distinct
 * failure is logged once, on one line, then counted quietly for an hour.
 */
const QUIET_MS = 60 * 60 * 1000;
const SESSION_CODES = new Set(["JWT_SESSION_ERROR", "SESSION_ERROR"]);

type Seen = { at: number; suppressed: number };

function messageOf(metadata: unknown): string {
  const m = metadata as { message?: unknown; error?: { message?: unknown } } | undefined;
  return String(m?.error?.message ?? m?.message ?? (metadata instanceof Error ? metadata.message : "") ?? "").slice(0, 200) || "unknown";
}

export function createAuthLogger({ log = (line: string) => console.warn(line), fallback = console.error, now = Date.now, seen = new Map<string, Seen>() } = {}): LoggerInstance {
  return {
    error(code, metadata) {
      if (!SESSION_CODES.has(code)) {
        fallback(`[next-auth][error][${code}]`, metadata);
        return;
      }
      const reason = messageOf(metadata);
      const key = `${code}:${reason}`;
      const previous = seen.get(key);
      if (previous && now() - previous.at < QUIET_MS) {
        previous.suppressed++;
        return;
      }
      const more = previous?.suppressed ? ` (${previous.suppressed} more since the last report)` : "";
      seen.set(key, { at: now(), suppressed: 0 });
      log(`[auth] ignored a session cookie that does not decode (${code}: ${reason}); the request continues signed out${more}. Repeats are counted quietly for an hour.`);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug(code, metadata) {
      console.log(`[next-auth][debug][${code}]`, metadata);
    },
  };
}

// Next bundles this module once per server layer (route handlers, pages), and each copy
// would report the same cookie once: the record of what was reported is per process.
const shared = globalThis as typeof globalThis & { __ipclabAuthLogSeen?: Map<string, Seen> };
export const authLogger = createAuthLogger({ seen: (shared.__ipclabAuthLogSeen ??= new Map()) });
