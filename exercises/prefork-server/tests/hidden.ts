import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkServer, serverScenario, type Setup } from "./shared";

// Each scenario is as small as the mistake it targets needs (small-scope hypothesis): two
// workers racing on one key, one kill per pool, two kills for the merged SIGCHLDs.
const load: Setup = { workers: 2, queued: [1, 1, 2], streamed: [2] };
const killed: Setup = { workers: 2, queued: [1, 2, 1, 3], kills: [[0, 4]] };
const alone: Setup = { workers: 1, queued: [1, 2, 1, 2], kills: [[0, 3]] };
const twoKilled: Setup = { workers: 3, queued: [1, 2, 3, 1, 2, 3], kills: [[0, 3], [1, 4]] };
// The jobs done, worker 0 is killed and SIGTERM follows within a few steps: it lands while the
// supervisor reaps, forks the replacement or goes back to waiting.
const termWhileReplacing: Setup = { workers: 1, queued: [], termWhileReplacing: { worker: 0, yields: 0 } };

export default defineTests([
  {
    id: "under-load",
    title: { ko: "부하 속의 공유 캐시", en: "The shared cache under load" },
    points: 30,
    message: {
      ko: "작업마다 정확히 한 번 처리되어야 하고, 키마다 계산은 한 번이어야 합니다 (캐시 미스 수 = 서로 다른 키의 수). 캐시를 확인하고, 없으면 계산해서 저장하는 과정 전체가 임계 구역입니다. SIGTERM을 받으면 워커를 모두 멈추고 거둔 뒤 종료하세요.",
      en: "Every job must be processed exactly once and every key computed once (cache misses = distinct keys). Checking the cache, computing on a miss and storing is one critical section. On SIGTERM, stop every worker, reap them and exit.",
    },
    scenario: serverScenario(load),
    explore: { budget: 60 },
    check: checkServer(load),
  },
  {
    id: "worker-killed",
    title: { ko: "작업 중에 죽은 워커", en: "A worker killed mid-work" },
    points: 30,
    message: {
      ko: "SIGKILL은 잡을 수 없어서 워커는 어디서든 죽을 수 있습니다 — 락을 쥔 채로도요. 그래도 나머지 작업은 모두 처리되어야 하고, 풀(pool)은 다시 N개의 워커로 돌아와야 합니다. 죽은 프로세스가 쥐고 있던 세마포어를 커널이 되돌려 주게 하는 플래그가 있습니다.",
      en: "SIGKILL cannot be caught, so a worker can die anywhere — even holding the lock. All other jobs must still be processed and the pool must be back to N workers. There is a flag that makes the kernel undo a dead process's semaphore operations.",
    },
    scenario: serverScenario(killed),
    explore: { budget: 60 },
    check: checkServer(killed),
  },
  {
    id: "single-worker-killed",
    title: { ko: "워커가 하나뿐일 때", en: "A pool of one" },
    points: 20,
    message: {
      ko: "하나뿐인 워커가 죽으면 대신할 워커를 포크하지 않는 한 아무도 남은 작업을 처리하지 않습니다. 감독자는 자식의 종료를 알아차려(SIGCHLD/wait) 새 워커를 만들어야 합니다.",
      en: "When the only worker dies, nobody processes the remaining jobs unless a replacement is forked. The supervisor must notice the child's death (SIGCHLD/wait) and fork a new worker.",
    },
    scenario: serverScenario(alone),
    explore: { budget: 60 },
    check: checkServer(alone),
  },
  {
    id: "two-workers-killed",
    title: { ko: "워커 둘이 연달아 죽을 때", en: "Two workers killed" },
    points: 20,
    message: {
      ko: "시그널은 쌓이지 않습니다: 자식 둘이 거의 동시에 죽으면 SIGCHLD는 한 번만 올 수 있습니다. 종료된 자식을 하나도 놓치지 않고 모두 거두고 대체하세요.",
      en: "Signals do not queue: two children dying at nearly the same time may raise SIGCHLD only once. Reap and replace every dead child without missing one.",
    },
    scenario: serverScenario(twoKilled),
    explore: { budget: 50 },
    check: checkServer(twoKilled),
  },
  {
    id: "sigterm-while-replacing",
    title: { ko: "워커를 교체하는 도중에 온 SIGTERM", en: "SIGTERM while a worker is being replaced" },
    points: 15,
    message: {
      ko: "SIGTERM은 감독자가 어디에 있든 도착할 수 있습니다: 죽은 워커를 거두는 중에도, 대신할 워커를 포크하는 중에도, 다시 기다리러 들어가기 직전에도요. 그 순간에 포크한 워커도 멈춰야 하고, 플래그를 확인한 뒤 pause()를 부르기 전에 처리된 시그널은 pause()를 깨우지 못합니다.",
      en: "SIGTERM can arrive wherever the supervisor is: while it reaps a dead worker, while it forks the replacement, just before it goes back to waiting. A worker forked at that moment must be stopped too, and a signal handled after you check a flag but before you call pause() does not wake pause().",
    },
    scenario: serverScenario(termWhileReplacing),
    explore: { strategy: "exhaustive", budget: 60, maxPreemptions: 1 },
    check: checkServer(termWhileReplacing),
  },
]);
