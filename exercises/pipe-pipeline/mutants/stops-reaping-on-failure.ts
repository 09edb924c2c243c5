// Mistake: main stops waiting at the first stage with a non-zero exit status; grep exits 1 when nothing matches, so wc is left a zombie.
import { pipe, spawn, close, waitpid } from "ipc";

/**
 * The shell's `cat FILE | grep PATTERN | wc -l`:
 *
 *   cat FILE ──p1──▶ grep PATTERN ──p2──▶ wc -l ──▶ main's stdout
 *
 * spawn() is fork + exec in one call: the child inherits every descriptor of the parent,
 * `stdin`/`stdout` dup2 a parent descriptor onto the child's fd 0/1, and `close` closes
 * inherited descriptors in the child, exactly what a shell does between fork and exec.
 */
export async function main([file, pattern]: [string, string]) {
  const [p1r, p1w] = await pipe();
  // cat writes into p1; it needs neither the original p1 descriptors nor p1's read end.
  const cat = await spawn("cat", [file], { stdout: p1w, close: [p1r, p1w] });
  // From now on cat must be the only writer of p1: otherwise grep never sees EOF.
  await close(p1w);

  const [p2r, p2w] = await pipe();
  const grep = await spawn("grep", [pattern], { stdin: p1r, stdout: p2w, close: [p1r, p2r, p2w] });
  // The parent uses neither pipe: keeping p2w would keep wc from ever seeing EOF.
  await close(p1r);
  await close(p2w);

  // wc's stdout stays main's stdout, where the count should appear.
  const wc = await spawn("wc", ["-l"], { stdin: p2r, close: [p2r] });
  await close(p2r);

  // All three stages run at the same time (a full pipe blocks its writer until the next
  // stage reads). Reap every child, or each one stays a zombie.
  for (const pid of [cat, grep, wc]) {
    const result = await waitpid(pid);
    // A failed stage ends the pipeline: no point waiting for the rest.
    if (result && "code" in result.status && result.status.code !== 0) return;
  }
}
