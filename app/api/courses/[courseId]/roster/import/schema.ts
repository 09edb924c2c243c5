import { z } from "zod";

export const ROSTER_CSV_MAX_BYTES = 512 * 1024;

/** preview: what would happen, row by row (writes nothing); commit: import all or nothing. */
export const rosterImportBody = z.strictObject({
  csv: z.string().min(1, "csv must not be empty"),
  mode: z.enum(["preview", "commit"]),
});
