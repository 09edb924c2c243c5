import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkDinner, tableScenario } from "./shared";

// Each table is as small as the mistake it targets needs (small-scope hypothesis). Five
// philosophers keep two meals each: the five-way cycle needs every one of them to hold a fork at
// once, and the uniformly random runs find it more often with a second round of meals (with one
// meal each, the starter's left-then-right cycle went unfound).
export default defineTests([
  {
    id: "five-philosophers",
    title: { ko: "철학자 다섯 명", en: "Five philosophers" },
    points: 35,
    message: {
      ko: "교착 상태(deadlock)에는 순환 대기(circular wait)가 필요합니다. 모든 철학자가 같은 규칙으로 포크를 집으면 원이 닫힐 수 있습니다. 순환을 원천적으로 불가능하게 만드는 규칙은 무엇일까요?",
      en: "A deadlock needs a circular wait. If every philosopher picks up forks by the same rule, the circle can close. What rule makes a cycle impossible in the first place?",
    },
    scenario: tableScenario(5, 2),
    check: checkDinner(5, 2),
  },
  {
    id: "two-philosophers",
    title: { ko: "철학자 두 명, 포크 두 개", en: "Two philosophers, two forks" },
    points: 20,
    message: {
      ko: "철학자가 둘뿐이면 두 사람이 같은 두 포크를 씁니다. 포크 번호 계산이 식탁 끝에서 어떻게 되는지 확인하세요.",
      en: "With only two philosophers, both use the same two forks. Check what your fork numbering does at the end of the table.",
    },
    scenario: tableScenario(2, 1),
    explore: { budget: 60 },
    check: checkDinner(2, 1),
  },
  {
    id: "everyone-eats",
    title: { ko: "모두가 정해진 만큼 먹는다", en: "Everyone eats every meal" },
    points: 25,
    message: {
      ko: "교착 상태를 피하려고 포기하는 철학자는 굶습니다. 모든 철학자가 정해진 횟수만큼 먹어야 합니다. 포크를 기다리는 동안 바쁜 대기 없이 잠드는 방법을 생각해 보세요.",
      en: "A philosopher who gives up to avoid a deadlock goes hungry. Every philosopher must eat the required number of times. Think of a way to wait for a fork by sleeping, not by spinning.",
    },
    scenario: tableScenario(2, 2),
    explore: { budget: 60 },
    check: checkDinner(2, 2),
  },
  {
    id: "three-philosophers",
    title: { ko: "철학자 세 명, 이웃과 동시에 먹지 않기", en: "Three philosophers, never next to an eating neighbour" },
    points: 20,
    message: {
      ko: "이웃한 두 철학자는 사이의 포크를 함께 쓰므로 동시에 먹을 수 없습니다. 먹기 전에 두 포크를 모두 쥐고 있어야 합니다.",
      en: "Two neighbours share the fork between them, so they can never eat at the same time. Hold both forks before eating.",
    },
    scenario: tableScenario(3, 1),
    explore: { budget: 60 },
    check: checkDinner(3, 1),
  },
]);
