import { describe, expect, it } from "vitest";
import { decideOAuthLink, type OAuthLinkFacts } from "./oauth-link-decision";

const base: OAuthLinkFacts = { linkedUserId: null, email: "ada@uni.example", emailVerified: true, emailOwner: null, confirmedBy: null };

describe("decideOAuthLink (ADR 021)", () => {
  it("creates a STUDENT account for a verified email that has none", () => {
    expect(decideOAuthLink(base)).toEqual({ action: "create" });
  });

  it("links a verified email into an existing STUDENT account", () => {
    expect(decideOAuthLink({ ...base, emailOwner: { id: "u1", role: "STUDENT" } })).toEqual({ action: "link", userId: "u1" });
  });

  it("refuses an unverified email, for linking and for creating", () => {
    expect(decideOAuthLink({ ...base, emailVerified: false, emailOwner: { id: "u1", role: "STUDENT" } })).toEqual({ action: "refuse", reason: "email-unverified" });
    expect(decideOAuthLink({ ...base, emailVerified: false })).toEqual({ action: "refuse", reason: "email-unverified" });
  });

  it("refuses a verified email of an INSTRUCTOR or ADMIN without the signed-in confirmation", () => {
    expect(decideOAuthLink({ ...base, emailOwner: { id: "t1", role: "INSTRUCTOR" } })).toEqual({ action: "refuse", reason: "confirmation-required" });
    expect(decideOAuthLink({ ...base, emailOwner: { id: "a1", role: "ADMIN" } })).toEqual({ action: "refuse", reason: "confirmation-required" });
  });

  it("links into the signed-in user who confirmed, whatever the email says", () => {
    expect(decideOAuthLink({ ...base, emailOwner: { id: "t1", role: "INSTRUCTOR" }, confirmedBy: "t1" })).toEqual({ action: "link", userId: "t1" });
    // A university address that differs from the account's, or an unverified one: the
    // signed-in user proved the account and the provider proved the identity.
    expect(decideOAuthLink({ ...base, email: "other@uni.example", emailVerified: false, confirmedBy: "t1" })).toEqual({ action: "link", userId: "t1" });
  });

  it("refuses a confirmed link of an identity that already belongs to someone else", () => {
    expect(decideOAuthLink({ ...base, linkedUserId: "u2", confirmedBy: "t1" })).toEqual({ action: "refuse", reason: "identity-linked-elsewhere" });
    expect(decideOAuthLink({ ...base, linkedUserId: "t1", confirmedBy: "t1" })).toEqual({ action: "sign-in", userId: "t1" });
  });

  it("signs an already linked identity in, even if its email is now unverified or gone", () => {
    expect(decideOAuthLink({ ...base, linkedUserId: "u1", emailVerified: false })).toEqual({ action: "sign-in", userId: "u1" });
    expect(decideOAuthLink({ ...base, linkedUserId: "u1", email: null })).toEqual({ action: "sign-in", userId: "u1" });
  });

  it("refuses a new identity without an email", () => {
    expect(decideOAuthLink({ ...base, email: null })).toEqual({ action: "refuse", reason: "no-email" });
  });
});
