import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

// Built per request so the options (and env) are read at run time, not at build time.
const handler = (request: Request, context: unknown) => NextAuth(authOptions())(request, context);

export { handler as GET, handler as POST };
