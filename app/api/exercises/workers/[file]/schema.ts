import { z } from "zod";
import { WORKER_SCRIPTS, type WorkerScriptName } from "@/lib/workspace/bundling/worker-script";

export const workerParams = z.strictObject({
  file: z.enum(Object.keys(WORKER_SCRIPTS) as [WorkerScriptName, ...WorkerScriptName[]]),
});
