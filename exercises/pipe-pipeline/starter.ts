import { pipe, spawn, close, waitpid } from "ipc";

/**
 * Should behave like the shell's `cat FILE | grep PATTERN | wc -l`, with wc printing the
 * count on main's standard output. The stages are wired, but the program never finishes:
 * find out why (the grader's timeline shows who waits for what).
 */
export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe(); // cat → grep
  const [p2r, p2w] = await pipe(); // grep → wc

  await spawn("cat", [file], { stdout: p1w });
  await spawn("grep", [pattern], { stdin: p1r, stdout: p2w });
  await spawn("wc", ["-l"], { stdin: p2r });

  // TODO: which descriptors does each process still hold that it does not use?
  // TODO: wait for the children.
}
