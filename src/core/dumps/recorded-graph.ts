import { EDGE_RECORD, NODE_RECORD, type GraphRecords } from '../line-check/line-check.js'
import { EDGE_FIELDS, NODE_FIELDS, type CompactGraph } from './compact-graph.js'
import { detach } from './detach.js'

/**
 * The compact graph of a dump the line check read (LineCheck.graph), made of its records and the
 * dump's text: what GraphReader makes of the same lines (names, files and reasons in the order
 * first met, nodes in the order first named), the module having done the per-line work (fields,
 * numbers, each occurrence of a node compared with its first).
 */
export function recordedGraph(text: string, records: GraphRecords): CompactGraph {
  const { base } = records
  const count = records.nodes.length / NODE_RECORD
  const names: string[] = []
  const files: string[] = []
  const nodes = new Float64Array(count * NODE_FIELDS)
  for (let i = 0, r = 0; i < count; i++, r += NODE_RECORD) {
    const n = records.nodes
    names.push(detach(text.slice(n[r + 1] - base, n[r + 2] - base)))
    // Numbered by the module in the order new nodes name them: a new one is the next.
    const file = n[r + 7]
    if (file === files.length) files.push(detach(text.slice(n[r + 3] - base, n[r + 4] - base)))
    const at = i * NODE_FIELDS
    nodes[at] = n[r]
    nodes[at + 1] = file
    nodes[at + 2] = n[r + 5]
    nodes[at + 3] = n[r + 6]
  }
  const reasons: string[] = []
  const reasonIds = new Map<string, number>()
  const edgeCount = records.edges.length / EDGE_RECORD
  const edges = new Float64Array(edgeCount * EDGE_FIELDS)
  for (let i = 0, r = 0; i < edgeCount; i++, r += EDGE_RECORD) {
    const e = records.edges
    let reason = 0
    if (e[r + 2] !== 0) {
      const words = text.slice(e[r + 2] - base, e[r + 3] - base)
      reason = reasonIds.get(words) ?? 0
      if (reason === 0) {
        reasons.push(detach(words))
        reason = reasons.length
        reasonIds.set(words, reason)
      }
    }
    const at = i * EDGE_FIELDS
    edges[at] = e[r]
    edges[at + 1] = e[r + 1]
    edges[at + 2] = reason
    edges[at + 3] = e[r + 4]
  }
  return { names, files, reasons, nodes, edges }
}
