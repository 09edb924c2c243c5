import crypto from "node:crypto";
import { db } from "../db";
import { hashPassword, verifyPassword } from "./password";

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random password made with the same hashPassword as real accounts (so the same
 * cost, whatever it becomes), compared against when the email has no password: an unknown
 * email then costs as much as a wrong password and its timing tells nothing (issue 15).
 */
function dummy(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(18).toString("base64url"));
  return dummyHash;
}

/** Warms the dummy hash so the first unknown email is not slower than the rest. */
export function prepareCredentialCheck(): void {
  void dummy();
}

/**
 * The user whose email and password these are, or null, after the same work either way:
 * one lookup and one bcrypt comparison whether the email is unknown, has no password
 * (roster-imported or OAuth-only) or has a different one.
 */
export async function verifyCredentials(email: string, password: string) {
  const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, passwordHash: true } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummy()));
  if (!user?.passwordHash || !matches) return null;
  return { id: user.id, email: user.email, name: user.name };
}
