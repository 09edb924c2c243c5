import { defineTests } from "../../../lib/grader/exercises/test-definition";
import { checkEcho, echoScenario, frame, type Client } from "./shared";

// Frames cut at awkward places: inside a header, inside a payload, the end of one frame and the
// next one in one send.
const split: Client[] = [{ messages: ["hello", "x"], sends: ["00", "05hel", "lo0001x"] }];

// Everything in one send: an empty message and one longer than a typical read buffer.
const longMessage = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(20); // 720 bytes
const mergedMessages = ["one", "", longMessage, "two"];
const merged: Client[] = [{ messages: mergedMessages, sends: [mergedMessages.map(frame).join("")] }];

// Client 2 stops in the middle of a frame until client 3 has been fully served (and has read EOF).
const concurrent: Client[] = [
  { messages: ["first", "later"], sends: ["0005first000", { wait: "b-done" }, "5later"] },
  { messages: ["quick"], post: "b-done" },
];

// Three clients, one of which connects and leaves without sending anything.
const three: Client[] = [
  { messages: ["a1", "a2"], sends: ["0002a10002a2"] },
  { messages: [] },
  { messages: ["c"] },
];

export default defineTests([
  {
    id: "split-frames",
    title: { ko: "잘려서 도착하는 프레임", en: "Frames arriving in pieces" },
    points: 25,
    message: {
      ko: "스트림 소켓에는 메시지 경계가 없습니다. recv 한 번이 send 한 번과 같다고 가정하지 말고, 필요한 바이트 수를 다 받을 때까지 반복해서 읽으세요.",
      en: "Stream sockets keep no message boundaries. Do not assume one recv returns one send: keep reading until you have the number of bytes you need.",
    },
    scenario: echoScenario(split),
    check: checkEcho(split),
  },
  {
    id: "merged-frames",
    title: { ko: "한 번에 도착하는 여러 프레임", en: "Several frames in one send" },
    points: 20,
    message: {
      ko: "한 번의 recv에 다음 프레임의 일부까지 들어 있을 수 있습니다. 지금 프레임에 필요한 만큼만 읽거나, 남은 바이트를 버리지 말고 보관하세요. 길이가 0인 메시지도 올바른 프레임입니다.",
      en: "One recv may also contain the start of the next frame. Read only what the current frame still needs, or keep the surplus instead of dropping it. A message of length 0 is a valid frame too.",
    },
    scenario: echoScenario(merged),
    check: checkEcho(merged),
  },
  {
    id: "two-clients-at-once",
    title: { ko: "느린 클라이언트와 빠른 클라이언트", en: "A slow client and a fast one" },
    points: 30,
    message: {
      ko: "한 클라이언트가 프레임 중간에서 멈춰 있어도 다른 클라이언트는 서비스를 받아야 합니다 (연결마다 자식 프로세스). 그리고 클라이언트가 EOF를 보려면 그 연결의 소켓이 모든 프로세스에서 닫혀야 합니다.",
      en: "A client stalled in the middle of a frame must not hold up the others (one child process per connection). And a client only reads EOF once its connection is closed in every process that has a descriptor for it.",
    },
    scenario: echoScenario(concurrent),
    check: checkEcho(concurrent),
  },
  {
    id: "three-clients",
    title: { ko: "세 클라이언트와 뒷정리", en: "Three clients, then cleanup" },
    points: 25,
    message: {
      ko: "프레임 경계에서 EOF(빈 문자열)를 받으면 세션을 정상 종료해야 합니다. 서버는 모든 자식을 거두고(좀비 없음) 상태 0으로 끝나야 합니다.",
      en: "EOF (an empty string) at a frame boundary ends the session normally. The server must reap every child (no zombies) and exit with status 0.",
    },
    scenario: echoScenario(three),
    check: checkEcho(three),
  },
]);
