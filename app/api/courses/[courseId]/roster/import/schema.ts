import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const ROSTER_CSV_MAX_BYTES = 512 * 1024;

/** preview: what would happen, row by row (writes nothing); commit: import all or nothing. */
export const rosterImportBody = z.strictObject({
  csv: text().min(1, "csv must not be empty"),
  mode: z.enum(["preview", "commit"]),
});
