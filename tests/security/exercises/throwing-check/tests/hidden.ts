import { defineTests } from "../../../../../lib/grader/exercises/test-definition";

export default defineTests([
  {
    id: "says-hello",
    title: { ko: "인사하기", en: "Say hello" },
    points: 100,
    message: { ko: "hello를 출력해야 합니다.", en: "Print hello." },
    scenario: { main: "main" },
    // Assumes pid 1 printed something: on a silent program it throws a TypeError whose message
    // quotes this code ("reading 'trimEnd'"); the marker must never reach a report either.
    check: (s) => {
      const said = (s.output["1"] as string).trimEnd();
      if (said === "boom") throw new Error("HIDDEN-CHECK-DETAIL-91c2");
      return said === "hello" ? null : `printed ${JSON.stringify(said)}`;
    },
  },
]);
