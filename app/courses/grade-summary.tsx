import type { FinalGrade } from "@/lib/gradebook/types";
import { formatPenalty, formatScore } from "../instructor/_components/format";
import type { GradeStrings } from "./grade-strings";

/**
 * A grade as the grade book counts it, for its student: the counted score out of the
 * maximum, and why it is that number (late penalty on the raw score, or the instructor's
 * override with their comment). Plain markup: used by server pages and the workspace alike.
 */
export function GradeSummary({ grade, s, testId }: { grade: FinalGrade; s: GradeStrings; testId?: string }) {
  if (grade.score === null) return <span className="muted" data-testid={testId}>{s.noGrade}</span>;
  return (
    <span data-testid={testId} data-score={grade.score}>
      <strong>
        {formatScore(grade.score)} / {formatScore(grade.maxScore)}
      </strong>
      {grade.overridden ? (
        <span className="grade-note" data-testid={testId && `${testId}-override`}>
          {" "}
          · {s.override}: “{grade.overrideComment}”
        </span>
      ) : (
        grade.penalty > 0 && (
          <span className="grade-note">
            {" "}
            · {s.raw} {formatScore(grade.rawScore)}, {s.late} {formatPenalty(grade.penalty)}
          </span>
        )
      )}
    </span>
  );
}
