import type { DumpSet } from '../dumps/dump-set.js'
import { computeAffected, type AffectedOptions, type AffectedResult } from '../graph/affected.js'
import type { AffectedFunction, ChangedFunction } from '../model.js'

/**
 * The `layout` tier: the roots (functions touching moved members or the size) with every function
 * GCC inlined them into or cloned them as, and the callers of their IPA-SRA clones. Other
 * review-tier callers and the out-of-line questions of header roots are left out: the type-change
 * finding already fails the gate, this is its reach.
 */
export function layoutEntries(
  set: DumpSet,
  roots: ChangedFunction[],
  options: AffectedOptions
): AffectedResult {
  if (roots.length === 0) return { affected: [], findings: [] }
  const walked = computeAffected(set, roots, options)
  return {
    affected: walked.affected
      .filter(a => a.tier === 'required' || callsScalarised(a))
      .map(a => ({ ...a, tier: 'layout' as const })),
    findings: walked.findings.filter(f => f.kind === 'not-built' && f.severity === 'unresolved')
  }
}

/**
 * A caller of an `.isra` clone: IPA-SRA passes the members the clone reads instead of the pointer,
 * so the caller does the loads, at the offsets the layout change moves (`hid_start_in.isra.0`'s
 * callers load `hid->driver_data`). A constprop clone's callers pass the same arguments.
 */
function callsScalarised(a: AffectedFunction): boolean {
  if (a.tier !== 'review') return false
  const at = a.chain.findIndex(s => s.kind === 'caller-of')
  return at > 0 && /\.isra\.\d+$/.test(a.chain[at - 1].name)
}
