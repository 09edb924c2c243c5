import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { bankScenario, checkBank } from "./shared";

const two: Array<[number, number]> = [[50, 1], [-30, 1]];
const three: Array<[number, number]> = [[10, 1], [20, 1], [-5, 1]];
const withdrawals: Array<[number, number]> = [[-30, 1], [-30, 1]];
// 20 never covers 30, and always covers 20: whatever the order, the first withdrawal is refused
// and the second goes through. Only a teller that can see the other's refused debit (applied,
// then taken back) refuses the second one too.
const oneMustPass: Array<[number, number]> = [[-30, 1], [-20, 1]];

export default defineTests([
  {
    id: "two-tellers",
    title: { ko: "두 창구가 동시에 입출금", en: "Two tellers at once" },
    points: 30,
    message: {
      ko: "두 프로세스가 잔액을 읽고-계산하고-쓰는 사이에 서로 끼어들 수 있습니다. 읽기부터 쓰기까지가 하나의 임계 구역입니다.",
      en: "Two processes can interleave between reading, computing and writing the balance. The whole read-modify-write is one critical section.",
    },
    scenario: bankScenario(40, two),
    check: checkBank(40, two),
  },
  {
    id: "three-tellers",
    title: { ko: "세 창구가 동시에", en: "Three tellers at once" },
    points: 25,
    message: {
      ko: "모든 창구가 같은 락을 써야 상호 배제가 됩니다.",
      en: "Mutual exclusion only works when every teller uses the same lock.",
    },
    scenario: bankScenario(0, three),
    explore: { budget: 95 },
    check: checkBank(0, three),
  },
  {
    id: "refused-withdrawal",
    title: { ko: "거절된 출금 뒤에도 계속 동작", en: "Keeps working after a refused withdrawal" },
    points: 25,
    message: {
      ko: "출금이 거절되어 예외가 난 경로에서도 락을 놓아야 합니다. 그렇지 않으면 다른 창구가 영원히 기다립니다.",
      en: "The lock must be released on the path where a withdrawal is refused and throws; otherwise the other tellers wait forever.",
    },
    // 0 + 25 never covers 30: the withdrawal is always refused, and the deposit must still go
    // through, before or after it.
    scenario: bankScenario(0, [[-30, 1], [25, 1]]),
    check: checkBank(0, [[-30, 1], [25, 1]]),
  },
  {
    id: "no-overdraft",
    title: { ko: "두 창구가 동시에 출금해도 마이너스 잔액 없음", en: "No overdraft when two tellers withdraw at once" },
    points: 20,
    message: {
      ko: "잔액이 충분한지 확인하는 것과 실제로 빼는 것 사이에 다른 창구가 먼저 돈을 뺄 수 있습니다. 확인도 임계 구역의 일부입니다 (check-then-act).",
      en: "Between checking that the balance is sufficient and actually withdrawing, another teller may withdraw first. The check is part of the critical section too (check-then-act).",
    },
    // 50 covers one withdrawal of 30, never two: exactly one must be refused.
    scenario: bankScenario(50, withdrawals),
    check: checkBank(50, withdrawals),
  },
  {
    id: "refused-by-the-other",
    title: { ko: "다른 창구의 거절된 출금 때문에 거절되지 않음", en: "Not refused because of another teller's refused withdrawal" },
    points: 15,
    message: {
      ko: "거절될 출금이 잔액을 잠깐이라도 바꾸면, 그 사이에 다른 창구는 실제로는 있는 돈을 없다고 보고 출금을 거절할 수 있습니다. 다른 창구가 보는 잔액은 한 번에 하나씩 처리했을 때 나올 수 있는 값이어야 합니다.",
      en: "If a withdrawal that will be refused changes the balance even briefly, another teller can see money that is really there as missing and refuse its own withdrawal. The balance other tellers see must always be one that one-at-a-time processing could produce.",
    },
    scenario: bankScenario(20, oneMustPass),
    explore: { budget: 200 },
    check: checkBank(20, oneMustPass),
  },
]);
