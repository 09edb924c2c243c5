import { z } from "zod";

export const removeOverrideBody = z.strictObject({
  assignmentId: z.string().min(1).max(64),
  userId: z.string().min(1).max(64),
});
