// Mistake: main returns right after starting the stages; nobody ever reaps its children, so they end as zombies.
import { pipe, spawn, close } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  await close(p1w);
  const [p2r, p2w] = await pipe();
  await spawn("grep", [pattern], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w] });
  await close(p1r);
  await close(p2w);
  await spawn("wc", ["-l"], { stdin: p2r, close: [p2r] });
  await close(p2r);
}
