import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gradeSource } from "./grade-source";
import type { Lang, TestReport } from "./types";

/**
 * Grading known-buggy programs reports each failure by its class, in the student's language:
 * the explanation comes first in the message (the test's hint after it), the report carries
 * the class's evidence, and the counterexample's trace says which step caused the failure.
 */
const EXERCISES = path.resolve(import.meta.dirname, "../../exercises");
const source = (slug: string, file: string) => fs.readFileSync(path.join(EXERCISES, slug, file), "utf8");

async function failedTest(slug: string, file: string, testId: string, lang: Lang): Promise<TestReport> {
  const report = await gradeSource({ exercise: slug, source: source(slug, file) }, undefined, { lang, log: () => {} });
  expect(report.verdict).toBe("graded");
  const test = report.tests.find((t) => t.id === testId);
  expect(test?.passed).toBe(false);
  return test!;
}

type TraceWithCause = { events: Array<Record<string, unknown>>; cause?: { event: number; step: number; pid: number } };

function causeEvent(test: TestReport): Record<string, unknown> {
  const trace = test.trace as TraceWithCause;
  expect(trace.cause).toEqual(test.failureClass!.causeStep);
  return trace.events[trace.cause!.event];
}

describe("failure classes in grade reports", () => {
  it("a mutex per teller: a lost update, caused by the store that overwrote the other teller's update", async () => {
    const en = await failedTest("fix-the-race", "mutants/mutex-per-teller.ts", "two-tellers", "en");
    const ko = await failedTest("fix-the-race", "mutants/mutex-per-teller.ts", "two-tellers", "ko");
    for (const t of [en, ko]) {
      expect(t.failureClass?.kind).toBe("lost-update");
      if (t.failureClass?.kind !== "lost-update") return;
      const e = t.failureClass.evidence;
      expect(e.writer.name).toBe("teller");
      expect(e.other.name).toBe("teller");
      expect(e.writer.pid).not.toBe(e.other.pid);
      expect(causeEvent(t)).toMatchObject({ kind: "shm-write", name: "store", pid: e.writer.pid, value: e.store.value });
    }
    expect(en.message).toMatch(/^Lost update: pid \d+ \(teller\) read \d+ from shared cell \[0\]/);
    expect(en.message).toContain("This test's hint: Two processes can interleave");
    expect(en.failureClass!.title).toBe("Lost update");
    expect(ko.message).toMatch(/^갱신 손실: pid \d+\(teller\)이\(가\) 공유 메모리 칸 \[0\]/);
    expect(ko.message).toContain("이 테스트의 힌트: 두 프로세스가");
    // The same evidence whatever the language (the seed comes from the exercise and the test).
    expect(ko.failureClass!.evidence).toEqual(en.failureClass!.evidence);
  });

  it("the unfixed starter: a lost update with the two conflicting accesses, even though its failing run lost nothing", async () => {
    const t = await failedTest("fix-the-race", "starter.ts", "two-tellers", "en");
    expect(t.failureClass?.kind).toBe("lost-update");
    if (t.failureClass?.kind !== "lost-update") return;
    const e = t.failureClass.evidence;
    expect(e.happened).toBe(false);
    expect(e.writer.name).toBe("teller");
    expect(e.other.name).toBe("teller");
    expect(e.writer.pid).not.toBe(e.other.pid);
    // The timeline opens on the unprotected store, not on main's exit.
    expect(causeEvent(t)).toMatchObject({ kind: "shm-write", name: "store", pid: e.writer.pid });
    expect(t.message).toMatch(/^Lost update: pid \d+ \(teller\) reads shared cell \[0\]/);
  });

  it("an uncaught error names the line of the student's TypeScript, not of the compiled JavaScript", async () => {
    const fixed = source("fix-the-race", "solution.ts");
    // Type-only lines before the error shift the compiled code's lines: the report must not.
    const broken = fixed.replace('const ACCOUNT_KEY = 0x1234;', 'type Unused = { a: number };\ninterface AlsoUnused {\n  b: string;\n}\nconst ACCOUNT_KEY = 0x1234;').replace(
      '  const lock = await mutex_create("account");',
      '  const lock = await mutex_create("account");\n  const nothing = (amount < 0 ? null : {}) as { x?: number };\n  nothing.x = 1;',
    );
    const line = broken.split("\n").findIndex((l) => l.includes("nothing.x = 1")) + 1;
    const report = await gradeSource({ exercise: "fix-the-race", source: broken }, undefined, { lang: "en", log: () => {} });
    const t = report.tests.find((x) => x.failureClass?.kind === "runtime-error");
    expect(t).toBeDefined();
    if (t?.failureClass?.kind !== "runtime-error") return;
    expect(t.failureClass.evidence.line).toBe(line);
    expect(t.message).toContain(`at line ${line} of your code`);
    expect(causeEvent(t)).toMatchObject({ kind: "error", line });
  });

  it("no unlock on the refused path: the lock never released, not the test's hint about sharing one lock", async () => {
    const t = await failedTest("fix-the-race", "mutants/no-unlock-when-refused.ts", "three-tellers", "en");
    expect(t.failureClass?.kind).toBe("lock-not-released");
    if (t.failureClass?.kind !== "lock-not-released") return;
    expect(t.failureClass.evidence.lock).toMatchObject({ kind: "mutex", name: "account" });
    expect(causeEvent(t)).toMatchObject({ kind: "exit", pid: t.failureClass.evidence.holder.pid });
    expect(t.message).toMatch(/^Lock never released: pid \d+ \(teller\) exited \(step \d+\) still holding mutex "account"/);
    // The hint that used to describe the wrong mistake is only the fallback now.
    expect(t.message.indexOf("every teller uses the same lock")).toBeGreaterThan(t.message.indexOf("try/finally"));
  });

  it("the dining philosophers' starter: a deadlock cycle of forks, caused by the last lock attempt", async () => {
    const en = await failedTest("dining-philosophers", "starter.ts", "two-philosophers", "en");
    const ko = await failedTest("dining-philosophers", "starter.ts", "two-philosophers", "ko");
    for (const t of [en, ko]) {
      expect(t.failureClass?.kind).toBe("deadlock");
      if (t.failureClass?.kind !== "deadlock") return;
      const { cycle, waits } = t.failureClass.evidence;
      expect(cycle).toBe(true);
      expect(waits.map((w) => w.object.kind)).toEqual(["mutex", "mutex"]);
      expect(waits[0].heldBy[0].pid).toBe(waits[1].process.pid);
      expect(waits[1].heldBy[0].pid).toBe(waits[0].process.pid);
      expect(causeEvent(t)).toMatchObject({ kind: "block", name: "mutex_lock" });
    }
    expect(en.message).toMatch(/^Deadlock: The processes wait for each other in a cycle: pid \d+ \(philosopher\) waits for mutex "fork-\d"/);
    expect(ko.message).toMatch(/^교착 상태: 프로세스들이 서로를 기다리는 순환이 생겼습니다: pid \d+\(philosopher\)이\(가\) 뮤텍스 "fork-\d"/);
  });

  it("a wrong result keeps the test's hint first and states the class", async () => {
    const t = await failedTest("pipe-pipeline", "mutants/hard-coded-command.ts", "other-file-and-pattern", "en");
    expect(t.failureClass?.kind).toBe("wrong-result");
    expect(t.failureClass?.causeStep).toBeNull();
    expect((t.trace as TraceWithCause).cause).toBeUndefined();
    expect(t.message).not.toMatch(/^Wrong result/);
    expect(t.message).not.toContain("This test's hint");
  });
});
