import { describe, expect, it } from "vitest";
import { runOnce } from "./run";
import { lostUpdate } from "./zoo/lost-update";

describe("stopAfterChoices", () => {
  it("pauses at the first decision point after the given number of choices, naming the ready pids", async () => {
    const r = await runOnce(lostUpdate.buggy, { strategy: "replay", choices: [1, 2], stopAfterChoices: 2 });
    expect(r.outcome).toMatchObject({ kind: "paused", ready: [1, 2] });
    expect(r.trace?.choices).toEqual([1, 2]);
    // Paused runs are not completed runs.
    expect(r.failure).toMatch(/paused after 2 choices/);
  });

  it("replaying a prefix and then one more choice continues exactly where the paused run stopped", async () => {
    const full = await runOnce(lostUpdate.buggy, { strategy: "replay", choices: [1, 2, 1, 1, 2, 2, 1, 2, 1, 2] });
    const prefix = await runOnce(lostUpdate.buggy, { strategy: "replay", choices: [1, 2, 1], stopAfterChoices: 3 });
    expect(full.trace?.events.slice(0, prefix.trace!.events.length)).toEqual(prefix.trace?.events);
  });

  it("does not pause when no decision is left", async () => {
    const r = await runOnce(lostUpdate.buggy, { strategy: "exhaustive", stopAfterChoices: 1000 });
    expect(r.outcome.kind).toBe("completed");
  });
});
