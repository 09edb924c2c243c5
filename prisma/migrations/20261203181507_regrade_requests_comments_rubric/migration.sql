-- CreateTable
CREATE TABLE "RegradeRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "testId" TEXT,
    "testTitle" TEXT,
    "replay" TEXT,
    "trace" TEXT,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "regradeBatchId" TEXT,
    "overrideId" TEXT,
    "resolvedById" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RegradeRequest_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeRequest_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeRequest_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegradeRequestMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RegradeRequestMessage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "RegradeRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegradeRequestMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SubmissionComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "authorId" TEXT,
    "line" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    CONSTRAINT "SubmissionComment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SubmissionComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RubricItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "points" REAL NOT NULL,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RubricItem_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RubricItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RubricMark" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rubricItemId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "appliedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RubricMark_rubricItemId_fkey" FOREIGN KEY ("rubricItemId") REFERENCES "RubricItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RubricMark_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RubricMark_appliedById_fkey" FOREIGN KEY ("appliedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Assignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "exerciseId" TEXT,
    "quizId" TEXT,
    "title" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "lateUntil" DATETIME,
    "latePenaltyPerDay" REAL NOT NULL DEFAULT 0,
    "attemptPolicy" TEXT NOT NULL DEFAULT 'BEST',
    "maxAttempts" INTEGER,
    "rateLimitPerHour" INTEGER,
    "testVisibility" TEXT NOT NULL DEFAULT 'VISIBLE',
    "answerRelease" TEXT NOT NULL DEFAULT 'AFTER_DUE',
    "regradeRequestLimit" INTEGER NOT NULL DEFAULT 3,
    "regradeRequestWindowDays" INTEGER NOT NULL DEFAULT 7,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assignment_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("answerRelease", "attemptPolicy", "courseId", "createdAt", "dueAt", "exerciseId", "id", "kind", "latePenaltyPerDay", "lateUntil", "maxAttempts", "opensAt", "published", "quizId", "rateLimitPerHour", "testVisibility", "title", "updatedAt") SELECT "answerRelease", "attemptPolicy", "courseId", "createdAt", "dueAt", "exerciseId", "id", "kind", "latePenaltyPerDay", "lateUntil", "maxAttempts", "opensAt", "published", "quizId", "rateLimitPerHour", "testVisibility", "title", "updatedAt" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_courseId_dueAt_idx" ON "Assignment"("courseId", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RegradeRequest_courseId_status_createdAt_idx" ON "RegradeRequest"("courseId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "RegradeRequest_assignmentId_userId_idx" ON "RegradeRequest"("assignmentId", "userId");

-- CreateIndex
CREATE INDEX "RegradeRequest_userId_createdAt_idx" ON "RegradeRequest"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "RegradeRequestMessage_requestId_createdAt_idx" ON "RegradeRequestMessage"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "SubmissionComment_submissionId_line_idx" ON "SubmissionComment"("submissionId", "line");

-- CreateIndex
CREATE INDEX "RubricItem_assignmentId_idx" ON "RubricItem"("assignmentId");

-- CreateIndex
CREATE INDEX "RubricMark_submissionId_idx" ON "RubricMark"("submissionId");

-- CreateIndex
CREATE UNIQUE INDEX "RubricMark_rubricItemId_submissionId_key" ON "RubricMark"("rubricItemId", "submissionId");

