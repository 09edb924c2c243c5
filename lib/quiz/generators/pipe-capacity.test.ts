import { describe, expect, it } from "vitest";
import { runOnce, type Ipc } from "@/lib/kernel";
import { pipeScenario, runPipeScript, type PipeOp } from "./pipe-capacity";

/**
 * The same calls on the simulated kernel, in one process holding both ends of a pipe of the
 * scenario's capacity. The write end is non-blocking, so "the writer would block" shows up
 * as EAGAIN with nothing written (an atomic write, as the question's model says).
 */
async function onKernel(capacity: number, ops: readonly PipeOp[]): Promise<{ written: number; buffered: number; blockedAt: number }> {
  const result = await runOnce(
    {
      module: (ipc: Ipc) => ({
        async main() {
          const [r, w] = await ipc.pipe({ nonblock: true });
          let written = 0;
          let buffered = 0;
          let blockedAt = -1;
          for (const [i, op] of ops.entries()) {
            if (op.who === "reader") {
              buffered -= ((await ipc.read(r, op.n)) as string).length;
              continue;
            }
            try {
              written += (await ipc.write(w, "x".repeat(op.n))) as number;
              buffered += op.n;
            } catch (error) {
              if ((error as { code?: string }).code !== "EAGAIN") throw error;
              blockedAt = i;
              break;
            }
          }
          ipc.print(JSON.stringify({ written, buffered, blockedAt }));
        },
      }),
      main: "main",
    },
    { strategy: "random", seed: 1, pipeCapacity: capacity },
  );
  expect(result.failure).toBeNull();
  return JSON.parse(result.snapshot.output["1"]) as { written: number; buffered: number; blockedAt: number };
}

describe("pipe-capacity generator", () => {
  it("answers what the simulated kernel does, for 200 scenarios", async () => {
    for (let seed = 0; seed < 200; seed++) {
      const s = pipeScenario(seed);
      const model = runPipeScript(s.capacity, s.ops);
      expect(model.blockedAt).toBe(s.ops.length - 1); // every scenario ends with the write that blocks
      expect(await onKernel(s.capacity, s.ops), `seed ${seed}`).toEqual({ written: model.written, buffered: model.buffered, blockedAt: model.blockedAt });
    }
  });
});
