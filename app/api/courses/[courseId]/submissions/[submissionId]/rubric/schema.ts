import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const setRubricMarkBody = z.strictObject({ itemId: recordId(), applied: z.boolean() });
