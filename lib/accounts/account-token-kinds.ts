/** The kinds of single-use email link, and how long each stays valid (ADR 019). */
export const ACCOUNT_TOKEN_TTL_HOURS = {
  // A class roster is imported ahead of term; students read mail when they get to it.
  INVITE: 7 * 24,
  // A reset link is a password in transit: short.
  RESET: 1,
  VERIFY: 48,
} as const;

export type AccountTokenKind = keyof typeof ACCOUNT_TOKEN_TTL_HOURS;

/** Invitation and reset links both lead to the set-password page; verification to its own. */
export function accountLinkPath(kind: AccountTokenKind, token: string): string {
  return `${kind === "VERIFY" ? "/account/verify" : "/account/password"}?token=${token}`;
}
