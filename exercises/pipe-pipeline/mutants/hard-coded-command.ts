// Mistake: ignores main's arguments and always runs `cat access.log | grep ERROR | wc -l`.
import { pipe, spawn, close, waitpid } from "ipc";

export async function main() {
  const [p1r, p1w] = await pipe();
  const cat = await spawn("cat", ["access.log"], { stdout: p1w, close: [p1r, p1w] });
  await close(p1w);
  const [p2r, p2w] = await pipe();
  const grep = await spawn("grep", ["ERROR"], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w] });
  await close(p1r);
  await close(p2w);
  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r] });
  await close(p2r);
  for (const pid of [cat, grep, wc]) await waitpid(pid);
}
