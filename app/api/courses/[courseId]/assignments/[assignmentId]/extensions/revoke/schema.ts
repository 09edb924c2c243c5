import { z } from "zod";

export const revokeExtensionBody = z.strictObject({ userId: z.string().min(1).max(64) });
