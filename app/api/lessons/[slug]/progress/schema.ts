import { z } from "zod";

export const lessonSlugParam = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);
