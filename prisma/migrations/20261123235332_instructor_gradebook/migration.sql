-- CreateTable
CREATE TABLE "RegradeBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "requestedById" TEXT,
    "scope" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RegradeBatch_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeBatch_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegradeItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "batchId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "previousScore" REAL,
    "gradeRun" INTEGER NOT NULL,
    "newScore" REAL,
    "finalStatus" TEXT,
    "finishedAt" DATETIME,
    CONSTRAINT "RegradeItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "RegradeBatch" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeItem_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Submission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "score" REAL,
    "maxScore" REAL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "latePenalty" REAL NOT NULL DEFAULT 0,
    "report" TEXT,
    "testsHash" TEXT NOT NULL DEFAULT '',
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "gradeRun" INTEGER NOT NULL DEFAULT 0,
    "schedulesExplored" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "gradedAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Submission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Submission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Submission" ("assignmentId", "attempts", "exerciseId", "gradeRun", "gradedAt", "id", "late", "latePenalty", "leaseOwner", "leaseUntil", "maxScore", "queuedAt", "report", "schedulesExplored", "score", "source", "stale", "startedAt", "status", "testsHash", "userId") SELECT "assignmentId", "attempts", "exerciseId", "gradeRun", "gradedAt", "id", "late", "latePenalty", "leaseOwner", "leaseUntil", "maxScore", "queuedAt", "report", "schedulesExplored", "score", "source", "stale", "startedAt", "status", "testsHash", "userId" FROM "Submission";
DROP TABLE "Submission";
ALTER TABLE "new_Submission" RENAME TO "Submission";
CREATE INDEX "Submission_userId_exerciseId_queuedAt_idx" ON "Submission"("userId", "exerciseId", "queuedAt");
CREATE INDEX "Submission_assignmentId_userId_idx" ON "Submission"("assignmentId", "userId");
CREATE INDEX "Submission_status_queuedAt_idx" ON "Submission"("status", "queuedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RegradeBatch_courseId_createdAt_idx" ON "RegradeBatch"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "RegradeItem_submissionId_idx" ON "RegradeItem"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "RegradeItem_batchId_submissionId_key" ON "RegradeItem"("batchId", "submissionId");

-- CreateIndex
CREATE INDEX "User_name_idx" ON "User"("name");

