import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const revokeExtensionBody = z.strictObject({ userId: recordId() });
