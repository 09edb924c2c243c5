import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";

export const signUpBody = z.strictObject({
  name: z.string().trim().min(1, "Enter your name.").max(100),
  email: z.email("Enter a valid email address.").max(254),
  password: passwordSchema,
  joinCode: z.string().trim().min(4, "Enter the course join code.").max(32),
});
