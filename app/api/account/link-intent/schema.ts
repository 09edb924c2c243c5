import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const linkIntentBody = z.strictObject({ provider: text().min(1).max(40) });
