import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { bankScenario, checkBank } from "./shared";

const two: Array<[number, number]> = [[50, 2], [-30, 2]];
const three: Array<[number, number]> = [[10, 3], [20, 2], [-5, 3]];
const withdrawals: Array<[number, number]> = [[-30, 2], [-30, 2]];

export default defineTests([
  {
    id: "two-tellers",
    title: { ko: "두 창구가 동시에 입출금", en: "Two tellers at once" },
    points: 30,
    message: {
      ko: "두 프로세스가 잔액을 읽고-계산하고-쓰는 사이에 서로 끼어들 수 있습니다. 읽기부터 쓰기까지가 하나의 임계 구역입니다.",
      en: "Two processes can interleave between reading, computing and writing the balance. The whole read-modify-write is one critical section.",
    },
    scenario: bankScenario(100, two),
    check: checkBank(100, two),
  },
  {
    id: "three-tellers",
    title: { ko: "세 창구, 여러 번 반복", en: "Three tellers, several rounds" },
    points: 25,
    message: {
      ko: "모든 창구가 같은 잠금을 써야 상호 배제가 됩니다.",
      en: "Mutual exclusion only works when every teller uses the same lock.",
    },
    scenario: bankScenario(0, three),
    check: checkBank(0, three),
  },
  {
    id: "refused-withdrawal",
    title: { ko: "거절된 출금 뒤에도 계속 동작", en: "Keeps working after a refused withdrawal" },
    points: 25,
    message: {
      ko: "출금이 거절되어 예외가 난 경로에서도 잠금을 놓아야 합니다. 그렇지 않으면 다른 창구가 영원히 기다립니다.",
      en: "The lock must be released on the path where a withdrawal is refused and throws; otherwise the other tellers wait forever.",
    },
    // 10 - 30 is refused; the deposits must still go through, before or after it.
    scenario: bankScenario(10, [[-30, 1], [25, 2]]),
    check: checkBank(10, [[-30, 1], [25, 2]]),
  },
  {
    id: "no-overdraft",
    title: { ko: "두 창구가 동시에 출금해도 마이너스 잔액 없음", en: "No overdraft when two tellers withdraw at once" },
    points: 20,
    message: {
      ko: "잔액이 충분한지 확인하는 것과 실제로 빼는 것 사이에 다른 창구가 먼저 돈을 뺄 수 있습니다. 확인도 임계 구역의 일부입니다 (check-then-act).",
      en: "Between checking that the balance is sufficient and actually withdrawing, another teller may withdraw first. The check is part of the critical section too (check-then-act).",
    },
    // 100 covers three withdrawals of 30, never four: exactly one must be refused.
    scenario: bankScenario(100, withdrawals),
    check: checkBank(100, withdrawals),
  },
]);
