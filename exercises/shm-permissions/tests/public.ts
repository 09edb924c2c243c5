import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkPermissions, permScenario, type Setup } from "./shared";

const one: Setup = { values: [10, 20, 30], readers: 1 };

export default defineTests([
  {
    id: "one-reader",
    title: { ko: "독자 한 명", en: "One reader" },
    points: 0,
    message: {
      ko: "같은 그룹의 독자가 값을 읽을 수 있어야 하고, 모두 끝난 뒤 커널에 아무 객체도 남지 않아야 합니다.",
      en: "A reader in the owner's group must be able to read the values, and nothing may be left in the kernel once everyone is done.",
    },
    scenario: permScenario(one),
    explore: { budget: 20 },
    check: checkPermissions(one),
  },
]);
