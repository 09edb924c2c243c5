import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const joinCourseBody = z.strictObject({ joinCode: text().trim().min(4).max(32) });
