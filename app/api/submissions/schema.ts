import { z } from "zod";
import { MAX_SOURCE_BYTES } from "@/lib/grader/limits";
import { exerciseSlug } from "../exercises/schema";

export const createSubmissionBody = z.strictObject({
  exercise: exerciseSlug,
  source: z
    .string()
    .min(1, "source must not be empty")
    .refine((s) => Buffer.byteLength(s) <= MAX_SOURCE_BYTES, `source must be at most ${MAX_SOURCE_BYTES / 1024} KiB`),
  assignmentId: z.string().min(1).max(64).optional(),
});

export const listSubmissionsQuery = z.strictObject({ exercise: exerciseSlug });
