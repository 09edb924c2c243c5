import { z } from "zod";
import { CONTENT_SLUG } from "@/lib/content/content-slug";
import { text } from "@/lib/http/input-schemas";

/** Exercise slugs in URLs and bodies (submissions, drafts, exercise routes). */
export const exerciseSlug = text().regex(CONTENT_SLUG, "not an exercise slug");
export const exerciseParams = z.strictObject({ slug: exerciseSlug });
