import { describe, expect, it } from "vitest";
import { runOnce } from "./run";
import type { Ipc } from "./ipc";

describe("deadlock reports", () => {
  it("name a process that crashed before the others got stuck", async () => {
    const r = await runOnce({
      module: (ipc: Ipc) => ({
        async main() {
          const [rd, wr] = await ipc.pipe();
          await ipc.spawn("writer", [wr]);
          await ipc.read(rd, 10); // the parent still holds the write end: EOF never comes
        },
        async writer() {
          throw new Error("the writer broke");
        },
      }),
      main: "main",
    });
    expect(r.outcome.kind).toBe("deadlock");
    expect(r.failure).toMatch(/^deadlock: pid 1 waits for .*; pid 2 \(writer\) failed earlier: uncaught Error: the writer broke/);
  });
});
