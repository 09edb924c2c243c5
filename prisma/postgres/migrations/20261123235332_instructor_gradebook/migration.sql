-- AlterTable
ALTER TABLE "Submission" ADD COLUMN     "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "RegradeBatch" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "requestedById" TEXT,
    "scope" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RegradeBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegradeItem" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "previousScore" DOUBLE PRECISION,
    "gradeRun" INTEGER NOT NULL,
    "newScore" DOUBLE PRECISION,
    "finalStatus" TEXT,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "RegradeItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RegradeBatch_courseId_createdAt_idx" ON "RegradeBatch"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "RegradeItem_submissionId_idx" ON "RegradeItem"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegradeItem_batchId_submissionId_key" ON "RegradeItem"("batchId", "submissionId");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

-- AddForeignKey
ALTER TABLE "RegradeBatch" ADD CONSTRAINT "RegradeBatch_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeBatch" ADD CONSTRAINT "RegradeBatch_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeItem" ADD CONSTRAINT "RegradeItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "RegradeBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegradeItem" ADD CONSTRAINT "RegradeItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

