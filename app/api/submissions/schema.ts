import { z } from "zod";
import { MAX_SOURCE_BYTES } from "@/lib/grader/limits";
import { recordId, text } from "@/lib/http/input-schemas";
import { exerciseSlug } from "../exercises/schema";

export const createSubmissionBody = z.strictObject({
  exercise: exerciseSlug,
  source: text()
    .min(1, "source must not be empty")
    .refine((s) => Buffer.byteLength(s) <= MAX_SOURCE_BYTES, `source must be at most ${MAX_SOURCE_BYTES / 1024} KiB`),
  assignmentId: recordId().optional(),
});

export const listSubmissionsQuery = z.strictObject({ exercise: exerciseSlug });
