import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const createRubricItemBody = z.strictObject({
  title: text().trim().min(1, "the title is empty").max(200),
  points: z.number().min(-100_000).max(100_000),
});
