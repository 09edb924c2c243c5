import { afterEach, describe, expect, it } from "vitest";
import type { JudgeScript } from "./judge-bundle";
import { callJudge, resetJudgeIsolate } from "./judge-isolate";

/**
 * A hand-written judge script (the shape judge-bundle.ts builds): each run's "snapshot" is a
 * command for the fake check, so one script can be slow, greedy or nosy on demand.
 */
const script: JudgeScript = {
  key: "judge-isolate-test",
  filename: "ipclab:judge/test.js",
  code: `globalThis.__ipclabJudge = {
    ids: { hidden: ["t"], public: [] },
    judge(suite, index, json) {
      const verdicts = JSON.parse(json).map((run) => {
        if (run === "spin") for (;;) {}
        if (run === "hog") { const hog = []; for (;;) hog.push(new Array(1e6).fill(run)); }
        if (run === "env") return [typeof process, typeof require, typeof setTimeout, typeof globalThis.__ipclabJudge].join(",");
        return run === "ok" ? null : "failed: " + suite + " " + index + " " + run;
      });
      return JSON.stringify({ verdicts, errors: [] });
    },
  };`,
};

const judge = (runs: string[], timeoutMs = 5000) => callJudge(script, "hidden", 0, JSON.stringify(runs), timeoutMs);

afterEach(() => resetJudgeIsolate());

describe("the judge isolate", () => {
  it("judges a batch and returns the verdicts", () => {
    expect(judge(["ok", "bad"])).toEqual({ kind: "ok", answer: { verdicts: [null, "failed: hidden 0 bad"], errors: [] } });
  });

  it("runs the checks without Node, timers or the judge's own global", () => {
    expect(judge(["env"])).toEqual({ kind: "ok", answer: { verdicts: ["undefined,undefined,undefined,undefined"], errors: [] } });
  });

  it("stops a check that runs past the time it is given, then works again on a fresh isolate", () => {
    const started = performance.now();
    expect(judge(["spin"], 200)).toEqual({ kind: "timeout" });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(judge(["ok"])).toEqual({ kind: "ok", answer: { verdicts: [null], errors: [] } });
  });

  it("stops a check that exhausts the judge's heap, then works again on a fresh isolate", () => {
    expect(judge(["hog"], 20_000)).toEqual({ kind: "memory" });
    expect(judge(["ok"])).toEqual({ kind: "ok", answer: { verdicts: [null], errors: [] } });
  });

  it("reports a malformed answer from the judge as an error", () => {
    const liar: JudgeScript = { ...script, key: "liar", code: `globalThis.__ipclabJudge = { ids: { hidden: [], public: [] }, judge: () => JSON.stringify({ verdicts: [1], errors: [] }) };` };
    expect(callJudge(liar, "hidden", 0, "[]", 1000)).toMatchObject({ kind: "error" });
  });
});
