import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const addInstructorBody = z.strictObject({ email: text().pipe(z.email("email must be an email address").max(254)) });
