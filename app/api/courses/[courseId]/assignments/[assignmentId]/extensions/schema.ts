import { z } from "zod";

export const grantExtensionBody = z.strictObject({
  userId: z.string().min(1).max(64),
  dueAt: z.coerce.date({ error: "dueAt must be a date (ISO 8601)" }),
  lateUntil: z.coerce.date({ error: "lateUntil must be a date (ISO 8601)" }).nullable().default(null),
});
