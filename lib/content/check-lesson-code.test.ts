import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { submissionCompiler } from "../grader/compile/submission-compiler";
import { checkLessonCode, formatLessonCodeProblem, tsCodeBlocks } from "./check-lesson-code";

const md = (...parts: string[]) => parts.join("\n");
const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;

const GOOD = `import { pipe, spawn, read, write, close, waitpid } from "ipc";

export async function main() {
  const [r, w] = await pipe();
  const child = await spawn(worker, [w], { close: [r] });
  await close(w);
  console.log(await read(r));
  await waitpid(child);
}

export async function worker([w]: number[]) {
  await write(w, "hi");
}`;

describe("tsCodeBlocks", () => {
  it("finds only ts/typescript fences, numbers them and records their first line", () => {
    const text = md("# T", "", fence("c", "int x;"), "", fence("ts", "const a = 1;"), "", "```", "diagram", "```", fence("typescript", "const b = 2;\nconst c = 3;"), fence("sh", "ls"));
    const blocks = tsCodeBlocks(text);
    // Lines: 1 "# T", 2 "", 3-5 c block, 6 "", 7 ```ts, 8 code, 9 ```, 10 "", 11-13 plain block, 14 ```typescript, 15-16 code.
    expect(blocks.map((b) => [b.index, b.startLine, b.code])).toEqual([
      [1, 8, "const a = 1;\n"],
      [2, 15, "const b = 2;\nconst c = 3;\n"],
    ]);
  });
  it("does not treat a ```ts line inside another fence as a block", () => {
    expect(tsCodeBlocks(md("````md", "```ts", "x", "```", "````"))).toEqual([]);
  });
});

describe("checkLessonCode", () => {
  const compiler = submissionCompiler();

  it("accepts a complete module using the real ipc API", () => {
    expect(checkLessonCode(md("Intro", fence("ts", GOOD)), compiler)).toEqual([]);
  });

  it("reports type errors with block number, block line and Markdown line", () => {
    const bad = `import { mutex_create, mutex_lock } from "ipc";\n\nexport async function main() {\n  await mutex_create("m");\n  await mutex_lock("m");\n}`;
    const problems = checkLessonCode(md("Intro", "", fence("ts", GOOD), "", fence("ts", bad)), compiler);
    expect(problems).toHaveLength(1);
    const p = problems[0]!;
    // Lines: 1 "Intro", 2 "", 3 ```ts, 4-16 GOOD (13 lines), 17 ```, 18 "", 19 ```ts, 20… bad → its line 5 is line 24.
    expect(p).toMatchObject({ block: 2, line: 5, mdLine: 24, rule: "typecheck" });
    expect(formatLessonCodeProblem("en", p)).toMatch(/^en ts block 2, line 5 \(en\.md:24\): TS2345 Argument of type 'string'/);
  });

  it("rejects fragments: a block must be a whole module", () => {
    const problems = checkLessonCode(fence("ts", "const b = await mem.load(0);"), compiler);
    expect(problems.some((p) => /Cannot find name 'mem'/.test(p.message))).toBe(true);
  });

  it("rejects names that are not in the ipc API (e.g. WNOHANG)", () => {
    const problems = checkLessonCode(fence("ts", `import { waitpid, WNOHANG } from "ipc";\nexport async function main() { await waitpid(-1); }`), compiler);
    expect(problems.map((p) => p.message).join("\n")).toMatch(/no exported member 'WNOHANG'/);
  });

  it("rejects spawned functions that take positional parameters instead of the args array", () => {
    const code = GOOD.replace("worker([w]: number[])", "worker(w: number)");
    const problems = checkLessonCode(fence("ts", code), compiler);
    expect(problems).toEqual([
      expect.objectContaining({ block: 1, line: 11, rule: "spawn-args", message: expect.stringMatching(/"worker" is started with spawn.*worker\(\[w\]: number\[\]\)/) }),
    ]);
    // Also when the entry is given by export name, and for arrow functions.
    const byName = `import { spawn } from "ipc";\nexport const job = async (n: number) => n;\nexport async function main() { await spawn("job", [1]); }`;
    expect(checkLessonCode(fence("ts", byName), compiler).map((p) => p.rule)).toEqual(["spawn-args"]);
    const ok = `import { spawn, type JsonValue } from "ipc";\nexport async function a(args: JsonValue[]) { return args.length; }\nexport async function b() {}\nexport async function main() { await spawn(a, [1]); await spawn(b); }`;
    expect(checkLessonCode(fence("ts", ok), compiler)).toEqual([]);
  });

  it("every lesson's ts blocks type-check (content/lessons)", () => {
    const dir = path.join(process.cwd(), "content", "lessons");
    const failures: string[] = [];
    for (const d of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
      for (const lang of ["ko", "en"]) {
        const file = path.join(dir, d, `${lang}.md`);
        if (!fs.existsSync(file)) continue;
        for (const p of checkLessonCode(fs.readFileSync(file, "utf8"), compiler)) failures.push(`${d} ${formatLessonCodeProblem(lang, p)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
