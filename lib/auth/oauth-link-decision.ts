import type { Role } from "../db";

/** Why an OAuth/OIDC sign-in was refused; each has its own message on /signin/refused. */
export type OAuthRefusal =
  /** The provider gave no email, so there is nothing to match or create an account with. */
  | "no-email"
  /** The provider did not say `email_verified: true`: the address may not belong to this person. */
  | "email-unverified"
  /** The email belongs to an instructor or admin: linking needs them to confirm while signed in. */
  | "confirmation-required"
  /** A signed-in link was asked for, but this identity already belongs to another account. */
  | "identity-linked-elsewhere";

export type OAuthLinkDecision =
  | { action: "sign-in"; userId: string }
  | { action: "link"; userId: string }
  | { action: "create" }
  | { action: "refuse"; reason: OAuthRefusal };

export type OAuthLinkFacts = {
  /** The local user this (provider, subject) is already linked to, if any. */
  linkedUserId: string | null;
  email: string | null;
  /** True only when the provider said `email_verified: true` (a boolean, not "true"). */
  emailVerified: boolean;
  /** The local user who has that email, if any. */
  emailOwner: { id: string; role: Role } | null;
  /** The signed-in user who asked, from their settings page, to link this provider (see link-intent.ts). */
  confirmedBy: string | null;
};

/**
 * Decides what an OAuth/OIDC sign-in does (ADR 021). Pure, so every rule is tested on its own.
 *
 * The email is the only thing tying a provider identity to a local account, so it counts
 * only when the provider vouches for it; and a staff account is worth taking over, so no
 * email, however verified, opens one unless its owner, signed in, asked for the link.
 */
export function decideOAuthLink(facts: OAuthLinkFacts): OAuthLinkDecision {
  if (facts.confirmedBy) {
    // The signed-in user proved the local account; the provider proved the identity.
    if (facts.linkedUserId && facts.linkedUserId !== facts.confirmedBy) return { action: "refuse", reason: "identity-linked-elsewhere" };
    return facts.linkedUserId ? { action: "sign-in", userId: facts.linkedUserId } : { action: "link", userId: facts.confirmedBy };
  }
  // An identity linked before keeps working: the provider's subject, not the email, is the key.
  if (facts.linkedUserId) return { action: "sign-in", userId: facts.linkedUserId };
  if (!facts.email) return { action: "refuse", reason: "no-email" };
  // Unverified: neither link (someone else's account) nor create (a squatter on an address a
  // roster import would later enrol).
  if (!facts.emailVerified) return { action: "refuse", reason: "email-unverified" };
  if (!facts.emailOwner) return { action: "create" };
  if (facts.emailOwner.role !== "STUDENT") return { action: "refuse", reason: "confirmation-required" };
  return { action: "link", userId: facts.emailOwner.id };
}
