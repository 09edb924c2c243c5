import { gradeStudents } from "./grade-students";
import type { GradebookAssignment } from "./load-course-assignments";
import { scoreHistogram } from "./score-histogram";

/** Per assignment: histogram of the class's final scores, mean, and how many have none yet. */
export async function analyticsScoreDistribution(assignments: readonly GradebookAssignment[], studentIds: readonly string[]) {
  const grades = await gradeStudents(assignments, studentIds);
  return assignments.map((a) => {
    const scores = studentIds.flatMap((id) => {
      const s = grades.get(id)!.get(a.id)!.score;
      return s === null ? [] : [s];
    });
    return {
      assignmentId: a.id,
      title: a.title,
      maxScore: a.maxScore,
      graded: scores.length,
      missing: studentIds.length - scores.length,
      mean: scores.length ? scores.reduce((x, y) => x + y, 0) / scores.length : null,
      histogram: scoreHistogram(scores, a.maxScore),
    };
  });
}
