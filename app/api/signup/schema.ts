import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";
import { text } from "@/lib/http/input-schemas";

export const signUpBody = z.strictObject({
  name: text().trim().min(1, "Enter your name.").max(100),
  email: text().pipe(z.email("Enter a valid email address.").max(254)),
  // Hashed, not stored, but bcrypt needs UTF-8 bytes too.
  password: text().pipe(passwordSchema),
  joinCode: text().trim().min(4, "Enter the course join code.").max(32),
});
