-- CreateTable
CREATE TABLE "SimilarityRun" (
    "id" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "exerciseId" TEXT NOT NULL,
    "requestedById" TEXT,
    "finalOnly" BOOLEAN NOT NULL DEFAULT true,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT NOT NULL DEFAULT '',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "submissions" INTEGER NOT NULL DEFAULT 0,
    "pairsCompared" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SimilarityRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SimilarityPair" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "leftId" TEXT NOT NULL,
    "rightId" TEXT NOT NULL,
    "tokenScore" DOUBLE PRECISION NOT NULL,
    "behaviourScore" DOUBLE PRECISION,
    "beyondReference" DOUBLE PRECISION,
    "bothFinal" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SimilarityPair_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BehaviourFingerprint" (
    "submissionId" TEXT NOT NULL,
    "testsHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "features" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BehaviourFingerprint_pkey" PRIMARY KEY ("submissionId")
);

-- CreateIndex
CREATE INDEX "SimilarityRun_courseId_createdAt_idx" ON "SimilarityRun"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "SimilarityPair_runId_tokenScore_idx" ON "SimilarityPair"("runId", "tokenScore");

-- CreateIndex
CREATE INDEX "SimilarityPair_leftId_idx" ON "SimilarityPair"("leftId");

-- CreateIndex
CREATE INDEX "SimilarityPair_rightId_idx" ON "SimilarityPair"("rightId");

-- AddForeignKey
ALTER TABLE "SimilarityRun" ADD CONSTRAINT "SimilarityRun_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimilarityRun" ADD CONSTRAINT "SimilarityRun_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimilarityRun" ADD CONSTRAINT "SimilarityRun_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimilarityRun" ADD CONSTRAINT "SimilarityRun_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimilarityPair" ADD CONSTRAINT "SimilarityPair_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SimilarityRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimilarityPair" ADD CONSTRAINT "SimilarityPair_leftId_fkey" FOREIGN KEY ("leftId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SimilarityPair" ADD CONSTRAINT "SimilarityPair_rightId_fkey" FOREIGN KEY ("rightId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BehaviourFingerprint" ADD CONSTRAINT "BehaviourFingerprint_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

