import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkPipeline, checkReaped, makeLog, pipelineScenario } from "./shared";

const log = makeLog(12, 7);

export default defineTests([
  {
    id: "tiny-log",
    title: { ko: "짧은 로그의 ERROR 줄 세기", en: "Counts the ERROR lines of a short log" },
    points: 0,
    message: {
      ko: "“cat access.log | grep ERROR | wc -l”과 같은 값을 wc가 출력해야 합니다. 멈춘다면(deadlock) 어떤 프로세스가 어떤 파이프의 쓰기 끝을 들고 있는지 보세요.",
      en: "wc must print what “cat access.log | grep ERROR | wc -l” prints. If the run deadlocks, look at which process still holds a write end of which pipe.",
    },
    scenario: pipelineScenario("access.log", "ERROR", log),
    explore: { budget: 10 },
    check: checkPipeline(log, "ERROR"),
  },
  {
    id: "tiny-log-reaped",
    title: { ko: "짧은 로그: 좀비 없음", en: "Short log: no zombies" },
    points: 0,
    message: { ko: "main은 끝나기 전에 자식을 모두 거둬야 합니다.", en: "main must reap every child before it returns." },
    scenario: pipelineScenario("access.log", "ERROR", log),
    explore: { budget: 10 },
    check: checkReaped,
  },
]);
