import { inLanguage } from "@/lib/i18n/in-language";
import type { Lang } from "@/lib/i18n/messages";
import type { PluralForms } from "@/lib/i18n/plural";

const strings = {
  prompt: { ko: "문제", en: "Problem" },
  editorLabel: { ko: "코드 편집기 (TypeScript)", en: "Code editor (TypeScript)" },
  run: { ko: "실행", en: "Run" },
  running: { ko: "실행 중…", en: "Running…" },
  stop: { ko: "중지", en: "Stop" },
  submit: { ko: "제출", en: "Submit" },
  reset: { ko: "처음 코드로 되돌리기", en: "Reset to starter" },
  resetTitle: { ko: "처음 코드로 되돌릴까요?", en: "Reset to the starter code?" },
  resetBody: { ko: "편집기의 내용이 시작 코드로 바뀝니다. 제출한 버전은 기록에 남아 있습니다.", en: "The editor's content is replaced by the starter code. Submitted versions stay in your history." },
  confirmReset: { ko: "되돌리기", en: "Reset" },
  cancel: { ko: "취소", en: "Cancel" },
  shortcuts: { ko: "단축키: 실행 Ctrl/⌘+Enter · 제출 Ctrl/⌘+Shift+Enter", en: "Shortcuts: Run Ctrl/⌘+Enter · Submit Ctrl/⌘+Shift+Enter" },
  saved: { ko: "저장됨", en: "Saved" },
  saving: { ko: "저장 중…", en: "Saving…" },
  savedLocally: { ko: "이 브라우저에만 저장됨", en: "Saved in this browser only" },
  results: { ko: "결과", en: "Results" },
  localRun: { ko: "공개 테스트 (내 브라우저에서 실행)", en: "Public tests (run in your browser)" },
  submission: { ko: "제출 채점 결과", en: "Graded submission" },
  queued: { ko: "대기 중", en: "Queued" },
  position: { ko: "대기 순서", en: "position" },
  gradingRunning: { ko: "채점 중", en: "Grading" },
  graded: { ko: "채점 완료", en: "Graded" },
  compileError: { ko: "컴파일 오류", en: "Compile error" },
  failed: { ko: "채점 실패", en: "Grading failed" },
  late: { ko: "지각 제출", en: "Late" },
  passed: { ko: "통과", en: "Passed" },
  failedTest: { ko: "실패", en: "Failed" },
  points: { ko: "점", en: "pts" },
  score: { ko: "점수", en: "Score" },
  showTimeline: { ko: "타임라인 보기", en: "Show timeline" },
  covered: { ko: "탐색한 범위", en: "Explored" },
  replay: { ko: "내 브라우저에서 재현", en: "Replay in my browser" },
  replaying: { ko: "재현 중…", en: "Replaying…" },
  diagnostics: { ko: "컴파일 진단", en: "Compiler diagnostics" },
  goToLine: { ko: "줄로 이동", en: "Go to line" },
  timeout: { ko: "시간 초과: 프로그램이 멈추지 않아 중지했습니다 (무한 루프?)", en: "Timed out: the program did not stop, so it was terminated (an infinite loop?)" },
  history: { ko: "제출 기록", en: "Submission history" },
  noHistory: { ko: "아직 제출하지 않았습니다.", en: "No submissions yet." },
  diff: { ko: "이전 제출과 비교", en: "Changes since the previous submission" },
  firstSubmission: { ko: "첫 제출: 시작 코드와 비교", en: "First submission: changes from the starter code" },
  restore: { ko: "편집기로 불러오기", en: "Restore into editor" },
  restored: { ko: "이전 버전을 편집기로 불러왔습니다.", en: "Restored that version into the editor." },
  assignment: { ko: "과제", en: "Assignment" },
  due: { ko: "마감", en: "Due" },
  lateWindow: { ko: "지금 제출하면 지각입니다.", en: "Submitting now counts as late." },
  closed: { ko: "마감되어 제출할 수 없습니다.", en: "Closed: submissions are no longer accepted." },
  notOpen: { ko: "아직 열리지 않았습니다.", en: "Not open yet." },
  requestRegrade: { ko: "재채점 요청", en: "Request a regrade" },
  replayNote: { ko: "숨겨진 테스트의 검사는 서버에만 있으므로, 재현은 커널이 발견하는 문제(교착, 오류, 스케줄 불일치)와 타임라인을 보여 줍니다.", en: "A hidden test's check lives on the server only, so a replay shows the timeline and what the kernel itself detects (deadlocks, errors, a diverging schedule)." },
  error: { ko: "오류", en: "Error" },
  yourGrade: { ko: "내 성적", en: "Your grade" },
  latePreview: { ko: "지금 제출하면: 지각 하루마다 {rate} 감점, 이 제출은 최대 {max}점으로 반영됩니다.", en: "Submitting now: {rate} per day late, this submission would count at most {max}." },
  lateSubmitTitle: { ko: "지각 제출할까요?", en: "Submit late?" },
  submitLate: { ko: "지각 제출", en: "Submit late" },
  extended: { ko: "연장된 마감", en: "your extended due date" },
  assignmentHistory: { ko: "이 과제의 제출", en: "This assignment's submissions" },
  practiceHistory: { ko: "연습 제출 (성적에 반영되지 않음)", en: "Practice submissions (not graded)" },
  practiceBadge: { ko: "연습", en: "Practice" },
  openResults: { ko: "결과 열기", en: "Open results" },
  countsFor: { ko: "반영 점수", en: "counts" },
  detailsHeld: { ko: "숨겨진 테스트의 메시지, 타임라인, 재현은 {date} 이후에 공개됩니다 (제출 기한이 남아 있는 과제).", en: "Hidden tests' messages, timelines and replays are released after {date} (an assignment still open to you)." },
  detailsNever: { ko: "이 과제는 숨겨진 테스트의 자세한 내용을 공개하지 않습니다.", en: "This assignment keeps its hidden tests' details hidden." },
  importFrom: { ko: "\"{module}\"에서 가져오기", en: "import from \"{module}\"" },
  submittedNotice: { ko: "제출했습니다. 채점 결과는 아래에 있습니다:", en: "Submitted. The grading results are below:" },
  toResults: { ko: "결과로 이동", en: "Go to the results" },
  backToCourse: { ko: "코스로 돌아가기", en: "Back to the course" },
  relatedLesson: { ko: "관련 강의", en: "Related lesson" },
  allExercises: { ko: "홈으로", en: "Back to home" },
  relatedPages: { ko: "관련 페이지", en: "Related pages" },
} satisfies Record<string, Record<Lang, string>>;

/** "1 schedule explored", "3 schedules explored": counted with lib/i18n/plural. */
export const schedulesExplored: Record<Lang, PluralForms> = { ko: { other: "탐색한 스케줄 #개" }, en: { one: "# schedule explored", other: "# schedules explored" } };

export type StringKey = keyof typeof strings;
export type Strings = Record<StringKey, string>;

/** The workspace's interface texts in one language (passed to client components as plain data). */
export function workspaceStrings(lang: Lang): Strings {
  return inLanguage(strings, lang);
}
