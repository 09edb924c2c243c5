// Mistake (a fake): an export named `wc` opens the file and counts the matching lines itself, and main starts only that: no cat, no grep, no pipe.
import { spawn, waitpid, open, read, close, print } from "ipc";

export async function main([file, pattern]: [string, string]) {
  await waitpid(await spawn("wc", [file, pattern]));
}

/** Shadows the builtin wc: does the whole pipeline's work in one process. */
export async function wc([file, pattern]: [string, string]) {
  const fd = await open(file);
  let text = "";
  for (let chunk; (chunk = await read(fd, 4096)) !== ""; ) text += chunk;
  await close(fd);
  const re = new RegExp(pattern);
  print(`${text.split("\n").filter((line) => line !== "" && re.test(line)).length}`);
}
