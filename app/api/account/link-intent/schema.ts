import { z } from "zod";

export const linkIntentBody = z.strictObject({ provider: z.string().min(1).max(40) });
