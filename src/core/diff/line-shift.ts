import type { Finding } from '../model.js'
import type { FileChange, MappedChanges } from './map.js'

/**
 * Macros that put the source line into the object: WARN/BUG (bug-table entries, `__LINE__`
 * immediates), ASSERT_RTNL-style wrappers around WARN_ONCE, might_sleep() and friends. A fix that
 * adds or removes lines shifts these in every later function of the file (seen in the validation
 * builds: `ipmr_seq_read`, `vfs_read`), although their logic is unchanged.
 */
const LINE_SENSITIVE =
  /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/

/**
 * Functions whose machine code differs only in line numbers: not changed, but listed so that a
 * code-comparing tool's result can be reconciled with the report.
 */
export function lineShiftFindings(changes: FileChange[], mapped: MappedChanges): Finding[] {
  const findings: Finding[] = []
  for (const change of changes) {
    const functions = mapped.preFunctions.get(change.path)
    if (change.oldText === null || change.newText === null || functions === undefined) continue
    const first = firstShiftingLine(change)
    if (first === undefined) continue
    const already = new Set(mapped.changed.filter(c => c.file === change.path).map(c => c.name))
    const lines = change.oldText.split('\n')
    const shifted = functions
      .filter(f => f.startLine > first && !already.has(f.name))
      .filter(f => LINE_SENSITIVE.test(lines.slice(f.startLine - 1, f.endLine).join('\n')))
      .map(f => f.name)
    if (shifted.length === 0) continue
    findings.push({
      kind: 'line-shift',
      severity: 'info',
      file: change.path,
      line: first,
      functions: [...new Set(shifted)].sort(),
      message:
        `the fix moves the lines below ${change.path}:${first}: ${shifted.length} later ` +
        `function(s) embed line numbers (WARN/BUG/ASSERT tables, __LINE__, might_sleep), so their ` +
        `machine code differs in line numbers only; livepatch tools treat this as a line-only ` +
        `change (no need to replace them)`
    })
  }
  return findings
}

/** Old-image line of the first hunk that adds or removes lines, if any. */
function firstShiftingLine(change: FileChange): number | undefined {
  for (const hunk of change.patch.hunks) {
    if (hunk.oldLines !== hunk.newLines) return hunk.oldStart
  }
  return undefined
}
