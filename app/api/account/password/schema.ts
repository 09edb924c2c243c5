import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import { passwordSchema } from "@/lib/auth/password";

/** A link token is 32 random bytes in base64url: 43 characters. */
export const linkToken = text().regex(/^[A-Za-z0-9_-]{43}$/, "This link is malformed: copy the whole link from the email.");

export const setPasswordBody = z.strictObject({ token: linkToken, password: passwordSchema });
