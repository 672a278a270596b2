import { compareAffected, functionKey } from '../coverage/match.js'
import type { AffectedFunction, ChainStep, Report } from '../model.js'

/** What a renderer says about one affected entry. */
export type Status =
  | 'missing'
  | 'review'
  | 'covered'
  /** GCC removed the symbol: nothing to patch by this name. */
  | 'removed'
  /** Removed, yet declared: the livepatch cannot resolve it. */
  | 'declared-removed'
  /** No declaration given: the tier is all there is to say. */
  | 'required'
  | 'review-only'
  /** Declared, but without the `old_sympos` its object's several same-name symbols need. */
  | 'ambiguous'
  /** Its definition says a livepatch cannot or need not replace it (see the not-patchable finding). */
  | 'not-patchable'
  /** Touches a member or size a type change moves: the type-change finding is what fails. */
  | 'layout'

export interface ReportView {
  statusOf(a: AffectedFunction): Status
  /** Every entry of the same set and symbol (several changed functions can reach one symbol). */
  sameFunction(a: AffectedFunction): AffectedFunction[]
  /** Required, present functions once per set and symbol: the list to patch without a declaration. */
  toPatch: AffectedFunction[]
  /** Review-tier functions without a declaration, once per set and symbol. */
  reviewOnly: AffectedFunction[]
  /** Layout-tier functions only (no required or review chain), once per set and symbol. */
  layout: AffectedFunction[]
  /** Distinct functions per set. */
  affectedCount: number
  multiSet: boolean
}

export function viewOf(report: Report): ReportView {
  const byKey = new Map<string, AffectedFunction[]>()
  for (const a of [...report.affected].sort(compareAffected)) {
    const k = functionKey(a)
    const list = byKey.get(k)
    if (list) list.push(a)
    else byKey.set(k, [a])
  }
  const cov = report.coverage
  const covered = new Set(cov?.covered.map(c => functionKey(c.affected)))
  const missing = new Set(cov?.missing.map(functionKey))
  const review = new Set(cov?.review.map(functionKey))
  const declaredRemoved = new Set(cov?.declaredRemoved?.map(c => functionKey(c.affected)))
  const ambiguous = new Set(cov?.ambiguous?.map(c => functionKey(c.affected)))

  const toPatch: AffectedFunction[] = []
  const reviewOnly: AffectedFunction[] = []
  const layout: AffectedFunction[] = []
  const layoutOnly = (k: string): boolean => byKey.get(k)?.every(x => x.tier === 'layout') ?? false
  for (const [k, list] of byKey) {
    if (list[0].symbol === 'removed' || list[0].unpatchable) continue
    const required = list.find(a => a.tier === 'required')
    if (required) toPatch.push(required)
    else if (layoutOnly(k)) layout.push(list[0])
    else reviewOnly.push(list.find(a => a.tier === 'review') ?? list[0])
  }
  const sets = new Set([...report.sets.map(s => s.label), ...report.affected.map(a => a.set)])

  return {
    statusOf(a) {
      const k = functionKey(a)
      if (a.symbol === 'removed') return declaredRemoved.has(k) ? 'declared-removed' : 'removed'
      if (a.unpatchable) return 'not-patchable'
      if (layoutOnly(k) && !covered.has(k)) return 'layout'
      if (!cov) return byKey.get(k)?.some(x => x.tier === 'required') ? 'required' : 'review-only'
      if (covered.has(k)) return 'covered'
      if (ambiguous.has(k)) return 'ambiguous'
      if (missing.has(k)) return 'missing'
      if (review.has(k)) return 'review'
      return a.tier === 'required' ? 'missing' : 'review'
    },
    sameFunction: a => byKey.get(functionKey(a)) ?? [a],
    toPatch,
    reviewOnly,
    layout,
    affectedCount: byKey.size,
    multiSet: sets.size > 1
  }
}

/** `inlined into tcp_bar`, `cloned as tcp_bar.constprop.0 (constprop)`: the words of one step. */
export function stepWords(step: ChainStep): { verb: string; name: string; note?: string } {
  switch (step.kind) {
    case 'changed':
      return step.reason
        ? { verb: 'changed', name: step.name, note: step.reason }
        : { verb: 'changed', name: step.name }
    case 'inlined-into':
      return { verb: 'inlined into', name: step.name }
    case 'cloned-as':
      return { verb: 'cloned as', name: step.name, note: step.reason }
    case 'caller-of':
      return { verb: 'called by', name: step.name }
    case 'gcc-decision':
      return { verb: 'compiled differently', name: step.name, note: step.reason }
    case 'object-diff':
      return { verb: 'object code differs', name: step.name, note: step.reason }
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The coverage line's counts, in the order both renderers show them. */
export function coverageCounts(c: NonNullable<Report['coverage']>): string[] {
  return [
    `${c.missing.length} missing`,
    `${c.review.length} review`,
    `${c.covered.length} covered`,
    `${c.extra.length} extra`,
    ...(c.ambiguous ? [`${c.ambiguous.length} ambiguous`] : [])
  ]
}
