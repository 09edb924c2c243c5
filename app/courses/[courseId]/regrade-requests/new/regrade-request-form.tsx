"use client";

import { wrap } from "comlink";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { Lang } from "@/lib/i18n/messages";
import { runInWorker } from "@/lib/workspace/browser/run-in-worker";
import type { RunRequest } from "@/lib/workspace/browser/run-worker";
import type { TsWorkerApi } from "@/lib/workspace/browser/ts-worker";
import { TimelineView, type ShownTrace } from "@/app/_components/timeline/timeline-view";
import { regradeStrings } from "@/app/_components/regrade-requests/strings";

type FailedTest = { testId: string; title: string; replay: string | null; trace: unknown };

type Replay = { state: "idle" } | { state: "running" } | { state: "done"; passed: boolean; trace: ShownTrace["trace"] | null } | { state: "error"; message: string };

const TS_WORKER_URL = "/api/exercises/workers/ts-worker.js";
const REPLAY_TIMEOUT_MS = 15_000;

/**
 * Replays the graded counterexample of one test on the *submitted* code in this browser:
 * the same replay the workspace offers (the replay API gives the token and scenario, the TS
 * worker transpiles, the test worker runs it), so a student who believes the grader is wrong
 * first watches their own code fail on the schedule the grader found.
 */
async function replayInBrowser(slug: string, submissionId: string, testId: string, source: string): Promise<Replay> {
  const response = await fetch(`/api/exercises/${slug}/replay?submission=${encodeURIComponent(submissionId)}&test=${encodeURIComponent(testId)}`, { cache: "no-store" });
  const body = (await response.json()) as { token: string; test: Extract<RunRequest, { kind: "replay" }>["test"]; error?: string };
  if (!response.ok) return { state: "error", message: body.error ?? response.statusText };
  const tsWorker = new Worker(TS_WORKER_URL, { name: "ipclab-typescript" });
  let js: string;
  try {
    const { js: out, errors } = await wrap<TsWorkerApi>(tsWorker).transpile(source);
    if (errors.length) return { state: "error", message: errors[0].message };
    js = out;
  } finally {
    tsWorker.terminate();
  }
  const outcome = await runInWorker({ kind: "replay", js, seed: 1, token: body.token, test: body.test }, { timeoutMs: REPLAY_TIMEOUT_MS }).result;
  if (outcome.kind === "done" && outcome.results[0]) return { state: "done", passed: outcome.results[0].passed, trace: (outcome.results[0].trace as ShownTrace["trace"] | null) ?? null };
  if (outcome.kind === "error") return { state: "error", message: outcome.message };
  return { state: "error", message: outcome.kind };
}

export function RegradeRequestForm({ lang, courseId, submissionId, slug, source, tests, initialTestId }: { lang: Lang; courseId: string; submissionId: string; slug: string; source: string; tests: FailedTest[]; initialTestId: string | null }) {
  const s = regradeStrings(lang);
  const router = useRouter();
  const [testId, setTestId] = useState<string | null>(initialTestId);
  // Replays already run, by test: switching back to a test shows its result again without rerunning it.
  const [replays, setReplays] = useState<Record<string, Replay>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const test = tests.find((t) => t.testId === testId) ?? null;
  const replay: Replay = test?.replay ? (replays[test.testId] ?? { state: "running" }) : { state: "idle" };
  const needsReplay = test?.replay ? !(test.testId in replays) : false;

  useEffect(() => {
    if (!test || !needsReplay) return;
    let cancelled = false;
    void replayInBrowser(slug, submissionId, test.testId, source)
      .catch((err: Error): Replay => ({ state: "error", message: err.message }))
      .then((r) => {
        if (!cancelled) setReplays((all) => ({ ...all, [test.testId]: r }));
      });
    return () => {
      cancelled = true;
    };
  }, [slug, submissionId, source, test, needsReplay]);

  // Sending waits for the replay to finish (or fail): the point is to see it first.
  const canSend = !pending && replay.state !== "running";
  return (
    <form
      className="form"
      data-testid="regrade-request-form"
      onSubmit={(e) => {
        e.preventDefault();
        const message = String(new FormData(e.currentTarget).get("message") ?? "");
        setPending(true);
        setError(null);
        void fetch(`/api/courses/${courseId}/regrade-requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ submissionId, testId, message }) })
          .then(async (response) => {
            const body = (await response.json().catch(() => ({}))) as { request?: { id: string }; error?: string };
            if (!response.ok || !body.request) throw new Error(body.error ?? response.statusText);
            router.push(`/courses/${courseId}/regrade-requests/${body.request.id}`);
          })
          .catch((err: Error) => {
            setError(err.message);
            setPending(false);
          });
      }}
    >
      <label>
        {s.test}
        <select value={testId ?? ""} onChange={(e) => setTestId(e.target.value || null)} data-testid="regrade-test">
          <option value="">{s.wholeSubmission}</option>
          {tests.map((t) => (
            <option key={t.testId} value={t.testId}>
              {t.title}
            </option>
          ))}
        </select>
      </label>
      {test && !test.replay && <p className="muted">{s.noCounterexample}</p>}
      {test?.replay && (
        <section className="card" aria-live="polite" data-testid="regrade-replay" data-state={replay.state}>
          <p className="muted">{s.replayFirst}</p>
          {replay.state === "running" && <p>{s.replaying}</p>}
          {replay.state === "error" && (
            <p className="form-error">
              {s.replayFailed}: {replay.message}
            </p>
          )}
          {replay.state === "done" && <p data-testid="regrade-replay-verdict">{replay.passed ? s.replayPassed : s.replayed}</p>}
          {replay.state === "done" && replay.trace && <TimelineView shown={{ title: test.title, trace: replay.trace }} lang={lang} />}
          {replay.state === "error" && test.trace !== null && <TimelineView shown={{ title: test.title, trace: test.trace as ShownTrace["trace"] }} lang={lang} />}
        </section>
      )}
      <label>
        {s.message}
        <textarea name="message" required maxLength={4000} rows={4} data-testid="regrade-message" />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={!canSend} data-testid="regrade-send">
        {s.send}
      </button>
    </form>
  );
}
