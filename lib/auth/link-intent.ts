import crypto from "node:crypto";

/**
 * A signed-in user's request to link a provider identity to their account (ADR 021).
 *
 * The settings page sets it (a CSRF-checked JSON POST), then starts the provider's flow;
 * the callback honours it only if the same user is still signed in. Without it, a sign-in
 * that carries someone's session could not be told apart from a login-CSRF that slips the
 * attacker's university identity into a victim's instructor account.
 */
export const LINK_INTENT_COOKIE = "ipclab.link-intent";
export const LINK_INTENT_TTL_SECONDS = 10 * 60;

function mac(secret: string, payload: string): string {
  // Domain-separated from next-auth's own use of the same secret.
  return crypto.createHmac("sha256", `ipclab link intent\0${secret}`).update(payload).digest("base64url");
}

/** `provider.userId.expiresAt.mac`: bound to one provider, one user and ten minutes. */
export function signLinkIntent(secret: string, intent: { provider: string; userId: string }, now = Date.now()): string {
  const payload = [intent.provider, intent.userId, String(Math.floor(now / 1000) + LINK_INTENT_TTL_SECONDS)].map((p) => Buffer.from(p).toString("base64url")).join(".");
  return `${payload}.${mac(secret, payload)}`;
}

/** The intent's user if the value is genuine, unexpired and for this provider; else null. */
export function verifyLinkIntent(secret: string, value: string | undefined, provider: string, now = Date.now()): string | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const payload = parts.slice(0, 3).join(".");
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(parts[3]);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [intentProvider, userId, expiresAt] = parts.slice(0, 3).map((p) => Buffer.from(p, "base64url").toString());
  if (intentProvider !== provider || !userId) return null;
  if (!(Number(expiresAt) * 1000 > now)) return null;
  return userId;
}

/** Cookies of a request as a Map (next-auth's getToken reads a Map). */
export function requestCookies(request: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      out.set(name, part.slice(eq + 1).trim());
    }
  }
  return out;
}
