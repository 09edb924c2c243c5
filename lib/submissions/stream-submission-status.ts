import type { SubmissionStatusView } from "../grader/queue/get-submission-status";
import { isFinalSubmissionStatus } from "./final-statuses";
import type { StatusWatcher } from "./status-watcher";

export type StatusStreamOptions<V extends { status: string }> = {
  submissionId: string;
  /** The whole view, read (and authorised) before the response started. */
  first: V;
  /** The whole view again, for the final event (results, diagnostics, traces). */
  readFinal: () => Promise<V>;
  watcher: StatusWatcher;
  /** Ends the stream when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  /** The stream ends after this long; EventSource reconnects and gets the current view first. */
  maxMs?: number;
};

const encoder = new TextEncoder();

/**
 * Live status as Server-Sent Events, `update` events only: first the whole view; while the
 * submission waits or runs, its status fields (status, position, schedulesExplored, …) when
 * they change, to be merged into the view; last the whole view with the grade, and the
 * stream ends. Status comes from the process's shared watcher, so a stream costs no
 * database reads of its own until the grade.
 */
export function streamSubmissionStatus<V extends { status: string }>({ submissionId, first, readFinal, watcher, signal, heartbeatMs = 15_000, maxMs = 10 * 60_000 }: StatusStreamOptions<V>): Response {
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let finishing = false;
      let lastStatus = "";
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const update = (data: unknown) => send(`event: update\ndata: ${JSON.stringify(data)}\n\n`);
      const finish = async () => {
        if (finishing) return;
        finishing = true;
        try {
          update(await readFinal());
        } finally {
          close(); // if the final read failed, the browser's fallback GET says why
        }
      };
      const onStatus = (status: SubmissionStatusView) => {
        if (closed) return;
        if (isFinalSubmissionStatus(status.status)) return void finish();
        const json = JSON.stringify(status);
        if (json === lastStatus) return;
        lastStatus = json;
        update(status);
      };

      // Tell EventSource how soon to reconnect if the connection drops.
      send("retry: 1000\n\n");
      update(first);
      if (isFinalSubmissionStatus(first.status)) return close();
      const unwatch = watcher.watch(submissionId, onStatus);
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), heartbeatMs);
      const expiry = setTimeout(close, maxMs);
      const onAbort = () => close();
      signal.addEventListener("abort", onAbort);
      cleanup = () => {
        unwatch();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        signal.removeEventListener("abort", onAbort);
      };
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", connection: "keep-alive", "x-accel-buffering": "no" },
  });
}
