import { z } from "zod";

export const revokeSessionsBody = z.strictObject({ userId: z.string().min(1).max(64) });
