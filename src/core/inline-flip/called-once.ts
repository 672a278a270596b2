import type { TuGraph } from '../dumps/tu-graph.js'
import { symbolRemoved } from '../graph/walk.js'
import type { NewCall } from './new-calls.js'

/** A container whose code may change because its inlined callee gains a caller. */
export interface CalledOnceFlip {
  call: NewCall
  /** The node of the one function the callee was inlined into. */
  container: number
}

/**
 * The calls of `calls` whose callee this TU's dump shows inlined into exactly one function and
 * removed (a static GCC inlined as "called once"), that function being another than the new
 * caller: with a second call GCC may keep the callee out of line and call it from there. A callee
 * with a clone, an offline copy or several containers is left alone (its callers' code does not
 * hang on its caller count), as is a name the dump does not hold (a macro, a function GCC took no
 * decision about).
 */
export function calledOnceFlips(g: TuGraph, calls: readonly NewCall[]): CalledOnceFlip[] {
  const out: CalledOnceFlip[] = []
  for (const call of calls) {
    const ids = g.ids(call.callee).filter(id => g.file(id) === call.file)
    if (ids.length === 0 || !symbolRemoved(g, call.callee)) continue
    const from = new Set(ids)
    const into = new Set<number>()
    let other = false
    for (let e = 0; e < g.edgeCount && !other; e++) {
      if (!from.has(g.edgeFrom(e))) continue
      if (!g.edgeInline(e) && !g.edgeCopy(e)) other = true
      else if (g.edgeInline(e)) into.add(g.edgeTo(e))
    }
    const names = new Set([...into].map(id => g.name(id)))
    if (other || names.size !== 1 || names.has(call.caller)) continue
    out.push({ call, container: [...into][0] })
  }
  return out
}
