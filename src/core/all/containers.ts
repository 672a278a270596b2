import type { DumpNode, TuGraph } from '../dumps/tu-graph.js'

/** One function of a dump with every function whose code contains it (inline containers, clones). */
export interface Containers {
  node: DumpNode
  /** Node ids, in the order GCC reached them; copies and nodes of the function's own name left out. */
  reached: number[]
}

/**
 * Every function that GCC inlined or cloned somewhere in `g`, with what contains it: the walk of
 * `walkForward` (dump order, see there) from each, without chains. Marks are one typed array
 * stamped per start, so a dump costs its functions times its edges and allocates only the answers.
 */
export function containersOf(g: TuGraph): Containers[] {
  const edges = g.edgeCount
  // The edges as flat arrays: the walk below reads each one once per start.
  const from = new Int32Array(edges)
  const to = new Int32Array(edges)
  const copy = new Uint8Array(edges)
  const starts = new Uint8Array(g.size)
  for (let e = 0; e < edges; e++) {
    from[e] = g.edgeFrom(e)
    to[e] = g.edgeTo(e)
    copy[e] = g.edgeCopy(e) ? 1 : 0
    if (from[e] !== to[e]) starts[from[e]] = 1
  }
  const stamp = new Int32Array(g.size).fill(-1)
  const nodes = g.nodes
  const out: Containers[] = []
  for (let s = 0; s < g.size; s++) {
    if (starts[s] === 0) continue
    stamp[s] = s
    const reached: number[] = []
    const own = g.name(s)
    for (let e = 0; e < edges; e++) {
      const t = to[e]
      if (stamp[from[e]] !== s || stamp[t] === s) continue
      stamp[t] = s
      // A node of the start's own name (recursive inlining into its master clone) is itself.
      if (copy[e] === 0 && g.name(t) !== own) reached.push(t)
    }
    out.push({ node: nodes[s], reached })
  }
  return out
}
