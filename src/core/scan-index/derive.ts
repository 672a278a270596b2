import { NONE } from '../arrays.js'
import type { Finding } from '../model.js'
import { MALFORMED_DETAIL_LIMIT } from '../dumps/scanner.js'
import type { IndexedDump, LineError } from './entry.js'

/**
 * Why the scanner keeps a dump's text, which decides what it reports (DumpScanner.lines):
 * `wanted` validates every line in one pass, both kinds of errors interleaved in line order;
 * `mentioned` (kept for a focus name met halfway) reports the lines that do not scan first, then
 * the cross-line errors of a second pass; `none` (not kept) skips the cross-line checks.
 */
export type KeepMode = 'wanted' | 'mentioned' | 'none'

/** The malformed-line findings DumpScanner.scan gives for this dump in this mode, in its order. */
export function entryFindings(
  entry: IndexedDump,
  path: string,
  label: string,
  mode: KeepMode
): Finding[] {
  const limit = MALFORMED_DETAIL_LIMIT
  let shown: LineError[]
  let bad: number
  if (mode === 'wanted') {
    shown = merge(entry.lineErrors, entry.crossErrors).slice(0, limit)
    bad = entry.lineErrorCount + entry.crossErrorCount
  } else if (mode === 'mentioned') {
    shown = [
      ...entry.lineErrors,
      ...entry.crossErrors.slice(0, Math.max(0, limit - entry.lineErrorCount))
    ]
    bad = entry.lineErrorCount + entry.crossErrorCount
  } else {
    shown = entry.lineErrors
    bad = entry.lineErrorCount
  }
  if (shown.length === 0 && bad <= limit) return NONE
  const findings: Finding[] = shown.map(([line, text]) => ({
    kind: 'dump-malformed-line',
    severity: 'unresolved',
    set: label,
    file: path,
    line,
    message: `${path}:${line}: ${text}`
  }))
  if (bad > limit)
    findings.push({
      kind: 'dump-malformed-line',
      severity: 'unresolved',
      set: label,
      file: path,
      message:
        `${path}: ${bad} malformed lines in all; the first ${limit} are ` +
        `reported one by one, ${bad - limit} more are not`
    })
  return findings
}

/** Two line-ordered lists (a line is in at most one) as one. */
function merge(a: LineError[], b: LineError[]): LineError[] {
  const out: LineError[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i][0] < b[j][0])) out.push(a[i++])
    else out.push(b[j++])
  }
  return out
}
