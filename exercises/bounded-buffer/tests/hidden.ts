import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { bufferScenario, checkBuffer, items, type Setup } from "./shared";

// Each scenario is as small as the mistake it targets needs (small-scope hypothesis): fewer
// steps per run let the exploration cover more of the schedules within its budget.
const fifo: Setup = { producers: [items(0, 2)], consumers: [2], capacity: 2 };
const twoAndTwo: Setup = { producers: [items(0, 1), items(1, 1)], consumers: [1, 1], capacity: 2 };
const tiny: Setup = { producers: [items(0, 2)], consumers: [2], capacity: 1 };
const uneven: Setup = { producers: [items(0, 1), items(1, 1), items(2, 1)], consumers: [1, 2], capacity: 2 };

export default defineTests([
  {
    id: "one-and-one",
    title: { ko: "생산자 하나, 소비자 하나: 넣은 순서대로", en: "One producer, one consumer: in order" },
    points: 25,
    message: {
      ko: "버퍼가 비어 있을 때 소비자가, 가득 찼을 때 생산자가 기다려야 합니다. 그런데 기다리는 동안 다른 쪽이 들어와야 할 락을 쥐고 있지는 않나요? 또 링 버퍼는 FIFO입니다. 먼저 넣은 항목이 먼저 나오나요?",
      en: "A consumer must wait while the buffer is empty, and a producer while it is full. While waiting, do they hold a lock the other side needs to get in? And a ring buffer is FIFO: does the item put in first come out first?",
    },
    scenario: bufferScenario(fifo),
    explore: { budget: 150 },
    check: checkBuffer(fifo),
  },
  {
    id: "two-and-two",
    title: { ko: "생산자 둘, 소비자 둘", en: "Two producers, two consumers" },
    points: 30,
    message: {
      ko: "empty와 full은 빈칸과 찬 칸의 개수만 셉니다. 생산자 둘이 동시에 빈칸이 있다는 것을 확인하면, 둘이 같은 칸에 쓰지 않는다는 보장은 무엇이 해 주나요? 소비자 쪽도 마찬가지입니다. 칸과 인덱스를 다루는 모든 단계를 보호해야 합니다.",
      en: "empty and full only count free and filled slots. When two producers both learn there is a free slot, what stops them from writing the same one? The same goes for consumers. Every step that touches a slot or an index needs protection.",
    },
    scenario: bufferScenario(twoAndTwo),
    explore: { budget: 150 },
    check: checkBuffer(twoAndTwo),
  },
  {
    id: "capacity-one",
    title: { ko: "칸이 하나뿐인 버퍼", en: "A buffer with a single slot" },
    points: 25,
    message: {
      ko: "칸이 하나면 버퍼는 거의 항상 가득 찼거나 비어 있습니다. 락을 쥔 채로 empty나 full을 기다리는 프로세스가 있으면 교착 상태가 됩니다. 세마포어를 기다리는 순서를 확인하세요. 또 칸이 하나면 인덱스는 항목마다 끝에 닿습니다. 그다음에는 어디로 가야 할까요?",
      en: "With one slot the buffer is almost always full or empty. A process that waits on empty or full while holding the lock deadlocks the system. Check the order of your waits. And with one slot, an index reaches the end after every item: where does it go next?",
    },
    scenario: bufferScenario(tiny),
    explore: { budget: 150 },
    check: checkBuffer(tiny),
  },
  {
    id: "uneven",
    title: { ko: "생산자 셋, 소비자 둘, 개수가 제각각", en: "Three producers, two consumers, uneven counts" },
    points: 20,
    message: {
      ko: "생산자와 소비자의 수, 각자 처리하는 개수가 달라도 모든 항목이 정확히 한 번씩 소비되어야 합니다.",
      en: "Whatever the numbers of producers and consumers and however many items each handles, every item must be consumed exactly once.",
    },
    scenario: bufferScenario(uneven),
    explore: { budget: 100 },
    check: checkBuffer(uneven),
  },
]);
