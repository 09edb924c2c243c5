import bcrypt from "bcryptjs";
import { z } from "zod";

const BCRYPT_COST = 11;

// A short list of the passwords people reach for first; the length and variety rules
// below already exclude most others.
const COMMON = new Set(["password123", "1234567890", "qwertyuiop", "iloveyou123", "password1234", "letmein1234", "abcdefghij1"]);

export const passwordSchema = z
  .string()
  .min(10, "Password must be at least 10 characters.")
  .max(200, "Password must be at most 200 characters.")
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), "Password must contain letters and digits.")
  .refine((p) => !COMMON.has(p.toLowerCase()), "This password is too common.");

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
