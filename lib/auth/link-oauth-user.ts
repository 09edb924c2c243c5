import { db } from "../db";

type OAuthIdentity = { provider: string; providerAccountId: string; email?: string | null; name?: string | null };

/** Finds the local user of an OAuth identity, linking or creating one by email. */
export async function linkOAuthUser(identity: OAuthIdentity) {
  const existing = await db().account.findUnique({
    where: { provider_providerAccountId: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    include: { user: true },
  });
  if (existing) return existing.user;
  if (!identity.email) return null;
  const email = identity.email.toLowerCase();
  return db().user.upsert({
    where: { email },
    update: { accounts: { create: { provider: identity.provider, providerAccountId: identity.providerAccountId } } },
    create: {
      email,
      name: identity.name ?? email,
      accounts: { create: { provider: identity.provider, providerAccountId: identity.providerAccountId } },
    },
  });
}
