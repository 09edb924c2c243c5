import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

/** `?assignment=` asks for that assignment's submissions beside the practice ones. */
export const historyQuery = z.strictObject({ assignment: recordId().optional() });
