import type { AffectedFunction, DeclaredFunction, SymposProblem } from '../model.js'
import type { Copies } from './copies.js'

/**
 * Whether a declaration that matches `a` by name would make the kernel load the right function.
 * klp_find_object_symbol counts every kallsyms symbol of the name in the object: with
 * `old_sympos` 0 (or a format without the field) it fails on a second one ("unresolvable
 * ambiguity"), and a position past the last one is "not found". Both refuse the whole livepatch.
 */
export function judgeSympos(
  a: AffectedFunction,
  d: DeclaredFunction,
  copies: Copies | undefined
): SymposProblem | undefined {
  if (!copies) return undefined
  const pos = d.sympos ?? 0
  const where = a.object ?? '?'
  const seen =
    copies.from === 'symbol-tables'
      ? `the symbol tables of ${where} list ${copies.count} symbols named ${a.name}`
      : `the dumps show ${copies.count} copies of ${a.name} in ${where} (TUs whose dump keeps one: ${listed(copies.tus ?? [])})`
  const which =
    copies.candidates && copies.candidates.length > 0
      ? `old_sympos of the copy in ${a.tu}: ${copies.candidates.join(' or ')} (kallsyms order)`
      : 'give symbol tables of the build (System.map, <object>.syms) to learn its old_sympos (kallsyms order)'
  const base = { affected: a, declared: d, copies: copies.count, candidates: copies.candidates }
  if (pos === 0) {
    if (copies.count <= 1) return undefined
    return {
      ...base,
      reason: 'no-sympos',
      message:
        `${d.name} is declared without old_sympos, but ${seen}: the kernel refuses to load the ` +
        `livepatch (unresolvable ambiguity); ${which}.`
    }
  }
  if (copies.from !== 'symbol-tables') {
    if (copies.count <= 1) return undefined
    return {
      ...base,
      reason: 'unverified',
      message:
        `${d.name} is declared with old_sympos ${pos}, but ${seen}, and the dumps do not tell ` +
        `their kallsyms order: position ${pos} may be another function; ${which}.`
    }
  }
  if (pos > copies.count) {
    return {
      ...base,
      reason: 'out-of-range',
      message:
        `${d.name} is declared with old_sympos ${pos}, but ${seen}: the kernel refuses to load ` +
        `the livepatch (symbol position not found); ${which}.`
    }
  }
  if (copies.candidates && copies.candidates.length > 1 && copies.candidates.includes(pos)) {
    return {
      ...base,
      reason: 'unverified',
      message:
        `${d.name} is declared with old_sympos ${pos}, but ${seen} and they do not say which is ` +
        `the copy in ${a.tu} (no FILE symbols: System.map or nm): it may be another function; ` +
        `give <object>.syms (readelf -sW) to check it.`
    }
  }
  if (copies.candidates && !copies.candidates.includes(pos)) {
    return {
      ...base,
      reason: 'other-copy',
      message:
        `${d.name} is declared with old_sympos ${pos}, which is another copy than the changed one: ` +
        `${which}.`
    }
  }
  return undefined
}

/**
 * A declaration of a changed copy that has no symbol (GCC inlined it everywhere, or never emitted
 * it): where the object holds other symbols of the name, the kernel resolves the declaration to
 * one of those, another TU's function, and replaces it with this code. Undefined when no other
 * symbol is known (the kernel then refuses to load the livepatch: "not found").
 */
export function judgeRemoved(
  a: AffectedFunction,
  d: DeclaredFunction,
  copies: Copies | undefined
): SymposProblem | undefined {
  if (!copies || copies.count === 0) return undefined
  const where = a.object ?? '?'
  const others =
    copies.from === 'symbol-tables'
      ? `the symbol tables of ${where} list ${copies.count} symbol${copies.count > 1 ? 's' : ''} named ${a.name}`
      : `the dumps show ${copies.count} other cop${copies.count > 1 ? 'ies' : 'y'} in ${where} (${listed(copies.tus ?? [])})`
  return {
    affected: a,
    declared: d,
    copies: copies.count,
    reason: 'other-copy',
    message:
      `${d.name}: the changed copy in ${a.tu} has no symbol (GCC inlined it everywhere), but ` +
      `${others}: the declaration resolves to another function, which the livepatch would ` +
      `replace with this code. Patch the functions it was inlined into instead.`
  }
}

function listed(xs: string[]): string {
  return xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', ')
}
