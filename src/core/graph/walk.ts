import type { ChainStep } from '../model.js'
import { EDGE_FIELDS } from '../dumps/compact-graph.js'
import type { TuGraph } from '../dumps/tu-graph.js'

/**
 * Every node whose code contains a start node's code, with the shortest explanation chain.
 *
 * GCC writes the dump as it decides, so the edges are in time order, and that order matters: a
 * line `A;..;B;..;inlining to` copies A's body as it is at that moment into B (`B` being the
 * outermost function at that moment, hence the transitive walk). A clone made of B *before* A was
 * inlined into B does not contain A (the later inlining into the clone gets its own line). One pass
 * over the edges in dump order therefore follows exactly the paths GCC took; a plain closure over
 * the edges would also report such clones.
 *
 * Same-name copies (`(null)`: the master clone of recursive inlining, an ltrans partition's copy)
 * are followed without adding a step: they are the same function.
 */
export function walkForward(
  g: TuGraph,
  starts: Iterable<number>,
  chainOf: (start: number) => ChainStep[]
): Map<number, ChainStep[]> {
  const reached = new Map<number, ChainStep[]>()
  // Most edges start at a node not reached: a flag per node answers them without the Map.
  const seen = new Uint8Array(g.size)
  for (const s of starts) {
    reached.set(s, chainOf(s))
    seen[s] = 1
  }
  // The compact edges read in place: most edges start at a node not reached, and two accessor
  // calls each were a third of the analysis stage's walks at 10x.
  const data = g.compact.edges
  for (let at = 0, e = 0; at < data.length; at += EDGE_FIELDS, e++) {
    const f = data[at]
    if (seen[f] === 0) continue
    const t = data[at + 1]
    if (f === t) continue
    const from = reached.get(f) as ChainStep[]
    const copy = g.edgeCopy(e)
    const known = reached.get(t)
    // Only a shorter chain is kept: building the others first made deep inline nests quadratic.
    if (known && known.length <= from.length + (copy ? 0 : 1)) continue
    // concat, not a spread: a spread array keeps ~17 slots of slack, and a header inline's
    // hundreds of thousands of entries each hold one chain (32 MB of slack at distribution scale).
    const chain = copy
      ? from
      : from.concat(
          g.edgeInline(e)
            ? { kind: 'inlined-into' as const, name: g.name(t) }
            : { kind: 'cloned-as' as const, name: g.name(t), reason: g.edgeReason(e) }
        )
    reached.set(t, chain)
    seen[t] = 1
  }
  return reached
}

/** A symbol name is gone from its TU only when every node of that name was removed. */
export function symbolRemoved(g: TuGraph, name: string): boolean {
  const ids = g.ids(name)
  return ids.length > 0 && ids.every(id => g.removed(id))
}

/** `foo.isra.0.constprop.1` -> `foo`: C identifiers have no dot, GCC's suffixes all start with one. */
export function baseName(name: string): string {
  const dot = name.indexOf('.')
  return dot < 0 ? name : name.slice(0, dot)
}

/** `foo.lto_priv.0` and `foo` name the same function across LTO stages. */
export function ltoJoinName(name: string): string {
  return name.replace(/\.lto_priv\.\d+/g, '')
}
