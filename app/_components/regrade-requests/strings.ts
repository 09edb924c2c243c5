import type { Lang } from "@/lib/i18n/messages";

const strings = {
  ko: {
    regradeRequests: "재채점 요청",
    requestRegrade: "재채점 요청하기",
    thread: "대화",
    reply: "답하기",
    send: "보내기",
    message: "메시지",
    status: { OPEN: "열림", ACCEPTED: "수락됨", DECLINED: "거절됨" } as Record<string, string>,
    outcome: { REGRADED: "다시 채점됨", OVERRIDDEN: "점수가 조정됨" } as Record<string, string>,
    kind: { REQUEST: "요청", REPLY: "답변", ACCEPT: "수락", DECLINE: "거절" } as Record<string, string>,
    wholeSubmission: "제출 전체",
    test: "테스트",
    attached: "첨부된 반례",
    replayToken: "재현 토큰",
    noCounterexample: "이 테스트의 반례는 아직 공개되지 않았거나 없습니다. 요청에는 테스트 이름만 첨부됩니다.",
    replayFirst: "보내기 전에, 채점기가 찾은 실패 스케줄을 여러분의 제출 코드로 이 브라우저에서 다시 실행합니다.",
    replaying: "반례를 다시 실행하는 중…",
    replayed: "다시 실행한 결과: 같은 스케줄에서 코드가 여전히 실패합니다. 그래도 채점이 틀렸다고 생각되면 이유를 적어 보내세요.",
    replayPassed: "여러분의 제출 코드로 채점기가 찾은 스케줄을 다시 실행했습니다. 숨겨진 테스트의 검사는 서버에만 있으므로, 브라우저는 타임라인과 커널이 직접 찾는 문제(교착, 오류)만 보여 줍니다.",
    replayFailed: "브라우저에서 다시 실행하지 못했습니다",
    none: "요청이 없습니다.",
    asked: "요청 시각",
    score: "현재 점수",
    closed: "이 요청은 닫혔습니다.",
    back: "재채점 요청 목록",
  },
  en: {
    regradeRequests: "Regrade requests",
    requestRegrade: "Request a regrade",
    thread: "Thread",
    reply: "Reply",
    send: "Send",
    message: "Message",
    status: { OPEN: "Open", ACCEPTED: "Accepted", DECLINED: "Declined" } as Record<string, string>,
    outcome: { REGRADED: "regraded", OVERRIDDEN: "score adjusted" } as Record<string, string>,
    kind: { REQUEST: "request", REPLY: "reply", ACCEPT: "accepted", DECLINE: "declined" } as Record<string, string>,
    wholeSubmission: "Whole submission",
    test: "Test",
    attached: "Attached counterexample",
    replayToken: "Replay token",
    noCounterexample: "This test's counterexample is not released to you yet (or there is none); the request names the test only.",
    replayFirst: "Before you send, the failing schedule the grader found is replayed on your submitted code, here in your browser.",
    replaying: "Replaying the counterexample…",
    replayed: "Replayed: your code still fails on this schedule. If you still think the grade is wrong, say why below.",
    replayPassed: "Replayed on your submitted code: this is the schedule the grader found. A hidden test's check runs on the server only, so the browser shows the timeline and what the kernel itself detects (deadlocks, errors).",
    replayFailed: "The replay could not run in the browser",
    none: "No requests.",
    asked: "Asked",
    score: "Current score",
    closed: "This request is closed.",
    back: "All regrade requests",
  },
};

export type RegradeStrings = (typeof strings)["en"];

export function regradeStrings(lang: Lang): RegradeStrings {
  return strings[lang];
}
