/**
 * Where to send the browser after sign-in: `target` resolved the way the browser will
 * resolve it (`new URL(target, origin)`, which turns `/\evil.example` and `/<tab>/evil.example`
 * into `//evil.example`), kept only if it stays on `origin`, and returned as a path that
 * begins with exactly one slash so no later resolution can make it protocol-relative.
 * Anything else, malformed or foreign, becomes `fallback`. The one place that reads a
 * callbackUrl (the sign-in page and next-auth's redirect callback both call it).
 */
export function sameOriginPath(target: string | null | undefined, origin: string, fallback = "/home"): string {
  if (!target) return fallback;
  try {
    const base = new URL(origin);
    const url = new URL(target, base);
    if (url.origin !== base.origin) return fallback;
    return `/${url.pathname.replace(/^\/+/, "")}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
