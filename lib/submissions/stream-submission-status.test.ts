import { afterEach, describe, expect, it } from "vitest";
import type { SubmissionStatusView } from "../grader/queue/get-submission-status";
import type { StatusListener, StatusWatcher } from "./status-watcher";
import { streamSubmissionStatus } from "./stream-submission-status";

type View = { id: string; status: string; tests: string[] };

/** Reads server-sent `update` events off a response body. */
async function* updates(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      if (event) {
        expect(event).toBe("update");
        yield JSON.parse(/^data: (.*)$/m.exec(block)![1]) as Record<string, unknown>;
      }
    }
  }
}

/** A watcher the test drives by hand. */
function manualWatcher() {
  const listeners = new Map<string, StatusListener>();
  const watcher: StatusWatcher = {
    watch(id, listener) {
      listeners.set(id, listener);
      return () => listeners.delete(id);
    },
  };
  const push = (id: string, status: string, schedulesExplored = 0) => listeners.get(id)?.({ id, status, schedulesExplored, position: null } as unknown as SubmissionStatusView);
  return { watcher, push, watching: (id: string) => listeners.has(id) };
}

const aborts: AbortController[] = [];
afterEach(() => aborts.splice(0).forEach((a) => a.abort()));

function open(first: View, final: View, watcher: StatusWatcher) {
  const abort = new AbortController();
  aborts.push(abort);
  let finalReads = 0;
  const response = streamSubmissionStatus<View>({ submissionId: first.id, first, readFinal: async () => (finalReads++, final), watcher, signal: abort.signal });
  return { response, abort, finalReads: () => finalReads };
}

describe("streamSubmissionStatus", () => {
  it("sends the whole view, then status changes (each once), then the whole graded view, and ends", async () => {
    const w = manualWatcher();
    const { response, finalReads } = open({ id: "a", status: "QUEUED", tests: [] }, { id: "a", status: "GRADED", tests: ["t1"] }, w.watcher);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const seen: Record<string, unknown>[] = [];
    const script = [() => w.push("a", "RUNNING", 10), () => w.push("a", "RUNNING", 10), () => w.push("a", "RUNNING", 40), () => w.push("a", "GRADED", 80)];
    for await (const u of updates(response)) {
      seen.push(u);
      // Push the next status changes once the previous event arrived; the duplicate is dropped.
      if (seen.length === 1) script.splice(0, 2).forEach((f) => f());
      else if (script.length) script.shift()!();
    }
    expect(seen.map((u) => [u.status, u.schedulesExplored ?? null, u.tests ?? null])).toEqual([
      ["QUEUED", null, []],
      ["RUNNING", 10, null],
      ["RUNNING", 40, null],
      ["GRADED", null, ["t1"]],
    ]);
    expect(finalReads()).toBe(1);
    expect(w.watching("a")).toBe(false);
  });

  it("closes at once, without watching, when the first view is already final", async () => {
    const w = manualWatcher();
    const { response } = open({ id: "b", status: "COMPILE_ERROR", tests: [] }, { id: "b", status: "COMPILE_ERROR", tests: [] }, w.watcher);
    const seen = [];
    for await (const u of updates(response)) seen.push(u.status);
    expect(seen).toEqual(["COMPILE_ERROR"]);
    expect(w.watching("b")).toBe(false);
  });

  it("stops watching when the client goes away", async () => {
    const w = manualWatcher();
    const { response, abort } = open({ id: "c", status: "RUNNING", tests: [] }, { id: "c", status: "GRADED", tests: [] }, w.watcher);
    await response.body!.getReader().read();
    expect(w.watching("c")).toBe(true);
    abort.abort();
    expect(w.watching("c")).toBe(false);
  });
});
