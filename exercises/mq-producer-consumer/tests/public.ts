import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkCleanShutdown, jobs, mqScenario } from "./shared";

const one = [jobs("p", 4)];

export default defineTests([
  {
    id: "one-producer-one-consumer",
    title: { ko: "생산자 하나, 소비자 하나", en: "One producer, one consumer" },
    points: 0,
    message: {
      ko: "보낸 작업은 모두 정확히 한 번씩 “done <id>” 줄로 보고되어야 합니다.",
      en: "Every job sent must be reported exactly once with a “done <id>” line.",
    },
    scenario: mqScenario(one, 1),
    explore: { budget: 30 },
    check: checkCleanShutdown(one),
  },
]);
