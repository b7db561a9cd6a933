// What the calendar page reads from a text before and after sending it: the year it declares
// (so the text goes to /calendars/:year) and the line a field error names (shown beside it).

/** The year of the first "year YYYY" line, or null. */
export function declaredYear(text: string): number | null {
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*year\s+(\d{4})\s*$/.exec(line)
    if (m) return Number(m[1])
    if (line.trim() !== '' && !line.trim().startsWith('#')) return null
  }
  return null
}

/** The line number a server message names ("第 3 行" or "line 3"), or null. */
export function errorLine(message: string): number | null {
  const m = /第\s*(\d+)\s*行|line\s+(\d+)/i.exec(message)
  return m ? Number(m[1] ?? m[2]) : null
}

/** The numbered lines around `line` (1-based), for a preview of the error. */
export function linesAround(text: string, line: number, context = 1): { n: number; text: string; bad: boolean }[] {
  const lines = text.split(/\r?\n/)
  const from = Math.max(1, line - context)
  const to = Math.min(lines.length, line + context)
  const out = []
  for (let n = from; n <= to; n++) out.push({ n, text: lines[n - 1] ?? '', bad: n === line })
  return out
}
