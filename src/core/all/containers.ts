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
  const starts = new Uint8Array(g.nodes.length)
  for (const e of g.edges) if (e.from !== e.to) starts[e.from] = 1
  const stamp = new Int32Array(g.nodes.length).fill(-1)
  const out: Containers[] = []
  for (let s = 0; s < g.nodes.length; s++) {
    if (starts[s] === 0) continue
    stamp[s] = s
    const reached: number[] = []
    for (const e of g.edges) {
      if (stamp[e.from] !== s || stamp[e.to] === s) continue
      stamp[e.to] = s
      // A node of the start's own name (recursive inlining into its master clone) is itself.
      if (!e.copy && g.nodes[e.to].name !== g.nodes[s].name) reached.push(e.to)
    }
    out.push({ node: g.nodes[s], reached })
  }
  return out
}
