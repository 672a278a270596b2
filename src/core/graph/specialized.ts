import type { TuGraph } from '../dumps/tu-graph.js'

const cache = new WeakMap<TuGraph, ReadonlySet<string>>()

/**
 * Names that are the origin of a constprop/isra clone in `graph`. Asked once per affected function:
 * scanning the edges each time made a dump where one function is inlined into N others cost N^2
 * (16,000 inline edges took 4 s, 64,000 took 32 s), so the answer is built once per graph.
 */
export function specializedOriginals(graph: TuGraph): ReadonlySet<string> {
  let names = cache.get(graph)
  if (!names) {
    const found = new Set<string>()
    for (let e = 0; e < graph.edgeCount; e++) {
      if (graph.edgeInline(e) || graph.edgeCopy(e)) continue
      const reason = graph.edgeReason(e)
      if (reason === 'constprop' || reason === 'isra') found.add(graph.name(graph.edgeFrom(e)))
    }
    names = found
    cache.set(graph, names)
  }
  return names
}
