/**
 * A similarity probe worker process (ADR 022): records the behaviour of the submissions it is
 * sent, one at a time, in the grader's sandbox (behaviour-trace.ts), and answers with their
 * fingerprints. Like a grader worker it runs student code, so it gets no database URL and no
 * secrets (lib/grader/pool/worker-environment.ts); its parent stores the results.
 */
import { behaviourFeatures } from "./behaviour-fingerprint";
import { probeBehaviour } from "./behaviour-trace";
import type { ProbeAnswer, ProbeRequest } from "./probe-pool";

const send = (answer: ProbeAnswer) => process.send?.(answer);

process.on("message", (message: ProbeRequest) => {
  void (async () => {
    try {
      const runs = await probeBehaviour(message.slug, message.source);
      send({ id: message.id, features: runs ? behaviourFeatures(runs) : null });
    } catch (error) {
      send({ id: message.id, features: null, error: String((error as Error)?.message ?? error) });
    }
  })();
});
// The parent closes the channel when the run ends: then there is nothing left to do.
process.on("disconnect", () => process.exit(0));
send({ id: 0, features: null, ready: true });
