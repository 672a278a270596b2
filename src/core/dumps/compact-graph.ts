import {
  LINE_CLONE,
  LINE_REMOVAL,
  MAX_FIELDS,
  fieldInt,
  fieldStart,
  nameStart,
  someWellFormedLine,
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
  const reader = new GraphReader(text)
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  someWellFormedLine(text, cuts, res, (pos, _end, lineNo) => reader.line(pos, cuts, res, lineNo))
  return reader.done()
}

/**
 * A compact graph built from a dump's well-formed lines as a line loop meets them: `scanTuGraph`'s,
 * or a scan thread's validation of a dump it keeps (see DumpScanner), which then reads the text
 * once instead of twice. One at a time per thread: node ids by order live in shared, stamped
 * arrays (see OrderIds).
 */
export class GraphReader {
  private readonly names: string[] = []
  private readonly files: string[] = []
  private readonly fileIds = new Map<string, number>()
  private readonly reasons: string[] = []
  private readonly reasonIds = new Map<string, number>()
  private readonly nodes = new Quads()
  private readonly edges = new Quads()
  // A node is its (order, name): the order alone finds it without cutting the name out of the line
  // again; the name is compared in place, and a clash (never seen from GCC) falls back to both.
  private readonly byOrder = new OrderIds()
  private readonly byKey = new Map<string, number>()
  // A dump's nodes come in runs of one file: the spelling met last is compared in place first.
  private lastFile = ''
  private lastFileId = -1
  /** Per node of the last line read (origin, then a clone's new node): its order. */
  private readonly lineOrders = new Float64Array(2)
  /** Per node of the last line read: the id of the first node of its order if of its name, or -1. */
  private readonly lineKnown = new Int32Array(2)

  constructor(private readonly text: string) {}

  /** The line at `pos`, which `scanLine` read into `cuts` and `res` (not malformed), line `lineNo`. */
  line(pos: number, cuts: Int32Array, res: ScanResult, lineNo: number): void {
    if (res.kind === LINE_REMOVAL) this.nodes.set(this.node(pos, cuts, 1, 0) * NODE_FIELDS + 3, 1)
    else if (res.kind === LINE_CLONE) {
      const { text } = this
      const l = res.layout
      const from = this.node(pos, cuts, l.origName, 0)
      const to = this.node(pos, cuts, l.newName, 1)
      const rs = fieldStart(pos, cuts, l.reason)
      let reason = 0
      if (cuts[l.reason] - rs !== INLINE_REASON.length || !text.startsWith(INLINE_REASON, rs)) {
        const words = text.slice(rs, cuts[l.reason])
        reason = this.reasonIds.get(words) ?? 0
        if (reason === 0) {
          this.reasons.push(detach(words))
          reason = this.reasons.length
          this.reasonIds.set(words, reason)
        }
      }
      this.edges.push(from, to, reason, lineNo)
    }
  }

  done(): CompactGraph {
    const { names, files, reasons } = this
    return { names, files, reasons, nodes: this.nodes.done(), edges: this.edges.done() }
  }

  /** The order of the last line's `k`th node (0: field 1 or the clone's origin, 1: its new node). */
  order(k: number): number {
    return this.lineOrders[k]
  }

  /**
   * The last line's `k`th node has the name of the first node of its order, and this line spells
   * its file `text[s, e)` as that node's first line did (see DumpConsistency.check).
   */
  asFirst(k: number, s: number, e: number): boolean {
    const known = this.lineKnown[k]
    if (known < 0) return false
    const file = this.files[this.nodes.get(known * NODE_FIELDS + 1)]
    return file.length === e - s && this.text.startsWith(file, s)
  }

  private node(pos: number, cuts: Int32Array, field: number, k: number): number {
    const { text, names } = this
    const ns = nameStart(text, pos, cuts, field)
    const nameLen = cuts[field] - ns
    const order = fieldInt(text, pos, cuts, field + 1)
    const known = this.byOrder.get(order)
    this.lineOrders[k] = order
    this.lineKnown[k] = -1
    if (known >= 0) {
      const n = names[known]
      if (n.length === nameLen && text.startsWith(n, ns)) {
        this.lineKnown[k] = known
        return known
      }
    }
    const name = detach(text.slice(ns, cuts[field]))
    // Only a second name for a known order needs the (order, name) key: most nodes skip building it.
    const key = known < 0 ? '' : `${order}\u0000${name}`
    let id = known < 0 ? undefined : this.byKey.get(key)
    if (id === undefined) {
      id = names.length
      names.push(name)
      const file = this.fileId(fieldStart(pos, cuts, field + 2), cuts[field + 2])
      this.nodes.push(order, file, fieldInt(text, pos, cuts, field + 3), 0)
      if (known < 0) this.byOrder.set(order, id)
      else this.byKey.set(key, id)
    }
    return id
  }

  private fileId(s: number, e: number): number {
    const { text } = this
    if (this.lastFile.length === e - s && text.startsWith(this.lastFile, s)) return this.lastFileId
    const spelled = text.slice(s, e)
    let id = this.fileIds.get(spelled)
    if (id === undefined) {
      id = this.files.length
      this.files.push(detach(spelled))
      this.fileIds.set(spelled, id)
    }
    this.lastFile = spelled
    this.lastFileId = id
    return id
  }
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

  get(i: number): number {
    return this.a[i]
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
