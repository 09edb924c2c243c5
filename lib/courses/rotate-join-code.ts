import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { generateJoinCode } from "./generate-join-code";
import { isUniqueViolation } from "./unique-violation";

/**
 * Replaces a course's join code (e.g. after it leaked): the old one stops working at once,
 * enrolled students stay. A collision with another course's code is retried.
 */
export async function rotateJoinCode(actorId: string, courseId: string): Promise<string> {
  for (let tries = 0; ; tries++) {
    const joinCode = generateJoinCode();
    try {
      await db().$transaction(async (tx) => {
        await tx.course.update({ where: { id: courseId }, data: { joinCode } });
        await recordAudit(tx, { actorId, courseId, action: "course.rotate-join-code", details: {} });
      });
      return joinCode;
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}
