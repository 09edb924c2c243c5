import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkDinner, tableScenario } from "./shared";

export default defineTests([
  {
    id: "three-at-the-table",
    title: { ko: "철학자 세 명, 한 끼씩", en: "Three philosophers, one meal each" },
    points: 0,
    message: {
      ko: "모두가 왼쪽 포크를 하나씩 쥔 채 오른쪽 포크를 기다리면, 누구도 다음으로 나아갈 수 없습니다. 실패 보고서의 wait-for 그래프를 따라가 보세요.",
      en: "If everyone holds a left fork and waits for the right one, nobody can ever proceed. Follow the wait-for graph in the failure report.",
    },
    scenario: tableScenario(3, 1),
    explore: { budget: 60 },
    check: checkDinner(3, 1),
  },
]);
