import { z } from "zod";

export const replayQuery = z.strictObject({
  submission: z.string().min(1).max(64),
  test: z.string().min(1).max(128),
});
