import { z } from "zod";
import { recordId } from "../http/input-schemas";

/** What an instructor asks to compare: one assignment's submissions, or every assignment's of the course on one exercise. */
export const similarityRequest = z.discriminatedUnion("scope", [
  z.strictObject({ scope: z.literal("assignment"), assignmentId: recordId(), finalOnly: z.boolean().default(true) }),
  z.strictObject({ scope: z.literal("exercise"), exerciseId: recordId(), finalOnly: z.boolean().default(true) }),
]);

export type SimilarityRequest = z.infer<typeof similarityRequest>;
