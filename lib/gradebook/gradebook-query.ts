import { z } from "zod";
import { text } from "../http/input-schemas";

/**
 * How a grade-book page is asked for (URL search params of the page and of its API): sort
 * by a student column, by the total, or by one assignment (`a:<id>`); filter by text and by
 * a flag; 1-based page.
 */
export const gradebookQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(5).max(200).default(50),
  sort: z.union([z.enum(["name", "email", "studentId", "total"]), text().regex(/^a:[A-Za-z0-9_-]{1,64}$/)]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  q: text().trim().max(100).default(""),
  flag: z.enum(["all", "late", "missing", "overridden"]).default("all"),
});

export type GradebookQuery = z.infer<typeof gradebookQuery>;
