import { z } from "zod";

export const forgotPasswordBody = z.strictObject({ email: z.email("Enter a valid email address.").max(254) });
