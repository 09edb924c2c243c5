import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkEcho, echoScenario, type Client } from "./shared";

const one: Client[] = [{ messages: ["hello", "world"] }];

export default defineTests([
  {
    id: "one-client",
    title: { ko: "클라이언트 하나, 메시지 두 개", en: "One client, two messages" },
    points: 0,
    message: {
      ko: "클라이언트가 보낸 프레임이 그대로 돌아와야 하고, 서버는 받은 메시지마다 한 줄씩 기록해야 합니다.",
      en: "The client must get its frames back unchanged, and the server must log one line per received message.",
    },
    scenario: echoScenario(one),
    explore: { budget: 30 },
    check: checkEcho(one),
  },
]);
