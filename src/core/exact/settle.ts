import type { Finding } from '../model.js'
import type { ObjectComparison } from '../objects/model.js'
import type { ExactSet } from './model.js'

/**
 * Source-level doubts that the object comparison answers. The dumps and the source can only say
 * "the code of this TU may change"; the patched build's object of that TU says whether it did.
 * - `no-dump`: a TU built without a dump hides its inlining decisions, but every function of its
 *   object was compared, and each one that changed is an entry (`found` when nobody predicted it).
 * - `global-change` in a `.c` file: its data objects were compared; when none of them differs, the
 *   rewrite (an equivalent initializer, a macro that expands the same) left the data as it was.
 * Only TUs whose objects were compared in every set the finding concerns are settled: a TU the
 * patched build did not recompile, or a set without objects, keeps its finding.
 */
export function settleByObjects(
  findings: Finding[],
  exact: ExactSet[],
  labels: readonly string[]
): Finding[] {
  const compared = new Map<string, Map<string, ObjectComparison>>()
  for (const e of exact)
    if (e.objects) compared.set(e.label, new Map(e.objects.map(o => [o.tu, o])))
  return findings.map(f => {
    if (f.severity !== 'unresolved' || !f.file) return f
    const file = f.file
    const pairs = (f.set ? [f.set] : labels).map(l => compared.get(l)?.get(file))
    if (pairs.length === 0 || pairs.some(p => p === undefined)) return f
    const objects = pairs as ObjectComparison[]
    if (f.kind === 'no-dump') {
      return {
        ...f,
        severity: 'info',
        message: `${f.message}; its object was compared with the patched build's instead, and every function whose code changed there is listed`
      }
    }
    if (f.kind === 'global-change' && file.endsWith('.c') && objects.every(sameData)) {
      return {
        ...f,
        severity: 'info',
        message: `${f.message}; but every data object of ${file} is identical in the patched build: the change leaves the data as it was`
      }
    }
    return f
  })
}

/** Every data object the kernel keeps reads the same before and after (none added or removed). */
function sameData(o: ObjectComparison): boolean {
  return (
    o.findings.length === 0 &&
    o.symbols.every(
      s => s.kind !== 'data' || s.verdict === 'unchanged' || s.dataClass === 'discarded'
    )
  )
}
