import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const revokeSessionsBody = z.strictObject({ userId: recordId() });
