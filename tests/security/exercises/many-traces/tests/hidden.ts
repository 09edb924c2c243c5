import { defineTests } from "../../../../../lib/grader/exercises/test-definition";

// Ten tests that a busy program fails, each with a long counterexample trace: together their
// traces are larger than a report may be.
export default defineTests(
  Array.from({ length: 10 }, (_, i) => ({
    id: `t${i + 1}`,
    title: { ko: `테스트 ${i + 1}`, en: `Test ${i + 1}` },
    points: 10,
    message: { ko: "done을 출력해야 합니다.", en: "Print done." },
    scenario: { main: "main", args: [i] },
    check: (s) => ((s.output["1"] ?? "").includes("done") ? null : "never printed done"),
  })),
);
