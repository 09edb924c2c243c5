import { defineTests } from "../../../../../lib/grader/exercises/test-definition";

/** Sorted characters: two lines are anagrams when theirs are equal. */
const letters = (line: string) => line.split("").sort().join("");

export default defineTests([
  {
    id: "no-anagrams",
    title: { ko: "1부터 n까지 출력", en: "Print 1 to n" },
    points: 100,
    message: { ko: "1부터 n까지 한 줄에 하나씩 출력해야 합니다.", en: "Print the numbers 1 to n, one per line." },
    scenario: { main: "main", args: [5] },
    // Quadratic on purpose, and in the number of lines the STUDENT printed: harmless on the
    // five lines of a correct program, minutes on the ~10,000 lines of a chatty one.
    check: (s) => {
      const lines = (s.output["1"] ?? "").split("\n").filter((l) => l !== "");
      let anagrams = 0;
      for (let i = 0; i < lines.length; i++) {
        for (let j = i + 1; j < lines.length; j++) if (letters(lines[i]) === letters(lines[j])) anagrams++;
      }
      if (anagrams) return `${anagrams} pairs of lines are anagrams`;
      return lines.join(",") === "1,2,3,4,5" ? null : `printed ${lines.length} lines`;
    },
  },
]);
