-- CreateEnum
CREATE TYPE "QuizAnswerRelease" AS ENUM ('AFTER_SUBMIT', 'AFTER_DUE', 'NEVER');

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "answerRelease" "QuizAnswerRelease" NOT NULL DEFAULT 'AFTER_DUE';

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "seedScheme" INTEGER NOT NULL DEFAULT 1;

