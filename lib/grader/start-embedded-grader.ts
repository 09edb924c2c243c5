import { env } from "../env";
import { jsonLineLog } from "./pool/grader-log";
import { graderConfig, graderOwnerId } from "./queue/grader-config";
import { startGrader, type RunningGrader } from "./queue/start-grader";
import { registerEmbeddedNotifier } from "./web-grade-notifier";

const registry = globalThis as unknown as { ipclabEmbeddedGrader?: Promise<RunningGrader> };

/**
 * `npm start`'s grader: the same dispatcher and worker pool as `npm run grader`, started by
 * the web server process (instrumentation.ts) so that a submission wakes it without a poll.
 * The sandboxes still run in separate worker processes. Off when GRADER_EMBEDDED=false.
 */
export function startEmbeddedGrader(): Promise<RunningGrader> | null {
  if (!env().GRADER_EMBEDDED) return null;
  registry.ipclabEmbeddedGrader ??= startGrader(graderConfig(), graderOwnerId(), jsonLineLog).then((grader) => {
    registerEmbeddedNotifier(() => grader.notify());
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.once(signal, () => void grader.stop().finally(() => process.exit(0)));
    }
    jsonLineLog("grader.started", { mode: grader.mode, owner: grader.owner, embedded: true });
    return grader;
  });
  return registry.ipclabEmbeddedGrader;
}
