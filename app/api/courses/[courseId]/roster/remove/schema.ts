import { z } from "zod";

export const removeEnrollmentBody = z.strictObject({ userId: z.string().min(1).max(64) });
