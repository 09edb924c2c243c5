import { z } from "zod";

/** Exercise slugs in URLs, as the submissions API accepts them. */
export const exerciseSlug = z.string().regex(/^[a-z0-9-]{1,64}$/, "not an exercise slug");
export const exerciseParams = z.strictObject({ slug: exerciseSlug });
