import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const archiveRubricItemBody = z.strictObject({ itemId: recordId() });
