import type { HeaderDeps } from '../impact/deps.js'
import type { ChangedFunction, Finding } from '../model.js'
import { judgeNoDump } from './no-dump.js'

/**
 * The fix's files whose changes can change compiled code: a changed (not added) function, a
 * function a header change reaches, or a finding about the file that is more than info (line
 * shifts count: embedded line numbers change). A header whose hunks are only comments, added
 * prototypes or functions, appended enumerators or layout-neutral struct changes is read by TUs
 * without changing a byte of them.
 */
export function codeChangingFiles(
  paths: Iterable<string>,
  changed: readonly ChangedFunction[],
  findings: readonly Finding[]
): Set<string> {
  const out = new Set<string>()
  for (const c of changed) {
    if (c.change === 'added') continue
    out.add(c.file)
    for (const h of c.hunks) out.add(h.file)
  }
  for (const f of findings) {
    if (f.file === undefined) continue
    if (f.severity !== 'info' || f.kind === 'line-shift') out.add(f.file)
  }
  return new Set([...paths].filter(p => out.has(p)))
}

/**
 * judgeNoDump with the files that change code: a TU without a dump that reads only files whose
 * changes compile to nothing hides nothing of the fix.
 */
export function judgeNoDumpByEffect(
  finding: Finding,
  deps: HeaderDeps | undefined,
  changedPaths: ReadonlySet<string>,
  codePaths: ReadonlySet<string>
): Finding {
  const byFiles = judgeNoDump(finding, deps, changedPaths)
  if (byFiles !== finding) return byFiles
  const judged = judgeNoDump(finding, deps, codePaths)
  if (judged === finding) return finding
  const read = (deps?.filesOf(finding.file ?? '') ?? []).filter(f => changedPaths.has(f))
  return {
    ...finding,
    severity: 'info',
    message: `${finding.message}; it reads ${read.join(', ')}, whose changes in this fix change no compiled code`
  }
}
