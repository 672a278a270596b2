import { EDGE_FIELDS, NODE_FIELDS, type CompactGraph } from '../dumps/compact-graph.js'

/**
 * How a dump's text becomes its compact graph (compact-graph.ts, dump-line.ts, or the line
 * check's module with recorded-graph.ts, the choice made in read-graph.ts) and how it is stored
 * (this file). A stored graph holds that answer, so a change to those files must bump this: a
 * test pins it to their digest and fails until it is bumped.
 */
export const GRAPH_CACHE_SCHEMA = 7

export function encodeGraph(g: CompactGraph): string {
  return JSON.stringify({
    n: g.names,
    f: g.files,
    r: g.reasons,
    N: Array.from(g.nodes),
    E: Array.from(g.edges)
  })
}

/**
 * The stored graph, or undefined when `stored` is not one this code wrote (then the dump is read
 * again). The store checked its digest; the shape is checked here, down to every index, since a
 * wrong one would join the wrong functions in a report.
 */
export function decodeGraph(stored: string): CompactGraph | undefined {
  let v: unknown
  try {
    v = JSON.parse(stored)
  } catch {
    return undefined
  }
  if (typeof v !== 'object' || v === null) return undefined
  const { n, f, r, N, E } = v as Record<string, unknown>
  if (!strings(n) || !strings(f) || !strings(r) || !ints(N) || !ints(E)) return undefined
  if (N.length !== n.length * NODE_FIELDS || E.length % EDGE_FIELDS !== 0) return undefined
  for (let at = 0; at < N.length; at += NODE_FIELDS) {
    const file = N[at + 1]
    if (file >= f.length) return undefined
    if (N[at + 3] !== 0 && N[at + 3] !== 1) return undefined
  }
  for (let at = 0; at < E.length; at += EDGE_FIELDS) {
    const [from, to, reason, line] = [E[at], E[at + 1], E[at + 2], E[at + 3]]
    if (from >= n.length || to >= n.length || reason > r.length || line < 1) return undefined
  }
  return {
    names: n,
    files: f,
    reasons: r,
    nodes: Float64Array.from(N),
    edges: Float64Array.from(E)
  }
}

function strings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(s => typeof s === 'string')
}

/** Whole numbers of any size (an order or a line is what the dump's digits say), never negative. */
function ints(v: unknown): v is number[] {
  return Array.isArray(v) && v.every(x => Number.isInteger(x) && x >= 0)
}
