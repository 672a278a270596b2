import type { AffectedFunction, Finding } from '../model.js'
import type { SymbolComparison } from '../objects/model.js'

/**
 * A predicted entry whose object differs only in line numbers the fix's hunks shift (a WARN's
 * `__bug_table` line, a `__LINE__` immediate). The fix may have edited it, yet what it edited
 * compiles to nothing here (a branch on a predicate this configuration makes constant, a helper
 * inlined back to the same load), and the hunks above it moved its lines. kpatch's
 * create-diff-object ignores such a function, as the engine does for the unedited functions below a
 * hunk (`line-shift`): replacing it would only make a WARN in the running kernel report its new
 * line. The caller drops the entry.
 */
export function lineOnlyFinding(
  entry: AffectedFunction,
  s: SymbolComparison,
  set: string,
  tu: string
): Finding {
  // The comparer's detail already says "line numbers only: ..."; the message says it once.
  const lines = s.detail?.replace(/^line numbers only: /, '')
  const what = lines ? ` (${lines})` : ''
  return {
    kind: 'line-shift',
    severity: 'info',
    set,
    file: tu,
    functions: [entry.name],
    message: `${entry.name}: predicted from the dumps (from ${entry.origin}), but in the patched build its machine code differs in line numbers only${what}; livepatch tools treat this as a line-only change (no need to replace it)`
  }
}
