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
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Assignment_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Assignment_exerciseId_fkey" FOREIGN KEY ("exerciseId") REFERENCES "Exercise" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Assignment_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Assignment" ("attemptPolicy", "courseId", "createdAt", "dueAt", "exerciseId", "id", "kind", "latePenaltyPerDay", "lateUntil", "maxAttempts", "opensAt", "published", "quizId", "rateLimitPerHour", "testVisibility", "title", "updatedAt") SELECT "attemptPolicy", "courseId", "createdAt", "dueAt", "exerciseId", "id", "kind", "latePenaltyPerDay", "lateUntil", "maxAttempts", "opensAt", "published", "quizId", "rateLimitPerHour", "testVisibility", "title", "updatedAt" FROM "Assignment";
DROP TABLE "Assignment";
ALTER TABLE "new_Assignment" RENAME TO "Assignment";
CREATE INDEX "Assignment_courseId_dueAt_idx" ON "Assignment"("courseId", "dueAt");
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "assignmentId" TEXT,
    "attemptNo" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "seedScheme" INTEGER NOT NULL DEFAULT 1,
    "score" REAL,
    "maxScore" REAL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_quizId_fkey" FOREIGN KEY ("quizId") REFERENCES "Quiz" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("assignmentId", "attemptNo", "id", "late", "maxScore", "quizId", "score", "seed", "startedAt", "submittedAt", "userId") SELECT "assignmentId", "attemptNo", "id", "late", "maxScore", "quizId", "score", "seed", "startedAt", "submittedAt", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_assignmentId_userId_idx" ON "QuizAttempt"("assignmentId", "userId");
CREATE INDEX "QuizAttempt_userId_quizId_idx" ON "QuizAttempt"("userId", "quizId");
CREATE UNIQUE INDEX "QuizAttempt_userId_quizId_assignmentId_attemptNo_key" ON "QuizAttempt"("userId", "quizId", "assignmentId", "attemptNo");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

