import type { Report } from '../model.js'
import { CANNOT_CARRY, isDecision, isLayout } from '../coverage/decisions.js'
import { codeSpan } from './escape.js'
import { isHolder } from './finding-groups.js'
import { plural, type ReportView } from './view.js'

/** The type a layout finding is about: its message starts with the type's label (`struct x: ...`). */
function layoutType(report: Report): string | undefined {
  // The type the fix reshapes, before the types that change only because they hold it.
  const f = report.findings.find(x => isLayout(x) && !isHolder(x)) ?? report.findings.find(isLayout)
  return f ? /^([^:]{1,120}):/.exec(f.message)?.[1] : undefined
}

// Files named on the verdict line: past these, a count.
const FILES_SHOWN = 3

/**
 * Why nothing needs replacing, when part of it is that the configuration does not build what the
 * fix changes (a CVE fix in a driver this kernel leaves out): that is the answer the reader wants,
 * not that an empty livepatch declares everything.
 */
function notBuilt(report: Report): string {
  const files = [
    ...new Set(
      report.findings.flatMap(f =>
        f.kind === 'not-built' && f.severity === 'info' && f.file ? [f.file] : []
      )
    )
  ]
  if (files.length === 0) return ''
  const shown = files.slice(0, FILES_SHOWN).map(codeSpan).join(', ')
  const more = files.length > FILES_SHOWN ? ` and ${files.length - FILES_SHOWN} more` : ''
  return ` (not built in this configuration: ${shown}${more})`
}

/**
 * The first line of the comment: the verdict and one sentence saying what to do about it, the
 * most blocking problem first (a layout change cannot be fixed by declaring more functions).
 */
export function verdictSentence(report: Report, view: ReportView): string {
  const c = report.coverage
  const unresolvedList = report.findings.filter(f => f.severity === 'unresolved')
  const unresolved = unresolvedList.length
  const open = unresolvedList.filter(f => !isDecision(f)).length
  const carried = [
    ...new Set(unresolvedList.flatMap(f => (isLayout(f) ? [] : (CANNOT_CARRY[f.kind] ?? []))))
  ]
  const missing = c?.missing.length ?? 0
  const todo: string[] = []
  const type = layoutType(report)
  if (type !== undefined || view.layout.length > 0) {
    todo.push(
      `This fix changes ${type ? `${codeSpan(type)}'s layout` : 'a type layout'}: it cannot be livepatched as it is`
    )
  }
  if (missing > 0)
    todo.push(
      `Add ${missing === 1 ? 'this function' : `these ${missing} functions`} to the livepatch`
    )
  if (c?.ambiguous?.length)
    todo.push(`Give ${plural(c.ambiguous.length, 'declaration')} the right \`old_sympos\``)
  if (!c && view.toPatch.length > 0) {
    todo.push(
      `The livepatch must replace ${view.toPatch.length === 1 ? 'this function' : `these ${view.toPatch.length} functions`}`
    )
  }
  const review = c ? c.review.length : view.reviewOnly.length
  if (review > 0 && todo.length === 0)
    todo.push(`Check the ${plural(review, 'review function')} below`)
  if (type === undefined && carried.length > 0) {
    const what = `${carried.slice(0, -1).join(', ')}${carried.length > 1 ? ' and ' : ''}${carried[carried.length - 1]}`
    todo.push(`It changes ${what}: no function replacement carries that, decide how`)
  }
  if (open > 0 && type === undefined) {
    todo.push(`Look at ${plural(open, 'unresolved input')}: the lists may be incomplete`)
  }
  if (todo.length === 0) {
    todo.push(
      c && report.affected.length > 0
        ? 'The livepatch declares every function this fix requires'
        : `This fix changes no function a livepatch must replace${notBuilt(report)}`
    )
  }
  // A pass under a policy that does not judge what was found (`none` with 5 missing) is no
  // green tick: it sits next to warnings about those very functions.
  const unjudged = report.result === 'pass' && (missing > 0 || unresolved > 0)
  const icon = report.result === 'pass' ? (unjudged ? '⚠️' : '✅') : '❌'
  const policy = unjudged ? ` (policy: ${report.policy.join(', ') || 'none'})` : ''
  return `${icon} **${report.result}**${policy} — ${todo.join('. ')}.`
}
