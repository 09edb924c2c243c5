import { defineTests } from "../../../../../lib/grader/exercises/test-definition";

export default defineTests([
  {
    id: "clean-exit",
    title: { ko: "정상 종료", en: "Exits cleanly" },
    points: 100,
    message: { ko: "프로그램이 정상 종료해야 합니다.", en: "The program must exit cleanly." },
    scenario: { main: "main" },
    check: (s) => (s.shm.length === 0 ? null : `left ${s.shm.length} shared memory segments`),
  },
]);
