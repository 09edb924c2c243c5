import { z } from "zod";

export const startAttemptBody = z.strictObject({ assignmentId: z.string().min(1).max(64).nullish() });
