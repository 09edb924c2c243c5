import { z } from "zod";
import { recordId } from "@/lib/http/input-schemas";

export const removeLineCommentBody = z.strictObject({ commentId: recordId() });
