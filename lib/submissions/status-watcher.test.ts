import { describe, expect, it, vi } from "vitest";
import type { SubmissionStatusView } from "../grader/queue/get-submission-status";
import { createStatusWatcher } from "./status-watcher";
import { publishSubmissionChange } from "./submission-changes";

const status = (id: string, s = "QUEUED") => ({ id, status: s, position: 1, schedulesExplored: 0 }) as unknown as SubmissionStatusView;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

function recordingReader() {
  const reads: string[][] = [];
  const read = async (ids: readonly string[]) => {
    reads.push([...ids].sort());
    return new Map(ids.filter((id) => !id.startsWith("gone")).map((id) => [id, status(id)]));
  };
  return { reads, read };
}

describe("createStatusWatcher", () => {
  it("reads every watched submission in one batch per poll, and each listener gets its own", async () => {
    const { reads, read } = recordingReader();
    const watcher = createStatusWatcher({ read, pollMs: 20 });
    const got: Record<string, number> = {};
    const stops = ["w1", "w2", "w3"].map((id) => watcher.watch(id, (s) => (got[s.id] = (got[s.id] ?? 0) + 1)));
    // Waits for the polls rather than a fixed time: a loaded machine may run fewer intervals.
    const polls = () => reads.filter((r) => r.length === 3);
    await vi.waitFor(() => expect(polls().length).toBeGreaterThanOrEqual(2), { timeout: 5000, interval: 10 });
    stops.forEach((stop) => stop());
    expect(polls().every((r) => r.join() === "w1,w2,w3")).toBe(true);
    expect(Object.keys(got).sort()).toEqual(["w1", "w2", "w3"]);
    // Unwatched: no more reads.
    const count = reads.length;
    await tick(50);
    expect(reads.length).toBe(count);
  });

  it("reads a submission at once when a grader announces a change, without waiting for the poll", async () => {
    const { reads, read } = recordingReader();
    const watcher = createStatusWatcher({ read, pollMs: 60_000 });
    const seen: string[] = [];
    const stop = watcher.watch("n1", (s) => seen.push(s.id));
    await tick(5);
    const before = reads.length;
    publishSubmissionChange("n1");
    publishSubmissionChange("someone-else");
    await tick(5);
    stop();
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toEqual(["n1"]);
    expect(seen.length).toBe(2); // the read right after watch(), and the one after the notice
  });

  it("tells nobody about submissions that vanished, and survives a failing read", async () => {
    let fail = true;
    const seen: string[] = [];
    const watcher = createStatusWatcher({
      read: async (ids) => {
        if (fail) throw new Error("database hiccup");
        return new Map(ids.filter((id) => id !== "gone").map((id) => [id, status(id, "RUNNING")]));
      },
      pollMs: 15,
    });
    const stops = [watcher.watch("gone", (s) => seen.push(s.id)), watcher.watch("here", (s) => seen.push(s.id))];
    await tick(20);
    expect(seen).toEqual([]);
    fail = false;
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0), { timeout: 5000, interval: 10 });
    stops.forEach((s) => s());
    expect(new Set(seen)).toEqual(new Set(["here"]));
  });
});
