import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const addLineCommentBody = z.strictObject({
  line: z.number().int().min(1).max(100_000),
  body: text().trim().min(1, "the comment is empty").max(4000),
});
