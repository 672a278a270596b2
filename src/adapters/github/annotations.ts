import * as core from '@actions/core'
import type { Report } from '../../core/model.js'
import { terminalSafe } from '../../core/render/escape.js'

/** GitHub shows at most 10 error annotations per step; the rest would be dropped silently. */
export const MAX_ANNOTATIONS = 10

export interface Annotation {
  file?: string
  line?: number
  title: string
  message: string
}

/**
 * One error per changed function whose affected functions are not all declared, the ones with the
 * most missing functions first. `withLocation` is false when the diff's files are not the
 * repository's own (a patch file carried by a livepatch repository).
 */
export function pickAnnotations(
  report: Report,
  withLocation: boolean
): { annotations: Annotation[]; omitted: number } {
  const missingByOrigin = new Map<string, string[]>()
  for (const fn of report.coverage?.missing ?? []) {
    const names = missingByOrigin.get(fn.origin) ?? []
    const label = `${fn.name} (${fn.object ?? fn.tu}${report.sets.length > 1 ? `, ${fn.set}` : ''})`
    if (!names.includes(label)) names.push(label)
    missingByOrigin.set(fn.origin, names)
  }
  const ranked = [...missingByOrigin.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])
  )
  const annotations = ranked.slice(0, MAX_ANNOTATIONS).map(([origin, names]) => {
    const changed = report.changed.find(c => c.name === origin || c.symbols.includes(origin))
    const hunk = changed?.hunks[0]
    return {
      file: withLocation ? (hunk?.file ?? changed?.file) : undefined,
      line: withLocation ? (hunk?.line ?? changed?.line) : undefined,
      title: `klp-affected: ${names.length} function(s) missing from the livepatch`,
      message: `${origin} changed; the livepatch must also replace: ${names.join(', ')}`
    }
  })
  return { annotations, omitted: Math.max(0, ranked.length - MAX_ANNOTATIONS) }
}

/**
 * Errors only when the policy fails on missing functions: under `none` (or a policy without
 * `missing`) red annotations beside a passing check would contradict it, so they are warnings.
 */
export function emitAnnotations(report: Report, withLocation: boolean): void {
  const { annotations, omitted } = pickAnnotations(report, withLocation)
  const emit = report.policy.includes('missing') ? core.error : core.warning
  for (const a of annotations) {
    emit(terminalSafe(a.message), { title: terminalSafe(a.title), file: a.file, startLine: a.line })
  }
  if (omitted > 0) {
    core.warning(`${omitted} more changed function(s) with missing functions: see the job summary`)
  }
}
