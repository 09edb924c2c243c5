import { z } from "zod";

export const joinCourseBody = z.strictObject({ joinCode: z.string().trim().min(4).max(32) });
