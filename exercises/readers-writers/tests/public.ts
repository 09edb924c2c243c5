import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkRw, rwScenario, type Role } from "./shared";

const basic: Role[] = [["reader", { rounds: 1 }], ["writer", { rounds: 1 }], ["reader", { rounds: 1 }]];

export default defineTests([
  {
    id: "two-readers-one-writer",
    title: { ko: "독자 둘, 작성자 하나", en: "Two readers, one writer" },
    points: 0,
    message: {
      ko: "작성자는 혼자 있어야 합니다: 다른 작성자와도, 독자와도 동시에 안에 있으면 안 됩니다.",
      en: "A writer must be alone: never inside together with another writer or with a reader.",
    },
    scenario: rwScenario(basic),
    explore: { budget: 40 },
    check: checkRw(basic),
  },
]);
