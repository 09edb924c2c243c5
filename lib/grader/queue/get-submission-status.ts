import { SubmissionStatus, type Db } from "../../db";

export type SubmissionStatusView = {
  id: string;
  status: SubmissionStatus;
  /** Place in the queue while QUEUED, else null. */
  position: number | null;
  gradeRun: number;
  attempts: number;
  /** Live while RUNNING (throttled), final once graded. */
  schedulesExplored: number;
  score: number | null;
  maxScore: number | null;
  queuedAt: Date;
  startedAt: Date | null;
  gradedAt: Date | null;
};

const SELECT = { id: true, status: true, gradeRun: true, attempts: true, schedulesExplored: true, score: true, maxScore: true, queuedAt: true, startedAt: true, gradedAt: true } as const;

type StatusRow = Omit<SubmissionStatusView, "position">;

/**
 * The status views of submission rows a caller already loaded (any row with the status
 * fields): only their queue positions are read, in one query whatever their number.
 * Positions are 1-based among QUEUED submissions, by queuedAt then id.
 */
export async function toStatusViews(db: Db, rows: readonly StatusRow[]): Promise<SubmissionStatusView[]> {
  const queued = rows.filter((r) => r.status === SubmissionStatus.QUEUED);
  const positions = new Map<string, number>();
  if (queued.length) {
    const last = queued.reduce((a, b) => (b.queuedAt > a.queuedAt ? b : a)).queuedAt;
    // Everything queued up to the last watched one, in queue order: places are indices.
    const line = await db.submission.findMany({
      where: { status: SubmissionStatus.QUEUED, queuedAt: { lte: last } },
      orderBy: [{ queuedAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    line.forEach((r, i) => positions.set(r.id, i + 1));
  }
  const fields = Object.keys(SELECT) as Array<keyof StatusRow>;
  return rows.map((r) => ({ ...(Object.fromEntries(fields.map((k) => [k, r[k]])) as StatusRow), position: positions.get(r.id) ?? null }));
}

/**
 * What the live-status views show about several submissions, in two queries whatever their
 * number (live streams of a whole class poll this together). Missing ids are absent from the map.
 */
export async function getSubmissionStatuses(db: Db, ids: readonly string[]): Promise<Map<string, SubmissionStatusView>> {
  const rows = await db.submission.findMany({ where: { id: { in: [...ids] } }, select: SELECT });
  return new Map((await toStatusViews(db, rows)).map((v) => [v.id, v]));
}
