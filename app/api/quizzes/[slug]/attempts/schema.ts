import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const startAttemptBody = z.strictObject({ assignmentId: recordId().nullish() });
