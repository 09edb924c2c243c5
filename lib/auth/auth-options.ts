import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { authLogger } from "../http/auth-logger";
import { verifyPassword } from "./password";
import { linkOAuthUser } from "./link-oauth-user";

const credentialsSchema = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

function oauthProviders(): NextAuthOptions["providers"] {
  const e = env();
  const providers: NextAuthOptions["providers"] = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      profile: (p: { sub: string; email: string; name?: string }) => ({ id: p.sub, email: p.email, name: p.name ?? p.email }),
    });
  }
  return providers;
}

/** The names of the OAuth providers switched on by the environment (for the sign-in page). */
export function enabledOAuthProviders(): Array<{ id: string; name: string }> {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    // A malformed session cookie is one brief line, not a stack per request (lib/http/auth-logger).
    logger: authLogger,
    session: { strategy: "jwt", maxAge: 60 * 60 * 24 * 7 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await db().user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
          if (!user?.passwordHash) return null;
          if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (!account || account.type === "credentials") return true;
        // OAuth identities are linked to (or create) a local user; an OAuth login never
        // grants more than the STUDENT role by itself.
        const linked = await linkOAuthUser({ provider: account.provider, providerAccountId: account.providerAccountId, email: user.email, name: user.name });
        return linked !== null;
      },
      async jwt({ token, account, user }) {
        if (account?.type === "credentials" && user) {
          token.uid = user.id; // authorize() returned the local user
        } else if (account && user) {
          const local = await db().account.findUnique({ where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } } }).user();
          if (local) token.uid = local.id;
        }
        return token;
      },
      async session({ session, token }) {
        // The role is read from the database by requireUser, never trusted from the token.
        return { ...session, uid: token.uid };
      },
    },
  };
}
