import { courseFieldsBase } from "@/app/api/instructor/courses/schema";

export const courseSettingsBody = courseFieldsBase.partial().refine((b) => Object.keys(b).length > 0, "nothing to change");
