import crypto from "node:crypto";

// No 0/O or 1/I/L: join codes are read aloud and copied from slides.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A random join code such as `K7QX-M2PD`. */
export function generateJoinCode(): string {
  const bytes = crypto.randomBytes(8);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}
