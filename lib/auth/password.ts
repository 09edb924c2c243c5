import bcrypt from "bcryptjs";
import { z } from "zod";

const BCRYPT_COST = 11;

/**
 * bcrypt reads only the first 72 bytes of its input: two longer passwords sharing those bytes
 * would be the same password. Refusing them is clearer than silently truncating (ADR 019).
 */
export const PASSWORD_MAX_BYTES = 72;

/**
 * The shape of a new password. Strength depends on the account (its email and name are
 * guesses an attacker tries first), so it is checked by passwordProblem with those inputs.
 */
export const passwordSchema = z
  .string()
  .min(10, "Password must be at least 10 characters.")
  .refine((p) => Buffer.byteLength(p, "utf8") <= PASSWORD_MAX_BYTES, `Password must be at most ${PASSWORD_MAX_BYTES} bytes (UTF-8; a Korean syllable takes 3).`);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
