import { z } from "zod";
import { text } from "@/lib/http/input-schemas";

export const regradeReplyBody = z.strictObject({ body: text().trim().min(1, "the message is empty").max(4000) });
