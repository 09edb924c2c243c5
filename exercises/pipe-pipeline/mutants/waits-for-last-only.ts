// Mistake: waits only for wc (the last stage), so cat and grep are never reaped and stay zombies.
import { pipe, spawn, close, waitpid } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  await close(p1w);
  const [p2r, p2w] = await pipe();
  await spawn("grep", [pattern], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w] });
  await close(p1r);
  await close(p2w);
  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r] });
  await close(p2r);
  await waitpid(wc);
}
