import { env } from "../env";
import { ApiError } from "./api-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameOrigin(origin: string, request: Request): boolean {
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  // The Host header names this server as the browser addressed it; AUTH_URL covers a
  // reverse proxy that rewrites Host.
  return host === request.headers.get("host") || origin === new URL(env().AUTH_URL).origin;
}

/**
 * CSRF defence for the JSON API beyond SameSite cookies (issue 15). SameSite=Lax does not
 * stop a page on another port of the same host (same *site*, other *origin*) from posting
 * with the user's cookies, so a state-changing request must:
 *  - not come from another origin: `Sec-Fetch-Site` must be same-origin (or none: typed by
 *    the user), and `Origin`, when sent, must be this server;
 *  - be `application/json`, which a cross-origin page can only send after a CORS preflight
 *    this app never grants: this refuses the no-cors `text/plain` and form posts of old
 *    browsers that send neither header.
 * Requests with neither header come from non-browser clients, which hold no victim's cookies.
 * next-auth's own routes are not API routes here; its posts carry its CSRF token.
 */
export function refuseCrossSite(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new ApiError(403, "Cross-origin requests are not allowed.");
  const origin = request.headers.get("origin");
  if (origin && !sameOrigin(origin, request)) throw new ApiError(403, "Cross-origin requests are not allowed.");
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "Send the request body as JSON (Content-Type: application/json).");
}
