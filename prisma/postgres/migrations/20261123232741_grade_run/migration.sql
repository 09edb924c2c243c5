-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "gradeRun" INTEGER NOT NULL DEFAULT 0;

