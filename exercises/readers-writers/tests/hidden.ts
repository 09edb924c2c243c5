import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkRw, rwScenario, type Role } from "./shared";

// Two readers (to race on the reader count, or for one to leave while the other is still inside)
// and one writer.
const mixed: Role[] = [
  ["reader", { rounds: 1 }],
  ["reader", { rounds: 1 }],
  ["writer", { rounds: 1 }],
];
// Each reader waits inside until the other one is inside too: impossible if readers exclude each other.
const overlap: Role[] = [["reader", { meet: true }], ["reader", { meet: true }]];
// Two readers whose read sections overlap in time, over and over, until the writer has written.
const stream: Role[] = [
  ["reader", { streamUntilWrites: 1, hold: 2 }],
  ["reader", { streamUntilWrites: 1, hold: 2, delay: 1 }],
  ["writer", { delay: 1.5 }],
];
const streamTwoWriters: Role[] = [
  ["reader", { streamUntilWrites: 2, hold: 2 }],
  ["writer", { delay: 1.5 }],
  ["reader", { streamUntilWrites: 2, hold: 2, delay: 1 }],
  ["writer", { delay: 2.5, hold: 1 }],
];

export default defineTests([
  {
    id: "writers-exclusive",
    title: { ko: "작성자는 언제나 혼자", en: "A writer is always alone" },
    points: 30,
    message: {
      ko: "작성자가 안에 있는 동안에는 독자도 다른 작성자도 들어올 수 없어야 합니다. 독자 수를 세는 코드 자체도 임계 구역이라는 점을 기억하세요.",
      en: "While a writer is inside, no reader and no other writer may enter. Remember that the code counting the readers is a critical section too.",
    },
    scenario: rwScenario(mixed),
    check: checkRw(mixed),
  },
  {
    id: "readers-overlap",
    title: { ko: "독자끼리는 동시에", en: "Readers share the room" },
    points: 25,
    message: {
      ko: "이 테스트의 독자들은 다른 독자가 들어올 때까지 안에서 기다립니다. 독자끼리 서로를 배제하면 영원히 기다리게 됩니다. 읽기만 하는 프로세스들은 동시에 안에 있어도 됩니다.",
      en: "The readers in this test wait inside until another reader has come in. If readers exclude each other, they wait forever. Processes that only read may be inside together.",
    },
    scenario: rwScenario(overlap),
    check: checkRw(overlap),
  },
  {
    id: "writer-not-starved",
    title: { ko: "끊임없는 독자 속의 작성자", en: "A writer amid a stream of readers" },
    points: 30,
    message: {
      ko: "독자들이 번갈아 겹쳐 들어오면 독자 수는 0이 되지 않고, '마지막 독자가 나갈 때까지' 기다리는 작성자는 영원히 기다립니다. 작성자가 기다리기 시작한 뒤에 도착한 독자는 어떻게 해야 할까요?",
      en: "When readers keep overlapping, the reader count never drops to zero, and a writer waiting for 'the last reader to leave' waits forever. What should a reader that arrives after a writer started waiting do?",
    },
    scenario: rwScenario(stream),
    explore: { budget: 12 }, // the read sections are paced by timers: few schedules differ
    check: checkRw(stream),
  },
  {
    id: "two-writers-not-starved",
    title: { ko: "끊임없는 독자 속의 작성자 둘", en: "Two writers amid a stream of readers" },
    points: 15,
    message: {
      ko: "두 번째 작성자도 첫 번째처럼 결국 들어가야 합니다. 작성자가 기다리는 동안 길을 막는 장치는 작성자가 나갈 때 다시 풀려야 합니다.",
      en: "The second writer must get in eventually too. Whatever blocks new readers while a writer waits must be released again when the writer leaves.",
    },
    scenario: rwScenario(streamTwoWriters),
    explore: { budget: 12 }, // the read sections are paced by timers: few schedules differ
    check: checkRw(streamTwoWriters),
  },
]);
