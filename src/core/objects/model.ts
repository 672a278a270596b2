import type { Finding, RepoPath } from '../model.js'
import type { DataClass } from './data-class.js'

/**
 * What comparing one symbol's bytes before and after a fix found. `line-only`: the only
 * differences are line numbers (`__LINE__` immediates, `__bug_table` lines) that the fix's hunks
 * shift; kpatch's view is that such a function need not be patched for its logic, but its
 * WARN/BUG reports would print stale lines.
 */
export type CodeVerdict = 'changed' | 'line-only' | 'unchanged' | 'added' | 'removed'

/** One function or data object of a TU's object file, pre-fix against post-fix. */
export interface SymbolComparison {
  /** The symbol as the object names it (`foo.constprop.0`; numbered locals as in the object). */
  name: string
  kind: 'function' | 'data'
  verdict: CodeVerdict
  /** One line for the report when not `unchanged`: what differs (`bytes at +0x1c`, `calls bar instead of baz`). */
  detail?: string
  /**
   * `GLOBAL` or `WEAK` (the later build's, for a symbol both have): another TU can reach it by
   * name, or the link can pick another definition. Absent for a local symbol.
   */
  bind?: 'GLOBAL' | 'WEAK'
  /** Data objects: what the symbol is to the kernel (`data-class.ts`). */
  dataClass?: DataClass
  /**
   * A function-local static or call-site descriptor: the functions whose code uses it. Its change
   * is theirs (they are `changed` or `line-only` with it), not a global one.
   */
  owners?: string[]
}

/** The comparison of one TU's object built before and after the fix. */
export interface ObjectComparison {
  /** Repository-relative TU (`net/ipv4/udp.c`) whose `.o` pair was compared. */
  tu: RepoPath
  symbols: SymbolComparison[]
  /** Problems reading or comparing (no `-ffunction-sections`, unreadable object): unresolved. */
  findings: Finding[]
}

/**
 * Tells whether an immediate that was `pre` in the old object and `post` in the new one is a line
 * number the fix shifted (a line of a changed file, moved by the hunks above it).
 */
export type LineShiftTest = (pre: number, post: number) => boolean
