// Dates as an officer types and reads them: day/month/year, the year in four digits (31/12/2025), stored as
// YYYY-MM-DD; where the model allows it, a year alone (2025). Nothing is guessed: "2025" in a date-only field,
// "31/12/25" or "31/02/2025" is refused with a message, never read as another day (a browser's own date
// field turned a typed "2025" into 1905). Browser and Node alike (tests/engine/test_cms.py runs it in Node).
const pad = (n) => String(n).padStart(2, "0");
export const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;

export function readDate(typed, yearAllowed) {
  const text = String(typed ?? "").trim();
  if (!text) return { value: "" };
  if (yearAllowed && /^\d{4}$/.test(text)) return { value: Number(text) };
  let parts = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  let [year, month, day] = parts ? [parts[1], parts[2], parts[3]] : [];
  if (!parts) {
    parts = text.match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/);
    if (!parts || parts[3].length !== 4) return { error: yearAllowed ? "invalid_year" : "invalid" };
    [day, month, year] = [parts[1], parts[2], parts[3]];
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    return { error: "no_such_day" };
  }
  return { value: iso(year, month, day) };
}

export function showDate(value) {
  if (value === undefined || value === null || value === "") return "";
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  const parts = String(value).match(/^(\d{4})-(\d{2})-(\d{2})/);
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : String(value);
}

