import { describe, expect, it } from "vitest";
import { explore } from "../kernel/run";
import { ZOO } from "../kernel/zoo";
import { classifyFailure, FAILURE_KINDS, type FailureClass } from "../kernel/failure-class";
import { explainFailure, explainsFailure } from "./failure-class-text";
import { acceptedFailureClass } from "./judge/failure-class-schema";

/** Each zoo program's counterexample, classified: one class of each kind the zoo shows. */
async function zooClasses(): Promise<Map<string, FailureClass>> {
  const out = new Map<string, FailureClass>();
  for (const z of ZOO) {
    const r = await explore(z.buggy, { budget: 300, seed: 1 });
    if (r.passed) throw new Error(`${z.name} passed`);
    out.set(z.name, classifyFailure({ events: r.trace.events, outcome: r.outcome, snapshot: r.snapshot, failure: r.failure })!);
  }
  return out;
}

describe("failure class explanations and their host-side check", () => {
  it("explain every class of the zoo in Korean and English, naming the evidence; the host accepts each", async () => {
    const classes = await zooClasses();
    const seen = new Set([...classes.values()].map((c) => c.kind));
    // Every kind but `unclassified` (no zoo program livelocks) comes out of the zoo.
    expect([...seen].sort()).toEqual(FAILURE_KINDS.filter((k) => k !== "unclassified").sort());
    for (const [name, c] of classes) {
      expect(acceptedFailureClass(JSON.parse(JSON.stringify(c))), name).toEqual(c);
      const en = explainFailure(c, "en");
      const ko = explainFailure(c, "ko");
      expect(en.title, name).not.toBe(ko.title);
      expect(ko.text, name).toMatch(/[가-힣]/);
      expect(en.text, name).not.toMatch(/[가-힣]/);
      if (c.causeStep && explainsFailure(c)) {
        // Named by pid in both languages.
        expect(en.text, name).toContain(`pid ${c.causeStep.pid}`);
        expect(ko.text, name).toContain(`pid ${c.causeStep.pid}`);
      }
    }
    expect(explainFailure(classes.get("lock-order")!, "en").text).toMatch(/pid 1 \(worker\) waits for mutex "[AB]", held by pid 2; pid 2 \(worker\) waits for mutex "[AB]", held by pid 1/);
    expect(explainFailure(classes.get("unclosed-pipe")!, "en").text).toContain("pid 1 (main) waits on the read end of pipe 1 (fd 3) while the write end is still open in pid 1 (fd 4) (itself included)");
    expect(explainFailure(classes.get("early-signal")!, "ko").text).toContain("SIGUSR1의 기본 동작이 pid 1(parent)을(를) 종료시켰습니다");
    expect(explainFailure(classes.get("missed-sigchld-reap")!, "en").text).toContain("signals do not queue");
  });

  it("only the specific classes say more than the test's hint", () => {
    expect(explainsFailure({ kind: "wrong-result", evidence: { failure: "x" }, causeStep: null })).toBe(false);
    expect(explainsFailure({ kind: "unclassified", evidence: { outcome: "step-limit", failure: "x" }, causeStep: null })).toBe(false);
    expect(explainFailure({ kind: "unclassified", evidence: { outcome: "hang", failure: "x" }, causeStep: null }, "en").title).toBe("Unclassified failure");
  });

  it("the host refuses classes of the wrong shape or size", async () => {
    const c = (await zooClasses()).get("lock-order")!;
    const json = JSON.parse(JSON.stringify(c)) as Record<string, unknown>;
    expect(acceptedFailureClass(undefined)).toBeUndefined();
    expect(acceptedFailureClass({ ...json, kind: "made-up" })).toBeUndefined();
    expect(acceptedFailureClass({ ...json, extra: 1 })).toBeUndefined();
    expect(acceptedFailureClass({ ...json, causeStep: { event: -1, step: 0, pid: 1 } })).toBeUndefined();
    const evidence = json.evidence as { waits: unknown[] };
    expect(acceptedFailureClass({ ...json, evidence: { ...evidence, waits: Array.from({ length: 17 }, () => evidence.waits[0]) } })).toBeUndefined();
    const waits = evidence.waits as Array<{ process: { pid: number; name: string } }>;
    const longName = [{ ...waits[0], process: { pid: 1, name: "x".repeat(65) } }];
    expect(acceptedFailureClass({ ...json, evidence: { ...evidence, waits: longName } })).toBeUndefined();
    expect(acceptedFailureClass({ kind: "wrong-result", evidence: { failure: "y".repeat(501) }, causeStep: null })).toBeUndefined();
    expect(acceptedFailureClass({ kind: "signal-fatal", evidence: { signal: "<b>", process: { pid: 1, name: "p" }, from: null, sentAt: null, killedAt: null }, causeStep: null })).toBeUndefined();
  });
});
