import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

/** A course's editable fields, without defaults (an edit must only change what it names). */
export const courseFieldsBase = z.strictObject({
  code: text().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, "code must be 2–32 letters, digits, dots, dashes or underscores"),
  title: text().trim().min(1, "title must not be empty").max(200),
  description: text().trim().max(2000),
});

export const courseFields = courseFieldsBase.extend({ description: courseFieldsBase.shape.description.default("") });
