import { z } from "zod";
import { MAX_SOURCE_BYTES } from "@/lib/grader/limits";

export const createSubmissionBody = z.strictObject({
  exercise: z.string().regex(/^[a-z0-9-]{1,64}$/, "exercise must be an exercise slug"),
  source: z
    .string()
    .min(1, "source must not be empty")
    .refine((s) => Buffer.byteLength(s) <= MAX_SOURCE_BYTES, `source must be at most ${MAX_SOURCE_BYTES / 1024} KiB`),
  assignmentId: z.string().min(1).max(64).optional(),
});

export const listSubmissionsQuery = z.strictObject({ exercise: z.string().regex(/^[a-z0-9-]{1,64}$/) });
