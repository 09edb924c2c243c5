import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const removeEnrollmentBody = z.strictObject({ userId: recordId() });
