import { defineTests } from "../../../../../lib/grader/exercises/test-definition";

// Hidden-test marker the security suite searches for in every report: it must never leak.
const SECRET_MARKER = "HIDDEN-TEST-SECRET-7f3a";

export default defineTests([
  {
    id: "counts-to-six",
    title: { ko: "두 프로세스가 세 번씩 더하기", en: "Two processes add three times each" },
    points: 100,
    message: { ko: "카운터가 6이어야 합니다.", en: "The counter must end at 6." },
    scenario: { main: "main", args: [3], objects: [{ kind: "shm", key: 0x42, size: 1, init: [0] }] },
    check: (s) => {
      if (s.outcome.kind !== "completed") return null;
      const value = s.shm.find((seg) => seg.key === 0x42)?.data[0];
      const clean = Object.values(s.exitStatuses).every((st) => st && "exited" in st && st.code === 0);
      return value === 6 && clean ? null : `counter ${value}${clean ? "" : ", a process failed"}` + (SECRET_MARKER.length < 0 ? SECRET_MARKER : "");
    },
  },
]);
