import { z } from "zod";

export const resendInvitationBody = z.strictObject({ email: z.email("Enter a valid email address.").max(254) });
