import { z } from "zod";
import { recordId, text } from "@/lib/http/input-schemas";

export const replayQuery = z.strictObject({
  submission: recordId(),
  test: text().min(1).max(128),
});
