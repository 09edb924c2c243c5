// Mistake: runs the stages one after another (waiting for each before starting the next); once the output exceeds the pipe buffer, cat blocks forever.
import { pipe, spawn, close, waitpid } from "ipc";

export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  const cat = await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  await close(p1w);
  await waitpid(cat);

  const [p2r, p2w] = await pipe();
  const grep = await spawn("grep", [pattern], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w] });
  await close(p1r);
  await close(p2w);
  await waitpid(grep);

  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r] });
  await close(p2r);
  await waitpid(wc);
}
