import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb, type Db } from "@/lib/db";
import { getGradebook } from "@/lib/gradebook/get-gradebook";
import { gradebookQuery } from "@/lib/gradebook/gradebook-query";
import { studentsOfCourse } from "@/lib/gradebook/students-of-course";
import { createTestDatabase, postgresAvailable, type Provider } from "../helpers/test-database";

/**
 * The grade book's search box matches what was typed, literally: `%`, `_` and `\` were
 * LIKE wildcards (and a trailing `\` an error on PostgreSQL) before issue 15.
 */
const hasPostgres = await postgresAvailable();

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  describe.skipIf(provider === "postgresql" && !hasPostgres)(`grade-book search on ${provider}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let courseId: string;
    const names = ["Kim_Lee", "KimXLee", "Park 100%", "Park 1000", "Back\\slash", "Backslash", "Choi"];

    beforeAll(async () => {
      ({ db, drop } = await createTestDatabase(provider));
      setDb(db);
      courseId = (await db.course.create({ data: { code: "S1", title: "Search", joinCode: "SRCH-0001" } })).id;
      for (const [i, name] of names.entries()) {
        const user = await db.user.create({ data: { email: `s${i}@example.com`, name, studentId: i === 6 ? "2024_07" : `2024${i}07` } });
        await db.enrollment.create({ data: { courseId, userId: user.id } });
      }
    });
    afterAll(async () => drop?.());

    const search = async (q: string, sort = "name") => {
      const page = await getGradebook(courseId, gradebookQuery.parse({ q, sort }));
      return { names: page.rows.map((r) => r.name).sort(), total: page.totalRows };
    };

    it("matches % and _ literally, paging in SQL (sort by name) and in memory (sort by total)", async () => {
      for (const sort of ["name", "total"]) {
        expect(await search("m_l", sort)).toEqual({ names: ["Kim_Lee"], total: 1 });
        expect(await search("100%", sort)).toEqual({ names: ["Park 100%"], total: 1 });
        expect(await search("%", sort)).toEqual({ names: ["Park 100%"], total: 1 });
        // "_" is in Kim_Lee's name and in Choi's student id, nowhere else.
        expect(await search("_", sort)).toEqual({ names: ["Choi", "Kim_Lee"], total: 2 });
      }
    });

    it("matches a backslash literally, even as the last character", async () => {
      expect(await search("k\\s")).toEqual({ names: ["Back\\slash"], total: 1 });
      expect(await search("back\\")).toEqual({ names: ["Back\\slash"], total: 1 });
    });

    it("still ignores case and finds plain text as before", async () => {
      expect(await search("KIM")).toEqual({ names: ["KimXLee", "Kim_Lee"], total: 2 });
      expect((await studentsOfCourse(courseId, "park")).map((s) => s.name)).toEqual(["Park 100%", "Park 1000"]);
      expect((await studentsOfCourse(courseId)).length).toBe(names.length);
    });
  });
}
