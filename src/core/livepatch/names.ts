import type { Finding } from '../model.js'

/** Object written by a livepatch that did not name one: coverage matches it against any object. */
export const ANY_OBJECT = '*'

/**
 * A symbol a livepatch can name: a C identifier, optionally with GCC clone suffixes
 * (`tcp_bar.constprop.0`) because livepatches do patch clones by their emitted names.
 */
const SYMBOL = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/

export function isSymbolName(name: string): boolean {
  return SYMBOL.test(name)
}

/**
 * `klp_object.name` wants module names with `_`; people write `nf-tables`, `nf_tables.ko` or
 * `vmlinux` in lists, and `NULL` in C means vmlinux.
 */
export function normalizeObject(name: string): string {
  const base = name.trim().replace(/\.ko$/, '')
  return base === ANY_OBJECT ? base : base.replace(/-/g, '_')
}

const MODULE = /^[A-Za-z0-9_-]+(\.ko)?$/

export function isObjectName(name: string): boolean {
  return name === ANY_OBJECT || MODULE.test(name)
}

/** `old_sympos` is an unsigned position; 0 means "must be unique", i.e. no position given. */
export function parseSympos(text: string): number | undefined | 'invalid' {
  const t = text.trim().replace(/[uUlL]+$/, '')
  if (!/^(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(t)) return 'invalid'
  const n = Number(t)
  return n === 0 ? undefined : n
}

export function unparsed(
  file: string,
  line: number,
  message: string,
  severity: Finding['severity'] = 'unresolved'
): Finding {
  return { kind: 'declaration-unparsed', severity, message, file, line }
}
