import {
  LINE_CLONE,
  LINE_REMOVAL,
  MAX_FIELDS,
  fieldInt,
  fieldStart,
  nameStart,
  scanLine,
  type LineLayout,
  type ScanResult
} from './dump-line.js'
import { detach } from './detach.js'

/**
 * A dump's clone graph as plain arrays, which `buildTuGraph` (tu-graph.ts) makes a TuGraph of:
 * reading the text is nine tenths of a parse, building the objects one tenth, so this is what a
 * cache keeps (see graph-cache/). Files are as GCC spelled them: the TU's name, which tells the
 * build's prefix, is only known to the set.
 */
export interface CompactGraph {
  /** Node names (without GCC's `*`), by node id. */
  names: string[]
  /** File spellings, in the order first met; a node holds an index. */
  files: string[]
  /** Reasons other than `inlining to`, in the order first met (an edge's reason r > 0 is r - 1). */
  reasons: string[]
  /**
   * NODE_FIELDS per node: order, file index, line, removed (1) or not (0). Doubles, not 32-bit
   * integers: a damaged dump's order or line can be any run of digits, and the graph keeps the
   * number the text gives, as a parse does.
   */
  nodes: Float64Array
  /** EDGE_FIELDS per edge, in dump order: from, to, reason (0: `inlining to`), 1-based dump line. */
  edges: Float64Array
}

export const NODE_FIELDS = 4
export const EDGE_FIELDS = 4

/** The reason of most edges, which a compact edge gives as 0. */
export const INLINE_REASON = 'inlining to'

/**
 * Reads a dump's text into its compact graph. Malformed lines are skipped: the dump set reported
 * them when the dump was added.
 */
export function scanTuGraph(text: string): CompactGraph {
  const names: string[] = []
  const files: string[] = []
  const fileIds = new Map<string, number>()
  const reasons: string[] = []
  const reasonIds = new Map<string, number>()
  const nodes = new Quads()
  const edges = new Quads()
  // A node is its (order, name): the order alone finds it without cutting the name out of the line
  // again; the name is compared in place, and a clash (never seen from GCC) falls back to both.
  const byOrder = new OrderIds()
  const byKey = new Map<string, number>()
  // A dump's nodes come in runs of one file: the spelling met last is compared in place first.
  let lastFile = ''
  let lastFileId = -1
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  let lineNo = 0
  let pos = 0
  const len = text.length
  const fileId = (s: number, e: number): number => {
    if (lastFile.length === e - s && text.startsWith(lastFile, s)) return lastFileId
    const spelled = text.slice(s, e)
    let id = fileIds.get(spelled)
    if (id === undefined) {
      id = files.length
      files.push(detach(spelled))
      fileIds.set(spelled, id)
    }
    lastFile = spelled
    lastFileId = id
    return id
  }
  const node = (field: number): number => {
    const ns = nameStart(text, pos, cuts, field)
    const nameLen = cuts[field] - ns
    const order = fieldInt(text, pos, cuts, field + 1)
    const known = byOrder.get(order)
    if (known >= 0) {
      const n = names[known]
      if (n.length === nameLen && text.startsWith(n, ns)) return known
    }
    const name = detach(text.slice(ns, cuts[field]))
    // Only a second name for a known order needs the (order, name) key: most nodes skip building it.
    const key = known < 0 ? '' : `${order}\u0000${name}`
    let id = known < 0 ? undefined : byKey.get(key)
    if (id === undefined) {
      id = names.length
      names.push(name)
      const file = fileId(fieldStart(pos, cuts, field + 2), cuts[field + 2])
      nodes.push(order, file, fieldInt(text, pos, cuts, field + 3), 0)
      if (known < 0) byOrder.set(order, id)
      else byKey.set(key, id)
    }
    return id
  }
  while (pos < len) {
    let end = text.indexOf('\n', pos)
    if (end < 0) end = len
    const next = end + 1
    if (end > pos && text.charCodeAt(end - 1) === 13) end--
    lineNo++
    if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0) {
      if (res.kind === LINE_REMOVAL) nodes.set(node(1) * NODE_FIELDS + 3, 1)
      else if (res.kind === LINE_CLONE) {
        const l = res.layout
        const from = node(l.origName)
        const to = node(l.newName)
        const rs = fieldStart(pos, cuts, l.reason)
        let reason = 0
        if (cuts[l.reason] - rs !== INLINE_REASON.length || !text.startsWith(INLINE_REASON, rs)) {
          const words = text.slice(rs, cuts[l.reason])
          reason = reasonIds.get(words) ?? 0
          if (reason === 0) {
            reasons.push(detach(words))
            reason = reasons.length
            reasonIds.set(words, reason)
          }
        }
        edges.push(from, to, reason, lineNo)
      }
    }
    pos = next
  }
  return { names, files, reasons, nodes: nodes.done(), edges: edges.done() }
}

/** A growing Float64Array of records of four numbers (NODE_FIELDS, EDGE_FIELDS). */
class Quads {
  private a = new Float64Array(1024)
  private n = 0

  push(a: number, b: number, c: number, d: number): void {
    if (this.n + 4 > this.a.length) {
      const grown = new Float64Array(this.a.length * 2)
      grown.set(this.a)
      this.a = grown
    }
    const at = this.n
    this.a[at] = a
    this.a[at + 1] = b
    this.a[at + 2] = c
    this.a[at + 3] = d
    this.n += 4
  }

  set(i: number, v: number): void {
    this.a[i] = v
  }

  /** The records, in an array of their own size. */
  done(): Float64Array {
    return this.a.slice(0, this.n)
  }
}

const MAX_INDEXED_ORDER = 1 << 20

/**
 * Node ids by order for the graph being read. GCC's orders are a TU's symbol count at most, so an
 * array indexed by order (stamped per graph, never cleared) beats a Map; a larger order (never seen
 * from GCC) goes to a Map.
 */
class OrderIds {
  private static ids = new Int32Array(4096)
  private static stamps = new Int32Array(4096)
  private static graphs = 0
  private readonly stamp = ++OrderIds.graphs
  private readonly large = new Map<number, number>()

  /** The id of the node first met with this order, or -1. */
  get(order: number): number {
    if (order >= MAX_INDEXED_ORDER) return this.large.get(order) ?? -1
    return order < OrderIds.ids.length && OrderIds.stamps[order] === this.stamp
      ? OrderIds.ids[order]
      : -1
  }

  set(order: number, id: number): void {
    if (order >= MAX_INDEXED_ORDER) {
      this.large.set(order, id)
      return
    }
    if (order >= OrderIds.ids.length) {
      let size = OrderIds.ids.length
      while (size <= order) size *= 2
      const ids = new Int32Array(size)
      ids.set(OrderIds.ids)
      const stamps = new Int32Array(size)
      stamps.set(OrderIds.stamps)
      OrderIds.ids = ids
      OrderIds.stamps = stamps
    }
    OrderIds.ids[order] = id
    OrderIds.stamps[order] = this.stamp
  }
}
