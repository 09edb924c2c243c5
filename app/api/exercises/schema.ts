import { z } from "zod";
import { CONTENT_SLUG } from "@/lib/content/content-slug";

/** Exercise slugs in URLs and bodies (submissions, drafts, exercise routes). */
export const exerciseSlug = z.string().regex(CONTENT_SLUG, "not an exercise slug");
export const exerciseParams = z.strictObject({ slug: exerciseSlug });
