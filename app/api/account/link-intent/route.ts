import { NextResponse } from "next/server";
import { enabledOAuthProviders } from "@/lib/auth/auth-options";
import { LINK_INTENT_COOKIE, LINK_INTENT_TTL_SECONDS, signLinkIntent } from "@/lib/auth/link-intent";
import { requireUser } from "@/lib/auth/require";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { apiHandler, readJson } from "@/lib/http/api-handler";
import { linkIntentBody } from "./schema";

/**
 * The signed-in user confirms they want to link a provider identity to this account (ADR 021).
 * The browser then starts that provider's sign-in; its callback links the identity only if
 * this intent and the same session come back with it.
 */
export const POST = apiHandler(async (request) => {
  const user = await requireUser("api");
  const { provider } = await readJson(request, linkIntentBody, 1024);
  if (!enabledOAuthProviders().some((p) => p.id === provider)) throw new ApiError(400, "That sign-in provider is not enabled.");
  const response = NextResponse.json({ ok: true });
  response.cookies.set(LINK_INTENT_COOKIE, signLinkIntent(env().AUTH_SECRET, { provider, userId: user.id }), {
    httpOnly: true,
    // Lax: the provider's redirect back to the callback is a top-level GET, which carries it.
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? env().AUTH_URL).startsWith("https://"),
    path: "/",
    maxAge: LINK_INTENT_TTL_SECONDS,
  });
  return response;
});
