import { z } from "zod";
import { instant, recordId } from "@/lib/http/input-schemas";

export const grantExtensionBody = z.strictObject({
  userId: recordId(),
  dueAt: instant("dueAt"),
  lateUntil: instant("lateUntil").nullable().default(null),
});
