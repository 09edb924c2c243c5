/** Structured log lines (one JSON object per line), so operators and tests can parse them. */
export type GraderLog = (event: string, fields?: Record<string, unknown>) => void;

const line = (event: string, fields: Record<string, unknown>) => JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + "\n";

export const jsonLineLog: GraderLog = (event, fields = {}) => {
  process.stdout.write(line(event, fields));
};

/**
 * The same lines on stderr: for what only operators may read, e.g. why an exercise's hidden
 * check threw (its message can quote hidden code, so it never goes into a report).
 */
export const stderrJsonLineLog: GraderLog = (event, fields = {}) => {
  process.stderr.write(line(event, fields));
};

export const silentLog: GraderLog = () => {};
