-- CreateTable
CREATE TABLE "SimilarityRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "SimilarityRun_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimilarityRun_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimilarityRun_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SimilarityRun_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SimilarityPair" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "leftId" TEXT NOT NULL,
    "rightId" TEXT NOT NULL,
    "tokenScore" REAL NOT NULL,
    "behaviourScore" REAL,
    "beyondReference" REAL,
    "bothFinal" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "SimilarityPair_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SimilarityRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimilarityPair_leftId_fkey" FOREIGN KEY ("leftId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SimilarityPair_rightId_fkey" FOREIGN KEY ("rightId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BehaviourFingerprint" (
    "submissionId" TEXT NOT NULL PRIMARY KEY,
    "testsHash" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "features" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BehaviourFingerprint_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SimilarityRun_courseId_createdAt_idx" ON "SimilarityRun"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "SimilarityPair_runId_tokenScore_idx" ON "SimilarityPair"("runId", "tokenScore");

-- CreateIndex
CREATE INDEX "SimilarityPair_leftId_idx" ON "SimilarityPair"("leftId");

-- CreateIndex
CREATE INDEX "SimilarityPair_rightId_idx" ON "SimilarityPair"("rightId");

