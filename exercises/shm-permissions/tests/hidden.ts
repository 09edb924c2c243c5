import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkPermissions, permScenario, type Setup } from "./shared";

const intruder: Setup = { values: [3, 1], readers: 1, intruder: true };
const colleague: Setup = { values: [2, 7], readers: 1, colleague: true };
// Two readers: the owner must wait for the second one's ack, not only the first one's.
const twoReaders: Setup = { values: [9, 8], readers: 2 };

export default defineTests([
  {
    id: "intruder-refused",
    title: { ko: "다른 그룹의 사용자는 거절", en: "A user from another group is refused" },
    points: 30,
    message: {
      ko: "권한 비트는 소유자/그룹/기타(other) 세 자리입니다. 그룹 밖의 사용자에게 필요한 권한은 무엇일까요? 읽기 권한만으로도 데이터가 새어 나갑니다.",
      en: "Mode bits come in three digits: owner, group, other. What does a user outside the group need? Read access alone already leaks the data.",
    },
    scenario: permScenario(intruder),
    check: checkPermissions(intruder),
  },
  {
    id: "group-least-privilege",
    title: { ko: "그룹 구성원에게도 필요한 만큼만", en: "Group members get only what they need" },
    points: 30,
    message: {
      ko: "독자는 데이터를 읽고, 알림을 받고, 확인 메시지를 보내기만 합니다. 그룹에 쓰기 권한이 있으면 독자가 데이터나 알림을 위조할 수 있고, 읽기 권한이 있으면 남의 확인 메시지를 가로챌 수 있습니다. 공유 메모리를 읽기만 할 때는 읽기 전용으로 붙이세요.",
      en: "Readers only read the data, receive notes and send acknowledgements. A group that may write could forge the data or the notes; a group that may read the acks could steal other readers' acks. Attach shared memory read-only when you only read it.",
    },
    scenario: permScenario(colleague),
    check: checkPermissions(colleague),
  },
  {
    id: "cleanup-after-last-reader",
    title: { ko: "마지막 독자가 끝난 뒤 정리", en: "Cleanup after the last reader" },
    points: 40,
    message: {
      ko: "IPC 객체는 프로세스가 끝나도 남습니다: 만든 쪽이 IPC_RMID로 지워야 합니다. 하지만 IPC_RMID는 키를 즉시 해제하고 새 부착을 막습니다 — 이미 붙어 있는 프로세스만 shmdt 할 때까지 계속 쓸 수 있습니다. 마지막 사용자가 끝났다는 것을 어떻게 알 수 있을까요?",
      en: "IPC objects outlive processes: whoever created them must remove them with IPC_RMID. But IPC_RMID frees the key at once and refuses new attaches — only processes already attached keep using the segment until they shmdt. How do you know the last user is done?",
    },
    scenario: permScenario(twoReaders),
    check: checkPermissions(twoReaders),
  },
]);
