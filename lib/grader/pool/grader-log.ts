/** Structured log lines (one JSON object per line), so operators and tests can parse them. */
export type GraderLog = (event: string, fields?: Record<string, unknown>) => void;

export const jsonLineLog: GraderLog = (event, fields = {}) => {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }) + "\n");
};

export const silentLog: GraderLog = () => {};
