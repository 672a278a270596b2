import type { DumpSet } from '../dumps/dump-set.js'
import { computeAffected, type AffectedOptions, type AffectedResult } from '../graph/affected.js'
import type { ChangedFunction } from '../model.js'

/**
 * The `layout` tier: the roots (functions touching moved members or the size) with every function
 * GCC inlined them into or cloned them as. Review-tier callers and the out-of-line questions of
 * header roots are left out: the type-change finding already fails the gate, this is its reach.
 */
export function layoutEntries(
  set: DumpSet,
  roots: ChangedFunction[],
  options: AffectedOptions
): AffectedResult {
  if (roots.length === 0) return { affected: [], findings: [] }
  const walked = computeAffected(set, roots, { ...options, callersOf: undefined })
  return {
    affected: walked.affected
      .filter(a => a.tier === 'required')
      .map(a => ({ ...a, tier: 'layout' as const })),
    findings: walked.findings.filter(f => f.kind === 'not-built' && f.severity === 'unresolved')
  }
}
