import { z } from "zod";
import { linkToken } from "../password/schema";

export const verifyEmailBody = z.strictObject({ token: linkToken });
