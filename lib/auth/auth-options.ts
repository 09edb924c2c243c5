import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { getToken } from "next-auth/jwt";
import type { TokenSet } from "openid-client";
import { clientAddress } from "../http/client-address";
import { sameOriginPath } from "../http/same-origin-path";
import { accountPolicy, addressPolicy, assertNotThrottled, clearFailures, recordFailure, ThrottledError, type ThrottleSubject } from "../rate-limit/auth-throttle";
import { authLogger } from "../http/auth-logger";
import { linkOAuthUser } from "./link-oauth-user";
import { LINK_INTENT_COOKIE, requestCookies, verifyLinkIntent } from "./link-intent";
import { THROTTLED_PREFIX } from "./sign-in-errors";
import { loadSessionUser, revokeSessions, sessionStamp } from "./sessions";
import { prepareCredentialCheck, verifyCredentials } from "./verify-credentials";

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

function signInSubjects(email: string, address: string): ThrottleSubject[] {
  return [
    { key: `signin:account:${email}`, policy: accountPolicy() },
    { key: `signin:address:${address}`, policy: addressPolicy() },
  ];
}

/**
 * Password sign-in under the throttle (ADR 020). Unknown emails are throttled and answered
 * exactly like wrong passwords, so neither the answer, the timing nor the throttle tells
 * whether an account exists.
 */
export async function authorizeCredentials(email: string, password: string, headers: Record<string, string | string[] | undefined>) {
  const subjects = signInSubjects(email, clientAddress(headers));
  try {
    await assertNotThrottled(db(), subjects, "sign-in attempts");
    const user = await verifyCredentials(email, password);
    if (user) {
      await clearFailures(db(), [subjects[0].key]);
      return user;
    }
    const now = new Date();
    const until = await recordFailure(db(), subjects, now);
    if (until > now) throw new ThrottledError("sign-in attempts", until, now);
    return null;
  } catch (error) {
    if (error instanceof ThrottledError) throw new Error(`${THROTTLED_PREFIX}${error.retryAt.toISOString()}`);
    throw error;
  }
}

/**
 * `request` is the one the next-auth route handler is answering: the OAuth callback reads
 * the link intent and the current session from it. Other callers (getServerSession) omit it.
 */
export function authOptions(request?: Request): NextAuthOptions {
  prepareCredentialCheck();
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
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          return authorizeCredentials(parsed.data.email.toLowerCase(), parsed.data.password, request?.headers ?? {});
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
        if (account && user) {
          let uid: string | undefined;
          if (account.type === "credentials") {
            uid = user.id; // authorize() returned the local user
          } else {
            const local = await db().account.findUnique({ where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } } }).user();
            uid = local?.id;
          }
          const local = uid ? await loadSessionUser(uid) : null;
          if (!local) return {};
          // The stamp ties the token to the user's current session version and password (ADR 020).
          return { ...token, uid: local.id, sv: sessionStamp(local) };
        }
        if (typeof token.uid !== "string") return token;
        // Every request: a token whose stamp no longer matches (sign-out, password change,
        // revocation) or whose user is gone is replaced by one that names nobody.
        const local = await loadSessionUser(token.uid);
        if (!local || token.sv !== sessionStamp(local)) return {};
        return token;
      },
      async session({ session, token }) {
        // A revoked token yields a session without a user; the role is read from the
        // database by requireUser, never trusted from the token.
        if (typeof token.uid !== "string") return { expires: session.expires };
        return { ...session, uid: token.uid };
      },
      async redirect({ url, baseUrl }) {
        return new URL(sameOriginPath(url, baseUrl, "/"), baseUrl).href;
      },
    },
    events: {
      async signOut({ token }) {
        // Signing out ends every session of the user, not only this browser's: a JWT cannot
        // be recalled one by one, and on a shared lab machine that is what one wants. A token
        // that is already revoked revokes nothing more.
        const uid = token?.uid;
        if (typeof uid !== "string") return;
        const local = await loadSessionUser(uid);
        if (local && token.sv === sessionStamp(local)) await revokeSessions(uid);
      },
    },
  };
}
