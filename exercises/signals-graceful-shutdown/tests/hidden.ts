import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { afterReapScenario, checkGraceful, shutdownScenario, startupScenario } from "./shared";

// Each scenario is as small as the mistake it targets needs (small-scope hypothesis): one worker
// where the point is how a job and the supervisor's handler meet a signal (the exploration then
// covers every schedule with up to two preemptions), several only where several children are the
// point (three reaped together, a start-up interrupted between two spawns, one reaped before the
// other).
export default defineTests([
  {
    id: "sigint-mid-job",
    title: { ko: "작업 도중 SIGINT (Ctrl-C)", en: "SIGINT (Ctrl-C) in the middle of a job" },
    points: 30,
    message: {
      ko: "SIGINT를 받은 감독 프로세스는 워커들에게 종료를 알리고, 워커는 하던 작업을 끝낸 뒤 스스로 정상 종료해야 합니다. 처리기가 실행되면 그때 잠들어 있던 호출(sleep, wait, pause…)은 EINTR로 끝날 수 있다는 것을 잊지 마세요.",
      en: "On SIGINT the supervisor tells its workers to stop, and each worker finishes the job it is doing, then exits normally on its own. Remember that when a handler runs, the call that was sleeping (sleep, wait, pause…) may end with EINTR.",
    },
    scenario: shutdownScenario(1, "SIGINT", 2.5),
    check: checkGraceful(1),
  },
  {
    id: "sigterm",
    title: { ko: "SIGTERM도 같은 방식으로 종료", en: "SIGTERM shuts down the same way" },
    points: 20,
    message: {
      ko: "kill 명령이나 서비스 관리자는 SIGINT가 아니라 SIGTERM을 보냅니다. 처리기를 설치하지 않은 시그널의 기본 동작은 프로세스 종료입니다.",
      en: "The kill command and service managers send SIGTERM, not SIGINT. A signal without a handler takes its default action: terminating the process.",
    },
    scenario: shutdownScenario(1, "SIGTERM", 1.5),
    check: checkGraceful(1),
  },
  {
    id: "three-workers-reaped",
    title: { ko: "워커 셋을 모두 거둠", en: "All three workers reaped" },
    points: 25,
    message: {
      ko: "시그널은 쌓이지 않습니다. 자식 여럿이 거의 동시에 끝나면 SIGCHLD는 한 번만 전달될 수 있습니다. SIGCHLD 한 번에 자식 하나만 거두면 좀비가 남고, 남은 자식을 기다리는 감독은 영원히 잠듭니다.",
      en: "Signals do not queue: when several children exit at almost the same time, SIGCHLD may be delivered only once. Reaping one child per SIGCHLD leaves zombies, and a supervisor waiting for the rest sleeps forever.",
    },
    scenario: shutdownScenario(3, "SIGINT", 3.5),
    check: checkGraceful(3),
  },
  {
    id: "pressed-twice",
    title: { ko: "Ctrl-C를 두 번 누름", en: "Ctrl-C pressed twice" },
    points: 25,
    message: {
      ko: "두 번째 SIGINT는 종료가 진행되는 도중에 도착합니다. 감독이 SIGTERM을 다시 전달하면, 워커는 하던 작업을 마무리하려고 다시 호출한 sleep에서 또 EINTR을 받을 수 있습니다. 한 번만 다시 시도하는 것으로는 부족합니다. 종료 절차는 시그널을 여러 번 받아도 안전해야 합니다.",
      en: "The second SIGINT arrives while the shutdown is in progress. If the supervisor forwards SIGTERM again, a worker finishing its job can get EINTR again in the sleep it had resumed: retrying once is not enough. The shutdown must be safe to trigger more than once.",
    },
    scenario: shutdownScenario(1, "SIGINT", 1.5, { repeat: 2, afterYields: 4 }),
    explore: { budget: 180 },
    check: checkGraceful(1),
  },
  {
    id: "signal-while-starting",
    title: { ko: "워커를 시작하는 도중에 온 SIGTERM", en: "SIGTERM while the workers are being started" },
    points: 15,
    message: {
      ko: "시그널은 감독이 워커를 시작하는 도중에도 올 수 있습니다. 그때 이미 시작한 워커에게만 전달하면 나중에 시작한 워커는 멈추라는 말을 듣지 못하고, 처리기를 아직 설치하지 않은 워커는 기본 동작으로 죽습니다. 처리기는 언제 설치되어야 하고, 그 사이에 도착한 시그널은 어떻게 기다리게 할 수 있을까요?",
      en: "A signal can arrive while the supervisor is still starting its workers. Forwarded then to the workers started so far, it never reaches the later ones, and it kills by its default action a worker that has not installed its handler yet. When must the handlers be in place, and how can you make a signal that arrives in between wait?",
    },
    scenario: startupScenario(2, "SIGTERM", 4),
    explore: { budget: 24 },
    check: checkGraceful(2, { startup: true }),
  },
  {
    id: "pressed-after-reap",
    title: { ko: "워커 하나를 거둔 뒤 다시 누른 Ctrl-C", en: "Ctrl-C again after a worker was reaped" },
    points: 10,
    message: {
      ko: "두 번째 SIGINT가 워커 하나가 이미 끝나 거두어진 뒤에 도착합니다. 그 워커에게 다시 kill을 보내면 ESRCH가 납니다. 이미 끝난 워커는 어떻게 다뤄야 할까요?",
      en: "The second SIGINT arrives after one worker has already finished and been reaped. A kill sent to that worker again fails with ESRCH. How should a worker that is already gone be handled?",
    },
    // Paced by timers: the schedule hardly changes what happens.
    scenario: afterReapScenario("SIGINT"),
    explore: { budget: 8 },
    check: checkGraceful(2),
  },
]);
