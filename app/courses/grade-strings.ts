import { inLanguage } from "@/lib/i18n/in-language";
import type { Lang } from "@/lib/i18n/messages";

/** What a student reads about their grade, on the course page, the grades page and in the workspace. */
const strings = {
  grade: { ko: "성적", en: "Grade" },
  myGrades: { ko: "내 성적", en: "My grades" },
  myGradesHelp: { ko: "교수자의 성적부와 같은 점수입니다: 지각 감점, 반영되는 제출, 교수자 조정이 모두 적용되어 있습니다.", en: "These are the grade book's own numbers: late penalties, the attempt that counts and your instructor's changes are all applied." },
  regradeRequests: { ko: "재채점 요청", en: "Regrade requests" },
  requestRegrade: { ko: "재채점 요청", en: "Request a regrade" },
  feedback: { ko: "피드백", en: "Feedback" },
  feedbackHeld: { ko: "교수자의 줄 댓글과 루브릭은 이 과제의 제출 기한이 끝난 뒤에 공개됩니다:", en: "Your instructor's line comments and rubric items are released when this assignment closes for you:" },
  noGrade: { ko: "아직 점수 없음", en: "No grade yet" },
  raw: { ko: "원점수", en: "raw" },
  late: { ko: "지각", en: "late" },
  best: { ko: "지각 감점 후 가장 높은 제출이 반영됩니다", en: "Your best submission counts (after its late penalty)" },
  last: { ko: "마지막 제출이 반영됩니다", en: "Your last submission counts" },
  override: { ko: "교수자가 점수를 조정했습니다", en: "Set by your instructor" },
  overrideBy: { ko: "작성", en: "by" },
  extension: { ko: "연장된 마감", en: "Your extended due date" },
  lateUntil: { ko: "지각 제출 가능", en: "late submissions until" },
  attempts: { ko: "제출", en: "Submissions" },
  submittedAt: { ko: "제출 시각", en: "Submitted" },
  score: { ko: "점수", en: "Score" },
  countsFor: { ko: "반영 점수", en: "Counts for" },
  counted: { ko: "반영됨", en: "Counts" },
  due: { ko: "마감", en: "Due" },
  quizAttempt: { ko: "퀴즈 응시", en: "Quiz attempt" },
  staffOnly: { ko: "이 페이지는 수강생의 성적을 보여 줍니다. 강의 관리의 성적부를 이용하세요.", en: "This page shows a student's own grades. Use the grade book under Teaching." },
  openGradebook: { ko: "성적부 열기", en: "Open the grade book" },
} satisfies Record<string, Record<Lang, string>>;

export type GradeStrings = Record<keyof typeof strings, string>;

export function gradeStrings(lang: Lang): GradeStrings {
  return inLanguage(strings, lang);
}
