import type { TuGraph } from '../dumps/tu-graph.js'
import { symbolRemoved } from '../graph/walk.js'
import type { NewCall } from './new-calls.js'

/** A clone of a callee the fix calls anew, whose callers' code hangs on GCC keeping it. */
export interface CloneFlip {
  call: NewCall
  /** The `constprop` clone the dump shows, kept as a symbol (its callers call it). */
  clone: string
}

/**
 * The calls of `calls` whose callee this TU's dump shows cloned as `constprop` (specialised for
 * the constant arguments of every call GCC saw), the clone kept out of line: with a new call
 * passing other arguments GCC may drop or change the clone, and the functions calling it then
 * call another copy with other arguments (virtio_ring.c, 6.1.176 -> 6.1.187: new callers of
 * vring_map_single end vring_map_single.constprop.0, and virtqueue_add_split and
 * virtqueue_add_packed change).
 */
export function cloneFlips(g: TuGraph, calls: readonly NewCall[]): CloneFlip[] {
  const out: CloneFlip[] = []
  for (const call of calls) {
    const ids = new Set(g.ids(call.callee).filter(id => g.file(id) === call.file))
    if (ids.size === 0) continue
    for (let e = 0; e < g.edgeCount; e++) {
      if (!ids.has(g.edgeFrom(e)) || g.edgeInline(e) || g.edgeCopy(e)) continue
      if (g.edgeReason(e) !== 'constprop') continue
      const clone = g.name(g.edgeTo(e))
      if (!symbolRemoved(g, clone)) out.push({ call, clone })
    }
  }
  return out
}
