import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { bankScenario, checkBank } from "./shared";

export default defineTests([
  {
    id: "sequential-deposit",
    title: { ko: "창구 하나", en: "A single teller" },
    points: 0,
    message: { ko: "창구 하나만 있어도 잔액이 맞아야 합니다.", en: "With a single teller the balance must be right." },
    scenario: bankScenario(100, [[25, 4]]),
    explore: { budget: 1 },
    check: checkBank(100, [[25, 4]]),
  },
  {
    id: "one-teller-each",
    title: { ko: "입금 창구와 출금 창구", en: "A depositing and a withdrawing teller" },
    points: 0,
    message: { ko: "동시에 실행되는 두 창구가 서로의 갱신을 덮어쓰면 안 됩니다.", en: "Two tellers running at once must not overwrite each other's updates." },
    scenario: bankScenario(100, [[50, 1], [-30, 1]]),
    explore: { budget: 200 },
    check: checkBank(100, [[50, 1], [-30, 1]]),
  },
]);
