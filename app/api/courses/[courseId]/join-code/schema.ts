import { z } from "zod";

/** Rotating breaks the old code for everyone, so the request must say it means it. */
export const rotateJoinCodeBody = z.strictObject({ confirm: z.literal(true, "confirm must be true: the old join code stops working") });
