// Mistake: grep's stdout is left on the terminal instead of the pipe to wc, so the matches are printed and wc counts nothing.
import { pipe, spawn, close, waitpid } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  const cat = await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  await close(p1w);
  const [p2r, p2w] = await pipe();
  const grep = await spawn("grep", [pattern], { stdin: p1r, close: [p1r, p2r, p2w] });
  await close(p1r);
  await close(p2w);
  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r] });
  await close(p2r);
  for (const pid of [cat, grep, wc]) await waitpid(pid);
}
