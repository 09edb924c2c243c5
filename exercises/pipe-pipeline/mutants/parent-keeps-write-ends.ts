// Mistake: the children close what they do not use, but main never closes its own copies of the pipe ends, so grep never sees EOF.
import { pipe, spawn, waitpid } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  const cat = await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  const [p2r, p2w] = await pipe();
  const grep = await spawn("grep", [pattern], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w, p1w] });
  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r, p1r, p1w, p2w] });
  for (const pid of [cat, grep, wc]) await waitpid(pid);
}
