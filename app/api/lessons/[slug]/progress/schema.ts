import { text } from "@/lib/http/input-schemas";

export const lessonSlugParam = text().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);
