import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { getToken } from "next-auth/jwt";
import type { TokenSet } from "openid-client";
import { verifyPassword } from "./password";
import { linkOAuthUser } from "./link-oauth-user";
import { LINK_INTENT_COOKIE, requestCookies, verifyLinkIntent } from "./link-intent";

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
      // The ID token is verified (signature, issuer, audience); the claims then come from the
      // userinfo endpoint too, because many providers (oidc-provider among them) leave email
      // and email_verified out of the ID token in the code flow. openid-client refuses a
      // userinfo answer whose subject differs from the ID token's.
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      userinfo: {
        async request({ client, tokens }) {
          // next-auth types it loosely; at run time it is openid-client's TokenSet.
          const set = tokens as TokenSet;
          return { ...set.claims(), ...(set.access_token ? await client.userinfo(set) : {}) };
        },
      },
      profile: (p: { sub: string; email?: string; name?: string }) => ({ id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? null }),
    });
  }
  return providers;
}

/** The names of the OAuth providers switched on by the environment (for the sign-in page). */
export function enabledOAuthProviders(): Array<{ id: string; name: string }> {
  return oauthProviders().map((p) => ({ id: p.id, name: p.name }));
}

/** Only the boolean `true` counts: "true", a missing claim or anything else is unverified. */
export function emailVerifiedClaim(profile: unknown): boolean {
  return typeof profile === "object" && profile !== null && (profile as { email_verified?: unknown }).email_verified === true;
}

function secureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? env().AUTH_URL).startsWith("https://");
}

/**
 * The user who, signed in, asked to link this provider (link-intent.ts): the intent must be
 * genuine and unexpired, and the session in the same request must still be that user's.
 */
async function confirmedLinker(request: Request, provider: string): Promise<string | null> {
  const cookies = requestCookies(request);
  const userId = verifyLinkIntent(env().AUTH_SECRET, cookies.get(LINK_INTENT_COOKIE), provider);
  if (!userId) return null;
  const token = await getToken({ req: { cookies, headers: request.headers } as never, secret: env().AUTH_SECRET, secureCookie: secureCookies() });
  return token?.uid === userId ? userId : null;
}

/**
 * `request` is the one the next-auth route handler is answering: the OAuth callback reads
 * the link intent and the current session from it. Other callers (getServerSession) omit it.
 */
export function authOptions(request?: Request): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
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
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        // OAuth identities are linked to (or create) a local user by the rules of ADR 021; an
        // OAuth login never grants more than the STUDENT role by itself.
        const confirmedBy = request ? await confirmedLinker(request, account.provider) : null;
        const result = await linkOAuthUser(
          { provider: account.provider, providerAccountId: account.providerAccountId, email: user.email, emailVerified: emailVerifiedClaim(profile), name: user.name },
          confirmedBy,
        );
        if (result.ok) return true;
        // A page that says why, instead of next-auth's generic AccessDenied.
        return `/signin/refused?reason=${result.reason}`;
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
