import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkServer, serverScenario, type Setup } from "./shared";

const quiet: Setup = { workers: 2, queued: [1, 2, 1, 2] };

export default defineTests([
  {
    id: "two-workers-four-jobs",
    title: { ko: "워커 둘, 작업 넷", en: "Two workers, four jobs" },
    points: 0,
    message: {
      ko: "작업은 정확히 한 번씩 처리되어야 하고, 키마다 계산은 한 번이어야 합니다. 일이 끝나면 SIGTERM이 옵니다: 워커를 멈추고 거둔 뒤 상태 0으로 끝나세요.",
      en: "Each job must be processed exactly once and each key computed once. When the work is done, SIGTERM arrives: stop the workers, reap them and exit with status 0.",
    },
    scenario: serverScenario(quiet),
    explore: { budget: 40 },
    check: checkServer(quiet),
  },
]);
