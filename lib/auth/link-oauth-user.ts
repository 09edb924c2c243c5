import { db } from "../db";
import { decideOAuthLink, type OAuthRefusal } from "./oauth-link-decision";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  /** Only a provider's `email_verified: true` makes this true (see auth-options.ts). */
  emailVerified: boolean;
  name?: string | null;
};

export type OAuthLinkResult = { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: OAuthRefusal };

/**
 * Finds the local user of an OAuth identity, linking or creating one by the rules of
 * decideOAuthLink (ADR 021). `confirmedBy` is the signed-in user who asked for the link.
 */
export async function linkOAuthUser(identity: OAuthIdentity, confirmedBy: string | null = null): Promise<OAuthLinkResult> {
  const key = { provider: identity.provider, providerAccountId: identity.providerAccountId };
  const email = identity.email ? identity.email.toLowerCase() : null;
  const [linked, emailOwner] = await Promise.all([
    db().account.findUnique({ where: { provider_providerAccountId: key }, select: { userId: true } }),
    email ? db().user.findUnique({ where: { email }, select: { id: true, role: true } }) : null,
  ]);
  const decision = decideOAuthLink({ linkedUserId: linked?.userId ?? null, email, emailVerified: identity.emailVerified, emailOwner, confirmedBy });
  const select = { id: true, email: true, name: true } as const;
  switch (decision.action) {
    case "refuse":
      return { ok: false, reason: decision.reason };
    case "sign-in":
      return { ok: true, user: await db().user.findUniqueOrThrow({ where: { id: decision.userId }, select }) };
    case "link":
      return { ok: true, user: await db().user.update({ where: { id: decision.userId }, data: { accounts: { create: key } }, select }) };
    case "create":
      // The schema's default role is STUDENT: a provider never grants more by itself.
      return { ok: true, user: await db().user.create({ data: { email: email!, name: identity.name?.trim() || email!, accounts: { create: key } }, select }) };
  }
}
