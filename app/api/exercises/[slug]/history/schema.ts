import { z } from "zod";

/** `?assignment=` asks for that assignment's submissions beside the practice ones. */
export const historyQuery = z.strictObject({ assignment: z.string().min(1).max(64).optional() });
