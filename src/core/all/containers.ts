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
 * A start's walk begins at its first edge out: before it only the start is marked, and no edge
 * leaves it, so no edge before it can reach anything (half the walk, on average; the walks were
 * most of `explain --all`'s own time).
 */
export function containersOf(g: TuGraph): Containers[] {
  const edges = g.edgeCount
  // The edges as flat arrays: the walk below reads each one once per start.
  const from = new Int32Array(edges)
  const to = new Int32Array(edges)
  const copy = new Uint8Array(edges)
  // Each node's first edge out that is not to itself, or -1: the nodes that start a walk.
  const firstOut = new Int32Array(g.size).fill(-1)
  for (let e = 0; e < edges; e++) {
    from[e] = g.edgeFrom(e)
    to[e] = g.edgeTo(e)
    copy[e] = g.edgeCopy(e) ? 1 : 0
    if (from[e] !== to[e] && firstOut[from[e]] < 0) firstOut[from[e]] = e
  }
  const stamp = new Int32Array(g.size).fill(-1)
  const nodes = g.nodes
  const out: Containers[] = []
  for (let s = 0; s < g.size; s++) {
    if (firstOut[s] < 0) continue
    stamp[s] = s
    const reached: number[] = []
    const own = g.name(s)
    for (let e = firstOut[s]; e < edges; e++) {
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
