type CsvValue = string | number | null;

function cell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  // A text cell starting with = + - @ would run as a formula when a spreadsheet opens the
  // file (CSV injection through a student's name): prefix it so it stays text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted (quotes doubled), lines
 * end in CRLF, and the text starts with a UTF-8 BOM so that Excel reads Korean names right.
 */
export function formatCsv(rows: readonly (readonly CsvValue[])[]): string {
  return "\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
