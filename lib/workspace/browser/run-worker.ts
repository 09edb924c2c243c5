/**
 * The browser's test worker: runs the exercise's public tests (or replays one counterexample)
 * on the simulated kernel with the grader's own harness, entirely in this worker. The page
 * creates a fresh worker for each request and terminates it on a timeout, so a runaway
 * student program can never freeze the editor.
 */
import "../../grader/sandbox/harness";
import type { HarnessResult, HarnessTest } from "../../grader/sandbox/harness";
import type { Scenario, ExploreSettings } from "../../grader/exercises/test-definition";
import type { Localized } from "../../grader/types";
import type { Snapshot, Trace } from "../../kernel";
import { replayOnly, shownTraces } from "./kernel-shim";
import { judgeRuns } from "../../grader/exercises/judge-run";

type BrowserTest = { id: string; title?: Localized; message?: Localized; scenario: Scenario; explore: ExploreSettings; check?: (s: Snapshot) => string | null | undefined };

export type RunRequest =
  | { kind: "public"; js: string; seed: number; testsUrl: string }
  | { kind: "replay"; js: string; seed: number; token: string; test: { id: string; scenario: Scenario } };

export type LocalTestResult = Omit<HarnessResult, "trace"> & { title?: Localized; message?: Localized; trace: Trace | null };

export type RunMessage =
  | { type: "progress"; done: number; total: number; explored: number }
  | { type: "done"; results: LocalTestResult[] }
  | { type: "error"; message: string };

type Harness = {
  installStudent(source: string): void;
  seal(): void;
  run(testsJson: string, seed: number, check: unknown, progress: unknown): Promise<string>;
};

const scope = self as unknown as { onmessage: unknown; postMessage(m: RunMessage): void; importScripts(url: string): void; __ipclabHarness: Harness; __ipclabPublicTests?: BrowserTest[] };
const harness = scope.__ipclabHarness;

scope.onmessage = async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  try {
    let tests: BrowserTest[];
    if (request.kind === "public") {
      scope.importScripts(request.testsUrl);
      tests = scope.__ipclabPublicTests ?? [];
    } else {
      replayOnly(request.token);
      tests = [{ ...request.test, explore: {} }];
    }
    // Without SES the harness evaluates the module with indirect eval, out of this worker's scope.
    harness.seal();
    harness.installStudent(request.js);
    const judge = { applySync: (_: unknown, [i, json]: [number, string]) => judgeRuns(tests[i].check, json), applyIgnored() {} };
    const progress = { applySync() {}, applyIgnored: (_: unknown, [done, total, explored]: number[]) => scope.postMessage({ type: "progress", done, total, explored }) };
    const harnessTests: HarnessTest[] = tests.map((t) => ({ id: t.id, scenario: t.scenario, explore: t.explore }));
    const results = JSON.parse(await harness.run(JSON.stringify(harnessTests), request.seed, judge, progress)) as HarnessResult[];
    const traces = shownTraces();
    scope.postMessage({
      type: "done",
      results: results.map((r, i) => ({ ...r, title: tests[i].title, message: tests[i].message, trace: (r.trace as Trace | undefined) ?? traces[i] ?? null })),
    });
  } catch (error) {
    scope.postMessage({ type: "error", message: String((error as Error)?.message ?? error) });
  }
};
