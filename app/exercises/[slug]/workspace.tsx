"use client";

import { wrap, type Remote } from "comlink";
import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkerShape } from "@valtown/codemirror-ts/worker";
import type { Lang } from "@/lib/grader/types";
import { chooseInitialSource } from "@/lib/workspace/choose-initial-source";
import type { AssignmentContext, ExerciseWorkspace } from "@/lib/workspace/get-exercise-workspace";
import type { HistoryEntry, SubmissionHistory } from "@/lib/workspace/list-submission-history";
import { runInWorker, type RunOutcome } from "@/lib/workspace/browser/run-in-worker";
import type { RunRequest } from "@/lib/workspace/browser/run-worker";
import type { TsWorkerApi } from "@/lib/workspace/browser/ts-worker";
import { LocalTime } from "../../courses/local-time";
import type { GradeStrings } from "../../courses/grade-strings";
import { GradeSummary } from "../../courses/grade-summary";
import { TimelineView, type ShownTrace } from "../../_components/timeline/timeline-view";
import { CodeEditor, type CodeEditorHandle } from "./code-editor";
import type { AssistWorker } from "./editor-assist";
import { ConfirmDialog } from "./confirm-dialog";
import { HistoryPanel } from "./history-panel";
import { ResultsPanel } from "./results-panel";
import type { Strings } from "./strings";
import { isFinalSubmissionStatus } from "@/lib/submissions/final-statuses";
import type { LocalRun, SubmissionView } from "./types";
import { readLocalDraft, useDraft } from "./use-draft";

const TS_WORKER_URL = "/api/exercises/workers/ts-worker.js";
const POLL_MS = 300;

type Props = { workspace: Omit<ExerciseWorkspace, "prompt" | "title">; storageKey: string; lang: Lang; s: Strings; g: GradeStrings; initialSubmission: string | null };

type Ts = Remote<TsWorkerApi>;

const EMPTY_HISTORY: SubmissionHistory = { assignment: [], practice: [] };

async function fetchHistory(slug: string, assignmentId: string | null): Promise<SubmissionHistory | null> {
  const response = await fetch(`/api/exercises/${slug}/history${assignmentId ? `?assignment=${encodeURIComponent(assignmentId)}` : ""}`, { cache: "no-store" });
  return response.ok ? ((await response.json()) as SubmissionHistory) : null;
}

/** "Submitting now: −20% per day late, this submission would count at most 60." */
function latePreviewText(assignment: AssignmentContext, s: Strings): string | null {
  const p = assignment.latePreview;
  if (!p) return null;
  return s.latePreview.replace("{rate}", `−${Math.round(p.penaltyPerDay * 100)}%`).replace("{max}", `${Math.round(p.maxCounted * 100) / 100} / ${assignment.maxScore}`);
}

function AssignmentBanner({ assignment, lang, s, g }: { assignment: AssignmentContext; lang: Lang; s: Strings; g: GradeStrings }) {
  const note = { "not-open": s.notOpen, "on-time": "", late: s.lateWindow, closed: s.closed }[assignment.state];
  const preview = latePreviewText(assignment, s);
  const grade = assignment.grade;
  return (
    <div className={`assignment-banner ${assignment.state}`} data-testid="assignment-banner">
      <p>
        {s.assignment}: <strong>{assignment.title}</strong> · {grade?.extension ? s.extended : s.due} <LocalTime iso={assignment.dueAt} lang={lang} />
        {note && <> · {note}</>}
      </p>
      {preview && (
        <p className="late-preview" data-testid="late-preview">
          {preview}
        </p>
      )}
      {grade && (
        <p className="small">
          {s.yourGrade}: <GradeSummary grade={grade.grade} s={g} testId="workspace-grade" /> · {grade.attemptPolicy === "BEST" ? g.best : g.last}
        </p>
      )}
    </div>
  );
}

/**
 * The exercise workspace: editor, local runs in a worker, submissions with live status,
 * results with timelines and replays, and the submission history.
 */
export function Workspace({ workspace, storageKey, lang, s, g, initialSubmission }: Props) {
  const { slug, starter, wallMs, assignment } = workspace;
  const editor = useRef<CodeEditorHandle | null>(null);
  const [ts, setTs] = useState<Ts | null>(null);
  const tsReady = useRef<Promise<Ts> | null>(null);
  const [run, setRun] = useState<LocalRun | null>(null);
  const cancelRun = useRef<(() => void) | null>(null);
  // Which submission the results panel follows; `opened` counts reopenings from the history.
  const [submissionId, setSubmissionId] = useState<string | null>(initialSubmission);
  const [opened, setOpened] = useState(0);
  const [confirmLate, setConfirmLate] = useState(false);
  const [submission, setSubmission] = useState<SubmissionView | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [shown, setShown] = useState<(ShownTrace & { key: number; note?: string }) | null>(null);
  const [replayingTest, setReplayingTest] = useState<string | null>(null);
  const [history, setHistory] = useState<SubmissionHistory>(EMPTY_HISTORY);
  const [confirmReset, setConfirmReset] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // Set by Submit: once that submission's results are on screen, they are scrolled into view.
  const [submittedId, setSubmittedId] = useState<string | null>(null);
  const results = useRef<HTMLDivElement>(null);
  const draft = useDraft(slug, storageKey);

  const show = useCallback((t: ShownTrace, note?: string) => setShown({ ...t, note, key: Date.now() }), []);

  // The editor opens with the newer of this browser's copy and the server's draft.
  const initialText = () => {
    const chosen = chooseInitialSource(starter, workspace.draft, readLocalDraft(storageKey));
    if (chosen.pushLocal) draft.change(chosen.source);
    return chosen.source;
  };

  useEffect(() => {
    const worker = new Worker(TS_WORKER_URL, { name: "ipclab-typescript" });
    const api = wrap<TsWorkerApi>(worker);
    tsReady.current = api.initialize().then(() => api);
    // A Comlink proxy is callable: React would take it for a state updater, so wrap it.
    void tsReady.current.then((ready) => setTs(() => ready));
    return () => worker.terminate();
  }, []);

  const assignmentId = assignment?.id ?? null;
  const loadHistory = useCallback(() => void fetchHistory(slug, assignmentId).then((entries) => entries && setHistory(entries)), [slug, assignmentId]);
  useEffect(() => {
    let cancelled = false;
    void fetchHistory(slug, assignmentId).then((entries) => !cancelled && entries && setHistory(entries));
    return () => {
      cancelled = true;
    };
  }, [slug, assignmentId]);

  /** Transpiles in the TypeScript worker; syntax errors stop a run (type errors do not, as in the grader). */
  const transpile = async (): Promise<string | null> => {
    const api = await tsReady.current!;
    const { js, errors } = await api.transpile(editor.current!.getValue());
    if (errors.length === 0) return js;
    setRun({ state: "syntax", diagnostics: errors.map((e) => ({ severity: "error", code: "", ...e })) });
    return null;
  };

  const execute = async (request: RunRequest, onDone: (outcome: RunOutcome) => void) => {
    const handle = runInWorker(request, { timeoutMs: wallMs, onProgress: (done, total) => setRun({ state: "running", done, total }) });
    cancelRun.current = handle.cancel;
    const outcome = await handle.result;
    cancelRun.current = null;
    onDone(outcome);
  };

  const runTests = async () => {
    if (cancelRun.current || !editor.current) return;
    setRun({ state: "running", done: 0, total: 0 });
    const js = await transpile();
    if (js === null) return;
    await execute({ kind: "public", js, seed: 1, testsUrl: `/api/exercises/${slug}/public-tests.js` }, (outcome) => {
      if (outcome.kind === "done") {
        setRun({ state: "done", results: outcome.results });
        const failing = outcome.results.find((r) => !r.passed && r.trace);
        if (failing?.trace) show({ title: failing.title?.[lang] ?? failing.id, trace: failing.trace, failureClass: failing.failureClass });
      } else if (outcome.kind === "timeout") setRun({ state: "timeout" });
      else if (outcome.kind === "error") setRun({ state: "error", message: outcome.message });
      else setRun(null);
    });
  };

  const replay = async (testId: string, title: string) => {
    if (!submission || cancelRun.current) return;
    setReplayingTest(testId);
    try {
      const response = await fetch(`/api/exercises/${slug}/replay?submission=${encodeURIComponent(submission.id)}&test=${encodeURIComponent(testId)}`, { cache: "no-store" });
      const body = (await response.json()) as { token: string; test: Extract<RunRequest, { kind: "replay" }>["test"]; error?: string };
      if (!response.ok) throw new Error(body.error ?? response.statusText);
      const js = await transpile();
      if (js === null) return;
      await execute({ kind: "replay", js, seed: 1, token: body.token, test: body.test }, (outcome) => {
        if (outcome.kind === "done" && outcome.results[0]?.trace) {
          const r = outcome.results[0];
          show({ title: `${title} — ${s.replay}`, trace: r.trace!, failureClass: r.failureClass }, s.replayNote);
          setRun(null);
        } else if (outcome.kind === "timeout") setRun({ state: "timeout" });
        else if (outcome.kind === "error") setRun({ state: "error", message: outcome.message });
      });
    } catch (error) {
      setRun({ state: "error", message: (error as Error).message });
    } finally {
      setReplayingTest(null);
    }
  };

  // A late submission is confirmed first, with what it would cost.
  const requestSubmit = () => {
    if (assignment?.latePreview) setConfirmLate(true);
    else void submit();
  };

  const submit = async () => {
    if (submitting || !editor.current) return;
    setSubmitting(true);
    setSubmitError(null);
    setSubmission(null);
    try {
      await draft.flush();
      const response = await fetch("/api/submissions", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ exercise: slug, source: editor.current.getValue(), ...(assignment ? { assignmentId: assignment.id } : {}) }),
      });
      const body = (await response.json()) as { id?: string; error?: string };
      if (!response.ok || !body.id) throw new Error(body.error ?? response.statusText);
      setSubmission(null);
      setSubmissionId(body.id);
      setSubmittedId(body.id);
    } catch (error) {
      setSubmitError((error as Error).message);
      setSubmitting(false);
    }
  };

  // Live status: Server-Sent Events until the grade is final, then show the first failing
  // timeline and refresh the history. Polling is the fallback when the stream is refused.
  useEffect(() => {
    if (!submissionId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Stream updates after the first carry only the status fields: merge them into the view.
    const accept = (view: SubmissionView) => {
      setSubmission((shown) => (shown?.id === view.id ? { ...shown, ...view } : view));
      if (!isFinalSubmissionStatus(view.status)) return false;
      stopped = true;
      setSubmitting(false);
      const failing = view.tests.find((t) => !t.passed && t.trace);
      if (failing) show({ title: failing.title, trace: failing.trace as ShownTrace["trace"] });
      loadHistory();
      return true;
    };
    const poll = async () => {
      try {
        const response = await fetch(`/api/submissions/${submissionId}`, { cache: "no-store" });
        if (response.ok && !stopped && accept((await response.json()) as SubmissionView)) return;
      } catch {
        // A dropped request: try again on the next tick.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    const events = new EventSource(`/api/submissions/${submissionId}/events`);
    events.addEventListener("update", (event) => {
      if (!stopped && accept(JSON.parse((event as MessageEvent<string>).data) as SubmissionView)) events.close();
    });
    events.onerror = () => {
      // EventSource reconnects by itself after a dropped connection; CLOSED means it gave up.
      if (events.readyState === EventSource.CLOSED && !stopped) void poll();
    };
    return () => {
      stopped = true;
      events.close();
      clearTimeout(timer);
    };
  }, [submissionId, opened, loadHistory, show]);

  // The results are below the editor, often off-screen after a long program: bring them into
  // view when the new submission appears there (a notice by the toolbar also links to them).
  const shownSubmission = submission?.id ?? null;
  useEffect(() => {
    if (!submittedId || shownSubmission !== submittedId) return;
    results.current?.scrollIntoView({ block: "start", behavior: "instant" });
  }, [submittedId, shownSubmission]);

  // Shortcuts also work when focus is outside the editor (the editor handles its own first).
  const actions = useRef({ runTests, submit: requestSubmit });
  useEffect(() => {
    actions.current = { runTests, submit: requestSubmit };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== "Enter" || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      if (e.shiftKey) actions.current.submit();
      else void actions.current.runTests();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const restore = (entry: HistoryEntry) => {
    editor.current?.setValue(entry.source);
    setAnnouncement(s.restored);
  };

  const reopen = (entry: HistoryEntry) => {
    setSubmission(null);
    setSubmissionId(entry.id);
    setOpened((n) => n + 1);
  };

  const running = run?.state === "running";
  return (
    <>
      {assignment && <AssignmentBanner assignment={assignment} lang={lang} s={s} g={g} />}
      <div className="workspace-toolbar" role="toolbar" aria-label={s.editorLabel} aria-describedby="shortcut-help">
        {running ? (
          <button type="button" onClick={() => cancelRun.current?.()}>
            ■ {s.stop}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void runTests()} aria-keyshortcuts="Control+Enter Meta+Enter">
            ▶ {s.run}
          </button>
        )}
        <button type="button" className="primary" onClick={requestSubmit} disabled={submitting} aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter">
          ⇪ {s.submit}
        </button>
        <button type="button" onClick={() => setConfirmReset(true)}>
          ↺ {s.reset}
        </button>
        <span className="save-state muted" role="status" data-testid="save-state">
          {{ saved: s.saved, saving: s.saving, local: s.savedLocally }[draft.state]}
        </span>
      </div>
      <p className="muted small" id="shortcut-help">
        <kbd>Ctrl/⌘</kbd>+<kbd>Enter</kbd> {s.run} · <kbd>Ctrl/⌘</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> {s.submit}
      </p>
      <CodeEditor initial={initialText} label={s.editorLabel} lang={lang} importFrom={(module) => s.importFrom.replace("{module}", module)} tsWorker={ts as unknown as (WorkerShape & AssistWorker) | null} onChange={draft.change} onRun={() => void runTests()} onSubmit={requestSubmit} handleRef={editor} />
      {submittedId && (
        <p className="submitted-notice" role="status" data-testid="submitted-notice">
          {s.submittedNotice} <a href="#results-heading">{s.toResults}</a>
        </p>
      )}
      {submitError && (
        <p className="error-text" role="alert">
          {submitError}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div ref={results} className="results-anchor" />
      <ResultsPanel lang={lang} s={s} run={run} submission={submission} replayingTest={replayingTest} onShowTrace={(t) => show(t)} onReplay={(id, title) => void replay(id, title)} onGoTo={(line, column) => editor.current?.goTo(line, column)} />
      {shown && (
        <div className="card">
          {shown.note && <p className="muted small">{shown.note}</p>}
          <TimelineView key={shown.key} shown={shown} lang={lang} />
        </div>
      )}
      <HistoryPanel history={history} inAssignment={assignment !== null} lang={lang} s={s} starter={starter} onRestore={restore} onOpen={reopen} />
      <ConfirmDialog
        open={confirmLate}
        title={s.lateSubmitTitle}
        body={(assignment && latePreviewText(assignment, s)) ?? ""}
        confirm={s.submitLate}
        cancel={s.cancel}
        onClose={() => setConfirmLate(false)}
        onConfirm={() => {
          setConfirmLate(false);
          void submit();
        }}
      />
      <ConfirmDialog
        open={confirmReset}
        title={s.resetTitle}
        body={s.resetBody}
        confirm={s.confirmReset}
        cancel={s.cancel}
        onClose={() => setConfirmReset(false)}
        onConfirm={() => {
          editor.current?.setValue(starter);
          setConfirmReset(false);
        }}
      />
    </>
  );
}
