import type { NextRequest } from "next/server";
import { withSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every request (Next 16's successor to middleware). The logic lives in
 * lib/http/security-headers.ts; other request-wide checks can be chained here.
 */
export function proxy(request: NextRequest) {
  return withSecurityHeaders(request);
}

// Every path, static files included: they need nosniff and the script policy too.
export const config = { matcher: "/:path*" };
