import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const removeOverrideBody = z.strictObject({
  assignmentId: recordId(),
  userId: recordId(),
});
