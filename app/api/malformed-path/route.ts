import { NextResponse } from "next/server";
import { apiHandler } from "@/lib/http/api-handler";
import { MALFORMED_PATH_MESSAGE } from "@/lib/http/security-headers";

/**
 * The proxy rewrites here every request whose path has percent-encoding that doesn't decode
 * (lib/http/security-headers.ts), page or API: a 400 for any method. (The handler sees the
 * original URL, so it can't tell the two apart; a JSON error serves both.)
 */
function answer(): Response {
  return NextResponse.json({ error: MALFORMED_PATH_MESSAGE }, { status: 400 });
}

export const GET = answer;
// State-changing methods pass the same cross-site check as every other route (ADR 020) first.
export const POST = apiHandler(async () => answer());
export const PUT = apiHandler(async () => answer());
export const PATCH = apiHandler(async () => answer());
export const DELETE = apiHandler(async () => answer());
