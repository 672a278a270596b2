import type { DumpSet } from '../dumps/dump-set.js'
import { symbolRemoved } from '../graph/walk.js'
import type { AffectedFunction } from '../model.js'
import type { SymbolTables } from '../symbols/table.js'

/** How many symbols of an affected function's name its object holds, and which one is its own. */
export interface Copies {
  /**
   * Symbols of the name in the object. From symbol tables this is what the kernel counts at load
   * time. From the dumps it is an estimate: a static GCC took no decision about has no line, and
   * the original of a constprop/isra clone may have no symbol though no removal line says so.
   */
  count: number
  from: 'symbol-tables' | 'dumps'
  /** 1-based kallsyms positions the affected copy may have (symbol tables only). */
  candidates?: number[]
  /** TUs of the object whose dump keeps a copy (dumps only). */
  tus?: string[]
}

export type CopiesOf = (a: AffectedFunction) => Copies | undefined

/** What one dump set knows about its objects. */
export interface CopySource {
  set: DumpSet
  objectOf?: (tu: string) => string
  symbols?: SymbolTables
}

/**
 * Symbol tables decide where they cover the object. Otherwise every TU of the object whose dump
 * keeps a node of that name (not removed) holds a local copy: a header `static inline` kept out of
 * line in 25 TUs of vmlinux is 25 symbols of one name. Without kbuild's object map the TUs cannot
 * be grouped into objects, so nothing is said.
 */
export function makeCopiesOf(sources: CopySource[], affected: AffectedFunction[]): CopiesOf {
  const byLabel = new Map(sources.map(s => [s.set.label, s]))
  const cache = new Map<string, Copies | undefined>()
  return a => {
    const source = byLabel.get(a.set)
    if (!source || a.object === null) return undefined
    const key = `${a.set}\0${a.object}\0${a.name}\0${a.tu}`
    if (cache.has(key)) return cache.get(key)
    const found = count(source, a, affected)
    cache.set(key, found)
    return found
  }
}

function count(
  source: CopySource,
  a: AffectedFunction,
  affected: AffectedFunction[]
): Copies | undefined {
  const object = a.object as string
  const table = source.symbols?.positions(object, a.tu, a.name)
  if (table) {
    // A copy with no symbol has no position: the table's symbols of the name are all others'.
    if (a.symbol === 'removed') return { count: table.count, from: 'symbol-tables' }
    return { count: table.count, from: 'symbol-tables', candidates: table.candidates }
  }
  const { objectOf, set } = source
  if (!objectOf) return undefined
  const tus = new Set(
    affected
      .filter(
        x => x.set === a.set && x.object === object && x.name === a.name && x.symbol === 'present'
      )
      .map(x => x.tu)
  )
  for (const tu of mentioning(set, a.name)) {
    if (tus.has(tu) || objectOf(tu) !== object) continue
    const g = set.graph(tu)
    if (g?.has(a.name) && !symbolRemoved(g, a.name)) tus.add(tu)
  }
  return { count: tus.size, from: 'dumps', tus: [...tus].sort() }
}

/**
 * A set loaded with a focus answers only for the names it was loaded for (the pipeline adds the
 * declared names); asked for another, the affected list alone gives the lower bound.
 */
function mentioning(set: DumpSet, name: string): string[] {
  try {
    return set.tusMentioning(name)
  } catch {
    return []
  }
}
