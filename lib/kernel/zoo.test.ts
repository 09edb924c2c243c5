import { describe, expect, it } from "vitest";
import { explore } from "./run";
import { ZOO } from "./zoo";

describe("bug zoo", () => {
  for (const z of ZOO) {
    it(`${z.name}: the default exploration finds the bug and the fix survives every explored schedule`, async () => {
      const bad = await explore(z.buggy, { budget: 300 });
      expect(bad.passed, `${z.name} bug not found`).toBe(false);
      const good = await explore(z.fixed, { budget: 150 });
      expect(good.passed, good.passed ? "" : good.failure).toBe(true);
    });
  }

  it("the unclosed pipe is reported as a deadlock naming the reader's own write end", async () => {
    const e = await explore(ZOO.find((z) => z.name === "unclosed-pipe")!.buggy);
    expect(e.passed).toBe(false);
    if (e.passed) return;
    expect(e.outcome.kind).toBe("deadlock");
    expect(e.failure).toContain("pid 1 waits for read on pipe 1 (write end open in pids 1)");
  });
});
