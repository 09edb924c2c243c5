import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkPipeline, checkReaped, makeLog, pipelineScenario } from "./shared";

// Each log is as small as its test needs (small-scope hypothesis): fewer chunks through the
// pipes mean fewer scheduling decisions, so the exploration covers more of the schedules.
// 8 lines, 480 bytes (3 match ERROR): less than one 512-byte chunk of cat.
const small = makeLog(8, 3);
const other = makeLog(6, 5);
// 4309 bytes: just over the 4 KiB pipe buffer, so cat must block until grep drains the pipe.
const big = makeLog(75, 11);
// No line of the log says FATAL: grep finds nothing, prints nothing and exits with status 1,
// as the real grep does. Its failure is the pipeline's answer (0), not a reason to stop waiting.
const noMatch = "FATAL";
const checkNoMatch = checkPipeline(small, noMatch);

export default defineTests([
  {
    id: "counts-errors",
    title: { ko: "access.log의 ERROR 줄 세기", en: "Counts the ERROR lines of access.log" },
    points: 30,
    message: {
      ko: "파이프의 읽는 쪽은 모든 프로세스에서 그 파이프의 쓰기 끝이 전부 닫혀야 EOF를 봅니다. 부모와 각 자식이 들고 있는 fd를 하나씩 세어 보세요. 쓰지 않는 끝을 열어 둔 프로세스가 하나라도 있으면 grep이나 wc는 영원히 기다립니다.",
      en: "A pipe's reader sees EOF only once every write end of that pipe is closed, in every process. Count the descriptors the parent and each child hold: if any process keeps an end it does not use, grep or wc waits forever.",
    },
    scenario: pipelineScenario("access.log", "ERROR", small),
    explore: { budget: 32 },
    check: checkPipeline(small, "ERROR"),
  },
  {
    id: "other-file-and-pattern",
    title: { ko: "다른 파일, 다른 패턴", en: "Another file and pattern" },
    points: 15,
    message: {
      ko: "파일 이름과 패턴은 main의 인자로 주어집니다. 고정된 값을 쓰지 마세요.",
      en: "The file name and the pattern come from main's arguments; do not hard-code them.",
    },
    scenario: pipelineScenario("logs/app.log", "WARN", other),
    explore: { budget: 32 },
    check: checkPipeline(other, "WARN"),
  },
  {
    id: "big-log",
    title: { ko: "파이프 버퍼보다 큰 로그", en: "A log larger than the pipe buffer" },
    points: 30,
    message: {
      ko: "파이프 버퍼는 유한합니다(4 KiB). 버퍼가 차면 쓰는 쪽은 누군가 읽어 갈 때까지 멈춥니다. 파이프라인의 단계들은 동시에 실행되어야 합니다. 한 단계가 끝나기를 기다린 뒤 다음 단계를 시작하면 어떻게 될까요?",
      en: "A pipe buffer is finite (4 KiB): when it is full, the writer stops until someone reads. The stages of a pipeline must run at the same time. What happens if you wait for one stage to finish before starting the next?",
    },
    scenario: pipelineScenario("access.log", "ERROR", big),
    explore: { budget: 24 },
    check: checkPipeline(big, "ERROR"),
  },
  {
    id: "reaps-children",
    title: { ko: "좀비 프로세스를 남기지 않음", en: "Leaves no zombie processes" },
    points: 25,
    message: {
      ko: "끝난 자식은 부모가 wait/waitpid로 거둘 때까지 좀비로 남아 프로세스 테이블 자리를 차지합니다. 세 단계 모두 거두었나요? main이 먼저 끝나 버리면 그 자식들은 누가 거둘까요?",
      en: "A finished child stays a zombie, holding a process-table slot, until its parent reaps it with wait/waitpid. Did you reap all three stages? And if main returns first, who will reap its children?",
    },
    scenario: pipelineScenario("access.log", "ERROR", small),
    explore: { budget: 32 },
    check: checkReaped,
  },
  {
    id: "no-match",
    title: { ko: "일치하는 줄이 없을 때", en: "When no line matches" },
    points: 15,
    message: {
      ko: "일치하는 줄이 없으면 grep은 아무것도 출력하지 않고 종료 상태 1로 끝납니다. 파이프라인의 결과는 여전히 0이고, 나머지 단계도 끝까지 거둬야 합니다. 한 단계의 종료 상태가 0이 아니라고 나머지를 기다리지 않으면 어떻게 될까요?",
      en: "When no line matches, grep prints nothing and exits with status 1. The pipeline's result is still 0, and the other stages must still be reaped. What happens if a stage's non-zero status makes you stop waiting for the rest?",
    },
    scenario: pipelineScenario("access.log", noMatch, small),
    explore: { budget: 32 },
    check: (s) => checkNoMatch(s) ?? checkReaped(s),
  },
]);
