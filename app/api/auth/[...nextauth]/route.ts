import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { LINK_INTENT_COOKIE } from "@/lib/auth/link-intent";

// Built per request so the options (and env) are read at run time, not at build time, and
// so the OAuth callback can read this request's link intent (ADR 021).
const handler = async (request: Request, context: unknown) => {
  const response: Response = await NextAuth(authOptions(request))(request, context);
  // A link intent is good for one provider callback, whatever its outcome.
  if (new URL(request.url).pathname.startsWith("/api/auth/callback/") && request.headers.get("cookie")?.includes(`${LINK_INTENT_COOKIE}=`)) {
    response.headers.append("set-cookie", `${LINK_INTENT_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
  }
  return response;
};

export { handler as GET, handler as POST };
