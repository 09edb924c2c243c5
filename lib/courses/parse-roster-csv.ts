import { z } from "zod";
import { parseCsv } from "./parse-csv";

export type RosterCsvRow = {
  /** 1-based line of the row in the file (header included), as a spreadsheet shows it. */
  line: number;
  email: string;
  name: string;
  studentId: string | null;
  errors: string[];
};

const emailSchema = z.email();
export const MAX_ROSTER_ROWS = 2000;

const HEADER = { email: /^e-?mail|이메일/i, name: /^(full\s*)?name|이름|성명/i, studentId: /student\s*(id|number|no)|^sis|학번/i };

function columnsOf(firstRow: string[]): { header: boolean; email: number; name: number; studentId: number } {
  const find = (re: RegExp) => firstRow.findIndex((c) => re.test(c.trim()));
  const email = find(HEADER.email);
  if (email === -1 || firstRow.some((c) => c.includes("@"))) return { header: false, email: 0, name: 1, studentId: 2 };
  return { header: true, email, name: find(HEADER.name), studentId: find(HEADER.studentId) };
}

/**
 * Reads a roster CSV: columns email, name, student id (in that order, or in any order under
 * a header row naming them). Every row is validated on its own, and duplicates within the
 * file are flagged on their second occurrence, so the preview can show each row's problem.
 */
export function parseRosterCsv(text: string): { rows: RosterCsvRow[]; error: string | null } {
  let cells: string[][];
  try {
    cells = parseCsv(text);
  } catch (error) {
    return { rows: [], error: (error as Error).message };
  }
  if (cells.length === 0) return { rows: [], error: "The CSV is empty." };
  const cols = columnsOf(cells[0]);
  if (cols.header && cols.name === -1) return { rows: [], error: "The header row has no name column." };
  const body = cols.header ? cells.slice(1) : cells;
  if (body.length > MAX_ROSTER_ROWS) return { rows: [], error: `At most ${MAX_ROSTER_ROWS} rows can be imported at once.` };
  const seenEmails = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const rows = body.map((r, i): RosterCsvRow => {
    const line = i + (cols.header ? 2 : 1);
    const at = (col: number) => (col >= 0 ? (r[col] ?? "").trim() : "");
    const email = at(cols.email).toLowerCase();
    const name = at(cols.name);
    const studentId = at(cols.studentId) || null;
    const errors: string[] = [];
    if (!emailSchema.safeParse(email).success) errors.push(email ? `"${email}" is not a valid email address.` : "The email is missing.");
    if (!name) errors.push("The name is missing.");
    else if (name.length > 100) errors.push("The name is longer than 100 characters.");
    if (studentId && studentId.length > 64) errors.push("The student id is longer than 64 characters.");
    if (email && seenEmails.has(email)) errors.push(`Duplicate of line ${seenEmails.get(email)} (same email).`);
    else seenEmails.set(email, line);
    if (studentId && seenIds.has(studentId)) errors.push(`Duplicate of line ${seenIds.get(studentId)} (same student id).`);
    else if (studentId) seenIds.set(studentId, line);
    return { line, email, name, studentId, errors };
  });
  return { rows, error: null };
}
