/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside
 * quotes, CRLF or LF) into rows of cells. A leading UTF-8 BOM (Excel's) is ignored, and so
 * are blank lines. Throws on an unterminated quote, the one malformation that makes the
 * rest of the file ambiguous.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0].trim() !== "") rows.push(row);
    row = [];
    cell = "";
  };
  while (i < input.length) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      if (ch === "\r" && input[i + 1] === "\n") i++;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new Error("The CSV has an unterminated quoted field.");
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}
