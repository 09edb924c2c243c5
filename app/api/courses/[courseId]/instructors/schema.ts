import { z } from "zod";

export const addInstructorBody = z.strictObject({ email: z.email("email must be an email address").max(254) });
