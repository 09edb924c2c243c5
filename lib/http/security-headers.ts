import { NextResponse, type NextRequest } from "next/server";

/**
 * The security headers of every response, applied by the proxy (proxy.ts). Kept here, apart
 * from the proxy file, so that other request checks can share that proxy without touching
 * the policy.
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request: Next reads the nonce
 * from the request's own CSP header and puts it on its inline and chunk scripts, and
 * 'strict-dynamic' lets those scripts load the rest of the app. Nothing is loaded from
 * another origin (no CDN), so everything else is 'self'.
 */

/** The request header that carries the per-request nonce to server components. */
export const NONCE_HEADER = "x-nonce";

/** Where the editor's Web Workers are served from (see lib/workspace/bundling/worker-script.ts). */
const EDITOR_WORKERS = "/api/exercises/workers/";
/**
 * The test worker runs the student's program with indirect eval (the grader's harness,
 * without SES in the browser): only that worker may eval, and it can reach nothing but this
 * origin. The page that starts it can't.
 */
const EVAL_WORKERS = new Set([`${EDITOR_WORKERS}run-worker.js`]);

export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

const shared = [
  "object-src 'none'",
  // No <base> element is ever needed; an injected one would redirect every relative URL.
  "base-uri 'none'",
  // This app is never framed (clickjacking); other course sites on the domain can't embed it.
  "frame-ancestors 'none'",
];

/** The policy of an HTML page (and of any other non-script response). */
export function documentPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for its stack traces; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed: React renders `style` props as attributes, and CodeMirror
    // and the charts set them at run time. Styles can't run code; scripts are what is locked.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Fetches and the live submission status (server-sent events) go to this origin only.
    "connect-src 'self'",
    // The editor's workers come from /api/exercises/workers, the lesson widgets' from Next's
    // own chunks (its worker bootstrap then importScripts more chunks): all same-origin URLs.
    "worker-src 'self'",
    "frame-src 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
    ...shared,
  ].join("; ");
}

/**
 * The policy of a script response. A dedicated worker created from a URL is governed by the
 * policy of its own script's response, not the page's, and a worker has no nonce to offer:
 * it may load this origin's scripts (Next's worker bootstrap imports chunks, the test worker
 * imports the exercise's public tests) and, for the test worker alone, eval.
 */
export function scriptPolicy({ allowEval = false } = {}): string {
  return ["default-src 'self'", `script-src 'self'${allowEval ? " 'unsafe-eval'" : ""}`, "connect-src 'self'", ...shared].join("; ");
}

function isScriptPath(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname.startsWith(EDITOR_WORKERS) || pathname.endsWith("/public-tests.js");
}

/** The headers of a response to `pathname` (the CSP differs for pages and scripts). */
export function securityHeaders(pathname: string, nonce: string, { dev = false, https = false } = {}): Record<string, string> {
  return {
    "content-security-policy": isScriptPath(pathname) ? scriptPolicy({ allowEval: EVAL_WORKERS.has(pathname) }) : documentPolicy(nonce, { dev }),
    "x-content-type-options": "nosniff",
    // For browsers that predate frame-ancestors.
    "x-frame-options": "DENY",
    // Other sites on the university's domain learn nothing of the paths here (ids, courses).
    "referrer-policy": "same-origin",
    // Nothing here uses these; an injected script or a framed page can't ask for them either.
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
    "cross-origin-opener-policy": "same-origin",
    ...(https && { "strict-transport-security": "max-age=31536000" }),
  };
}

/**
 * A path whose percent-encoding does not decode (`%E0%A4%A`, a lone `%`, an encoded lone
 * surrogate `%ED%A0%80`) can't name anything here; Next would fail on it with a 500 while
 * decoding the dynamic segments. Checked once, for every route, in the proxy.
 */
export function hasMalformedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/** Where the proxy sends a request whose path doesn't decode (app/api/malformed-path answers 400). */
export const MALFORMED_PATH_ROUTE = "/api/malformed-path";
export const MALFORMED_PATH_MESSAGE = "Malformed percent-encoding in the URL path.";

/**
 * The proxy's part: a 400 for an undecodable path, otherwise pass the request on with its
 * nonce (as `x-nonce` and inside the request's CSP, where Next looks for it) and put the
 * security headers on the response.
 */
export function withSecurityHeaders(request: NextRequest): NextResponse {
  const { pathname, protocol } = request.nextUrl;
  const nonce = createNonce();
  const headers = securityHeaders(pathname, nonce, {
    dev: process.env.NODE_ENV === "development",
    https: protocol === "https:" || request.headers.get("x-forwarded-proto") === "https",
  });
  let response: NextResponse;
  if (hasMalformedPath(pathname)) {
    // Rewritten to a route that answers 400, not answered here: when the proxy itself answers
    // a request with a body, Next leaves the copy of the body it made for the proxy unread,
    // and it ends as an "aborted" uncaughtException in the server log.
    response = NextResponse.rewrite(new URL(MALFORMED_PATH_ROUTE, request.url));
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set(NONCE_HEADER, nonce);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
