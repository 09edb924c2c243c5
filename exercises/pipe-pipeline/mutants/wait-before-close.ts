// Mistake: main waits for the children before closing its pipe ends; grep waits for EOF that only main's close would give.
import { pipe, spawn, close, waitpid } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  const cat = await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  const [p2r, p2w] = await pipe();
  const grep = await spawn("grep", [pattern], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w, p1w] });
  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r, p1r, p1w, p2w] });
  for (const pid of [cat, grep, wc]) await waitpid(pid);
  for (const fd of [p1r, p1w, p2r, p2w]) await close(fd);
}
