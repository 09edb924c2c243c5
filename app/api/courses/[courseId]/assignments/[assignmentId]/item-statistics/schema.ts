import { z } from "zod";

export const itemStatisticsQuery = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });
