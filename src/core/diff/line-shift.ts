import type { Finding } from '../model.js'
import { makeLineMacros, namesLine, type SourceOf } from '../line-sensitive/line-macros.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import type { FileChange, MappedChanges } from './map.js'

/**
 * Macros that put the source line into the object: WARN/BUG (bug-table entries, `__LINE__`
 * immediates), ASSERT_RTNL-style wrappers around WARN_ONCE, might_sleep() and friends. A fix that
 * adds or removes lines shifts these in every later function of the file (seen in the validation
 * builds: `ipmr_seq_read`, `vfs_read`), although their logic is unchanged. Only a fallback: with
 * the headers at hand, the line macros are derived from their bodies (`makeLineMacros`).
 */
const LINE_SENSITIVE =
  /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/

const IDENT = /[A-Za-z_]\w*/g

/** The focus and the analysis ask for the same changes: their headers are read and expanded once. */
const cache = new WeakMap<
  MappedChanges,
  { sourceOf?: SourceOf; macros: ReturnType<typeof makeLineMacros> }
>()

function lineMacrosFor(
  changes: FileChange[],
  mapped: MappedChanges,
  sourceOf?: SourceOf
): ReturnType<typeof makeLineMacros> {
  const hit = cache.get(mapped)
  if (hit && hit.sourceOf === sourceOf) return hit.macros
  const texts = new Map<string, string>()
  for (const c of changes) if (c.oldText !== null) texts.set(c.path, c.oldText)
  const macros = makeLineMacros(texts, sourceOf ?? (() => undefined))
  cache.set(mapped, { sourceOf, macros })
  return macros
}

/**
 * Functions whose machine code differs only in line numbers: not changed, but listed so that a
 * code-comparing tool's result can be reconciled with the report. `sourceOf` reads the headers
 * the changed files include, whose macros tell which invocations embed a line.
 */
export function lineShiftFindings(
  changes: FileChange[],
  mapped: MappedChanges,
  sourceOf?: SourceOf
): Finding[] {
  const findings: Finding[] = []
  const lineMacros = lineMacrosFor(changes, mapped, sourceOf)
  for (const change of changes) {
    const functions = mapped.preFunctions.get(change.path)
    if (change.oldText === null || change.newText === null || functions === undefined) continue
    const first = firstShiftingLine(change)
    if (first === undefined) continue
    const already = new Set(mapped.changed.filter(c => c.file === change.path).map(c => c.name))
    const code = maskCommentsAndStrings(change.oldText).split('\n')
    const macros = lineMacros(change.path)
    const through = new Set<string>()
    const shifted = functions
      .filter(f => f.startLine > first && !already.has(f.name))
      .filter(f => {
        const body = code.slice(f.startLine - 1, f.endLine).join('\n')
        const used = (body.match(IDENT) ?? []).filter(id => macros.names.has(id))
        for (const id of used) through.add(id)
        if (used.length > 0 && namesLine(body, macros.names, macros.pasting)) return true
        // No header was there to tell (only the changed files given): the usual names.
        return !macros.fromHeaders && LINE_SENSITIVE.test(body)
      })
      .map(f => f.name)
    if (shifted.length === 0) continue
    const named = [...through].sort()
    const via =
      named.length === 0
        ? 'WARN/BUG/ASSERT tables, __LINE__, might_sleep'
        : named.slice(0, 6).join(', ') + (named.length > 6 ? `, ${named.length - 6} more` : '')
    findings.push({
      kind: 'line-shift',
      severity: 'info',
      file: change.path,
      line: first,
      functions: [...new Set(shifted)].sort(),
      message:
        `the fix moves the lines below ${change.path}:${first}: ${shifted.length} later ` +
        `function(s) embed line numbers (${via}), so their ` +
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
