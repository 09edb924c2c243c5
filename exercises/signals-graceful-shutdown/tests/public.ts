import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkGraceful, shutdownScenario } from "./shared";

export default defineTests([
  {
    id: "one-worker-sigint",
    title: { ko: "워커 하나, SIGINT", en: "One worker, SIGINT" },
    points: 0,
    message: {
      ko: "SIGINT가 오면 워커가 하던 작업을 끝내고 정상 종료하고, 감독이 그 워커를 거둔 뒤 정상 종료해야 합니다.",
      en: "On SIGINT the worker finishes its job and exits normally, and the supervisor reaps it and exits normally.",
    },
    scenario: shutdownScenario(1, "SIGINT", 2.5),
    explore: { budget: 30 },
    check: checkGraceful(1),
  },
]);
