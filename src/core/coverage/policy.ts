import type { AffectedFunction, Coverage, Finding, Policy } from '../model.js'
import { isDecision } from './decisions.js'

/**
 * Decides pass/fail from the policy items, always in the order missing, review, unresolved.
 * Without a declaration (`coverage` null) the run only reports what must be patched: `missing` and
 * `review` cannot be judged and never trip; `unresolved` still does, since the list itself may be
 * incomplete. Under `review`, a clone whose callers could not all be searched fails too. Under `missing`, an analysis that found no affected function while some input could
 * not be analysed fails too: the gate must not pass because it saw nothing.
 */
export function evaluatePolicy(
  policy: Policy,
  affected: AffectedFunction[],
  coverage: Coverage | null,
  findings: Finding[]
): { result: 'pass' | 'fail'; reasons: string[] } {
  const items = new Set(policy)
  const reasons: string[] = []
  const setCount = new Set(affected.map(a => a.set)).size

  if (items.has('missing') && coverage && coverage.missing.length > 0) {
    const n = coverage.missing.length
    reasons.push(
      `${plural(n, 'required function is', 'required functions are')} not declared by the livepatch` +
        perSet(n, coverage.missing.map(a => a.set), setCount)
    )
  }
  const ambiguous = coverage?.ambiguous?.length ?? 0
  if (items.has('missing') && ambiguous > 0) {
    reasons.push(
      `${plural(ambiguous, 'declaration does', 'declarations do')} not say which of several ` +
        'same-name symbols to replace (old_sympos missing, wrong or unverifiable): the kernel ' +
        'would refuse to load the livepatch, or replace another function'
    )
  }
  if (items.has('review') && coverage && coverage.review.length > 0) {
    const n = coverage.review.length
    reasons.push(
      `${plural(n, 'review-tier function is', 'review-tier functions are')} not declared by the livepatch` +
        perSet(n, coverage.review.map(a => a.set), setCount)
    )
  }
  // Gating on review judges a list: a caller search that could not read part of a TU leaves that
  // list short, so it cannot pass for a complete one.
  const unknownCallers = findings.filter(f => f.kind === 'review-callers-unknown').length
  if (items.has('review') && coverage && unknownCallers > 0) {
    reasons.push(
      `${plural(unknownCallers, 'clone has', 'clones have')} callers that could not be listed ` +
        '(review-callers-unknown): the review tier may be incomplete'
    )
  }
  const unresolvedList = findings.filter(f => f.severity === 'unresolved')
  const unresolved = unresolvedList.length
  if (items.has('unresolved') && unresolved > 0) {
    const decisions = unresolvedList.filter(isDecision).length
    if (decisions > 0)
      reasons.push(
        `${plural(decisions, 'change', 'changes')} no function replacement carries (unresolved findings: a human decides how)`
      )
    if (unresolved > decisions)
      reasons.push(
        `${plural(unresolved - decisions, 'input could not be analysed', 'inputs could not be analysed')}` +
          ' (unresolved findings)'
      )
  } else if (items.has('missing') && unresolved > 0 && affected.length === 0) {
    // A gate must not pass on an analysis that found nothing because it could analyse nothing.
    reasons.push(
      `no affected function was found and ${plural(unresolved, 'input', 'inputs')} could not be ` +
        'analysed: an empty analysis cannot pass the gate (see the unresolved findings)'
    )
  }
  return { result: reasons.length > 0 ? 'fail' : 'pass', reasons }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** Entries are per dump set, so the count says so when several sets contribute. */
function perSet(n: number, sets: string[], setCount: number): string {
  const distinct = new Set(sets).size
  return setCount > 1 && distinct > 1 && n > 0 ? ' (counted once per dump set)' : ''
}
