import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { arrivalsScenario, checkArrivals, checkCleanShutdown, checkExactlyOnce, checkPriorityOrder, jobs, mqScenario } from "./shared";

const twoProducers = [jobs("a", 1), jobs("b", 1, [1])];
// Fewer producers than consumers: a sentinel per producer leaves a consumer waiting forever.
const oneProducer = [jobs("a", 1)];
// Already in the queue, in this arrival order, before main starts.
// Sent while the consumer waits on the empty queue, in this order.
const arrivals = [...jobs("bulk", 1, [3]), ...jobs("urgent", 1, [1])];
const waiting = [...jobs("bulk", 2, [3]), ...jobs("norm", 2, [2]), ...jobs("urgent", 2, [1]), ...jobs("late", 2, [3, 1])];

export default defineTests([
  {
    id: "no-job-lost",
    title: { ko: "생산자 둘, 소비자 하나: 작업 유실 없음", en: "Two producers, one consumer: no job lost" },
    points: 25,
    message: {
      ko: "소비자는 종료 신호(sentinel)를 받았을 때만 끝나야 하고, 그 신호는 모든 작업이 큐에 들어간 뒤에 보내야 합니다. 큐가 잠깐 비었다는 것은 작업이 끝났다는 뜻이 아닙니다.",
      en: "A consumer must stop only when it receives a sentinel, and the sentinel must be sent only after every job is in the queue. A queue that is empty for a moment does not mean the work is over.",
    },
    scenario: mqScenario(twoProducers, 1),
    check: checkExactlyOnce(twoProducers),
  },
  {
    id: "every-consumer-stops",
    title: { ko: "생산자 하나, 소비자 둘: 모두 깔끔하게 끝남", en: "One producer, two consumers: all stop cleanly" },
    points: 25,
    message: {
      ko: "메시지 하나는 소비자 하나만 받습니다. 소비자가 여럿이면 종료 신호는 몇 개가 필요할까요?",
      en: "Each message is received by exactly one consumer. With several consumers, how many sentinels do you need?",
    },
    scenario: mqScenario(oneProducer, 2),
    check: checkExactlyOnce(oneProducer),
  },
  {
    id: "urgent-first",
    title: { ko: "급한 작업(낮은 type)부터 처리", en: "Urgent jobs (lower type) first" },
    points: 30,
    message: {
      ko: "큐에 기다리는 작업이 여럿이면 type이 가장 작은 것부터 받아야 합니다 (같은 type끼리는 도착 순서). msgrcv의 type 인자가 0, 양수, 음수일 때 각각 어떤 메시지를 고르는지 확인하세요. 종료 신호도 메시지이므로 그 type이 작업들과 비교해 어디에 놓이는지도 생각해 보세요.",
      en: "When several jobs are waiting, the one with the lowest type must be received first (arrival order among equal types). Check which message msgrcv picks when its type argument is 0, positive or negative. The sentinel is a message too: think about where its type sorts among the jobs'.",
    },
    scenario: mqScenario([], 1, waiting),
    explore: { budget: 40 },
    check: checkPriorityOrder(waiting),
  },
  {
    id: "urgent-arrives-while-waiting",
    title: { ko: "기다리는 동안 도착한 급한 작업부터", en: "Urgent job first when several arrive while the consumer waits" },
    points: 15,
    message: {
      ko: "소비자가 빈 큐에서 기다리는 동안 작업 여러 개가 한꺼번에 도착할 수 있습니다. 그때도 가장 급한 작업부터 받아야 합니다. 큐가 비어 있을 때 기다리는 msgrcv는 어떤 type을 요청하나요?",
      en: "Several jobs may arrive together while a consumer waits on the empty queue; it must still take the most urgent one first. Which type does your msgrcv ask for when it waits on an empty queue?",
    },
    scenario: arrivalsScenario(arrivals),
    explore: { budget: 10 },
    check: checkArrivals(arrivals),
  },
  {
    id: "clean-shutdown",
    title: { ko: "큐 삭제와 자식 회수", en: "Queue removed, children reaped" },
    points: 20,
    message: {
      ko: "System V 메시지 큐는 그것을 쓴 프로세스가 모두 끝나도 남아 있습니다. 모든 소비자가 끝난 뒤에 큐를 지우고(IPC_RMID), 모든 자식을 거두세요. 너무 일찍 지우면 아직 받는 중인 소비자가 EIDRM을 받습니다.",
      en: "A System V message queue outlives every process that used it. Remove it (IPC_RMID) once every consumer has finished, and reap every child. Removing it too early makes consumers that are still receiving fail with EIDRM.",
    },
    scenario: mqScenario(oneProducer, 1),
    explore: { budget: 150 }, // one producer, one consumer: every schedule with ≤ 2 preemptions fits
    check: checkCleanShutdown(oneProducer),
  },
]);
