// Mistake: both pipes are created up front and main closes its copies, but every child inherits all four ends: grep keeps a write end of its own input pipe.
import { pipe, spawn, close, waitpid } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  const [p2r, p2w] = await pipe();
  const cat = await spawn("cat", [file], { stdout: p1w });
  const grep = await spawn("grep", [pattern], { stdin: p1r, stdout: p2w });
  const wc = await spawn("wc", ["-l"], { stdin: p2r });
  for (const fd of [p1r, p1w, p2r, p2w]) await close(fd);
  for (const pid of [cat, grep, wc]) await waitpid(pid);
}
