import { z } from "zod";
import { MAX_SOURCE_BYTES } from "@/lib/grader/limits";
import { text } from "@/lib/http/input-schemas";

export { exerciseParams as draftParams } from "../../exercises/schema";

/** A draft may be empty (the student cleared the editor), but no larger than a submission. */
export const saveDraftBody = z.strictObject({
  source: text().refine((s) => Buffer.byteLength(s) <= MAX_SOURCE_BYTES, `source must be at most ${MAX_SOURCE_BYTES / 1024} KiB`),
});
