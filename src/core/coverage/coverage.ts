import type { AffectedFunction, Coverage, DeclaredFunction, Finding } from '../model.js'
import type { CopiesOf } from '../sympos/copies.js'
import { judgeRemoved, judgeSympos } from '../sympos/judge.js'
import { compareAffected, compareDeclared, declares, functionKey } from './match.js'

/**
 * Compares what must be replaced with what the livepatch declares, per dump set. An entry is kept
 * once per set and symbol even when several changed functions reach it (the renderers look the
 * other chains up in `report.affected`); a symbol required through one chain and review through
 * another is required. `extra` is judged across all sets: a declaration needed by one
 * architecture only is not stale.
 */
export function computeCoverage(
  affected: AffectedFunction[],
  declared: DeclaredFunction[],
  findings: Finding[],
  copiesOf?: CopiesOf
): Coverage {
  const sorted = [...affected].sort(
    // A present copy must be judged before a removed one of the same name (a header inline can be
    // inlined away in one TU and kept out of line in another).
    (a, b) => tierRank(a) - tierRank(b) || symbolRank(a) - symbolRank(b) || compareAffected(a, b)
  )
  const decls = [...declared].sort(compareDeclared)
  const seen = new Set<string>()
  const used = new Set<DeclaredFunction>()
  const claimed = new Set<DeclaredFunction>()
  const coverage: Coverage = { missing: [], review: [], covered: [], extra: [], unresolved: [] }
  const declaredRemoved: NonNullable<Coverage['declaredRemoved']> = []
  const ambiguous: NonNullable<Coverage['ambiguous']> = []

  for (const a of sorted) {
    const key = functionKey(a)
    if (seen.has(key)) continue
    seen.add(key)
    // Declaring it cannot help (see the not-patchable finding); a declaration of it is extra.
    if (a.unpatchable) continue
    // A declaration with an old_sympos names one copy: when the copies' positions are unknown it
    // covers the first copy judged, not every same-name static of the object.
    const onlyOne = (d: DeclaredFunction): boolean => a.sympos === undefined && d.sympos !== undefined
    const matches = decls.filter(d => declares(d, a) && !(onlyOne(d) && claimed.has(d)))
    if (a.symbol === 'removed') {
      // This TU's copy has no symbol: a declaration of it cannot resolve to it at load time. One
      // that covers no kept copy of the change (judged first) resolves to another function where
      // the object has one of that name.
      const copies = matches.length > 0 ? copiesOf?.(a) : undefined
      for (const d of matches) {
        const wrong = used.has(d) ? undefined : judgeRemoved(a, d, copies)
        if (wrong) {
          ambiguous.push(wrong)
          used.add(d)
        }
        else declaredRemoved.push({ declared: d, affected: a })
      }
      continue
    }
    if (matches.length > 0) {
      for (const d of matches) used.add(d)
      // A name with several symbols in the object needs the right old_sympos to load at all.
      const copies = copiesOf?.(a)
      const problems = matches.map(d => judgeSympos(a, d, copies))
      const ok = problems.findIndex(p => p === undefined)
      if (ok >= 0) {
        coverage.covered.push({ affected: a, declared: matches[ok] })
        if (onlyOne(matches[ok])) claimed.add(matches[ok])
      } else if (problems[0]) ambiguous.push(problems[0])
    } else if (a.tier === 'required') coverage.missing.push(a)
    else if (a.tier === 'review') coverage.review.push(a)
    // A layout entry undeclared is not "missing": the type-change finding is what fails.
  }

  coverage.missing.sort(compareAffected)
  coverage.review.sort(compareAffected)
  coverage.covered.sort((x, y) => compareAffected(x.affected, y.affected))
  coverage.extra = decls.filter(d => !used.has(d))
  coverage.unresolved = findings.filter(f => f.severity === 'unresolved')
  if (declaredRemoved.length > 0) {
    coverage.declaredRemoved = declaredRemoved.sort(
      (x, y) => compareDeclared(x.declared, y.declared) || compareAffected(x.affected, y.affected)
    )
  }
  if (ambiguous.length > 0) {
    coverage.ambiguous = ambiguous.sort(
      (x, y) => compareAffected(x.affected, y.affected) || compareDeclared(x.declared, y.declared)
    )
  }
  return coverage
}

function symbolRank(a: AffectedFunction): number {
  return a.symbol === 'present' ? 0 : 1
}

function tierRank(a: AffectedFunction): number {
  return a.tier === 'required' ? 0 : a.tier === 'review' ? 1 : 2
}
