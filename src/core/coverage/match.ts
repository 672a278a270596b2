import type { AffectedFunction, DeclaredFunction } from '../model.js'

/** Declarations without an object (`*`) and affected functions without one match any object. */
export function declares(d: DeclaredFunction, a: AffectedFunction): boolean {
  if (d.name !== a.name) return false
  if (a.object !== null && d.object !== '*' && d.object !== a.object) return false
  return a.sympos === undefined || d.sympos === undefined || a.sympos === d.sympos
}

/** One function per set: the same symbol reached from two changed functions is one entry. */
/**
 * Without a sympos, same-name statics of different TUs are different functions: each is judged
 * (a declaration by name alone then covers both, as the loader would resolve it).
 */
export function functionKey(a: AffectedFunction): string {
  const where = a.sympos === undefined ? a.tu : String(a.sympos)
  return `${a.set}\0${a.object ?? ''}\0${a.name}\0${where}`
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function compareAffected(a: AffectedFunction, b: AffectedFunction): number {
  return (
    cmp(a.set, b.set) ||
    cmp(a.object ?? '', b.object ?? '') ||
    cmp(a.name, b.name) ||
    (a.sympos ?? 0) - (b.sympos ?? 0) ||
    cmp(a.tier, b.tier) ||
    cmp(a.origin, b.origin) ||
    cmp(a.tu, b.tu)
  )
}

export function compareDeclared(a: DeclaredFunction, b: DeclaredFunction): number {
  return (
    cmp(a.object, b.object) ||
    cmp(a.name, b.name) ||
    (a.sympos ?? 0) - (b.sympos ?? 0) ||
    cmp(a.source, b.source)
  )
}
