import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { bufferScenario, checkBuffer, items, type Setup } from "./shared";

const simple: Setup = { producers: [items(0, 4)], consumers: [4], capacity: 2 };
const pairs: Setup = { producers: [items(0, 3), items(1, 3)], consumers: [3, 3], capacity: 2 };

export default defineTests([
  {
    id: "simple",
    title: { ko: "생산자 하나, 소비자 하나", en: "One producer, one consumer" },
    points: 0,
    message: {
      ko: "항목 4개가 넣은 순서대로 정확히 한 번씩 “consumed <값>” 줄로 보고되어야 합니다.",
      en: "The 4 items must each be reported exactly once, in order, with a “consumed <value>” line.",
    },
    scenario: bufferScenario(simple),
    explore: { budget: 50 },
    check: checkBuffer(simple),
  },
  {
    id: "pairs",
    title: { ko: "생산자 둘, 소비자 둘", en: "Two producers, two consumers" },
    points: 0,
    message: {
      ko: "여러 생산자와 소비자가 버퍼를 함께 써도 항목을 잃거나 두 번 소비하면 안 됩니다.",
      en: "With several producers and consumers sharing the buffer, no item may be lost or consumed twice.",
    },
    scenario: bufferScenario(pairs),
    explore: { budget: 100 },
    check: checkBuffer(pairs),
  },
]);
