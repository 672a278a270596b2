import type { EdgeKind, RepoPath } from '../model.js'
import { normalizePath } from '../paths.js'
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

/** One cgraph node of a dump, identified within it by name and order. */
export interface DumpNode {
  id: number
  /** Symbol name without GCC's `*` asm-name marker (`tcp_bar.constprop.0`). */
  name: string
  order: number
  /** Declaration file, repository-relative (`include/linux/skbuff.h`). */
  file: RepoPath
  line: number
  /** A `Callgraph removal` line names this node: its offline copy is gone. */
  removed: boolean
  /**
   * Set on a same-name copy (reason `(null)`): the id of the node it copies. GCC makes these as the
   * master clone of recursive inlining, and when an ltrans partition takes a function over; the copy
   * is the same function, not a new symbol.
   */
  copyOf?: number
}

/** One `Callgraph clone` line: `from`'s body now lives in (inline) or was copied to (clone) `to`. */
export interface DumpEdge {
  from: number
  to: number
  kind: EdgeKind
  /** GCC's words: `inlining to`, `constprop`, `isra`, `part`, `(null)`, ... */
  reason: string
  /** Same-name copy (reason `(null)`): follow it, but it adds no symbol and no chain step. */
  copy: boolean
  /** 1-based line in the dump; edges are in this (GCC's chronological) order. */
  line: number
}

export interface TuGraph {
  /** TU path (`net/ipv4/tcp.c`), or the link-stage dump's name (`vmlinux.wpa`). */
  tu: string
  stage: 'tu' | 'wpa' | 'ltrans'
  nodes: DumpNode[]
  /** In dump order, which is the order GCC took its decisions in. */
  edges: DumpEdge[]
  /** Node ids by name. */
  byName: Map<string, number[]>
}

const INLINE_REASON = 'inlining to'
const COPY_REASON = '(null)'

/**
 * Parses a dump's text into its clone graph. Malformed lines are skipped here: the dump set reported
 * them when the dump was added.
 */
export function parseTuGraph(tu: string, stage: TuGraph['stage'], text: string): TuGraph {
  const g: TuGraph = { tu, stage, nodes: [], edges: [], byName: new Map() }
  // A node is its (order, name): the order alone finds it without cutting the name out of the line
  // again; the name is compared in place, and a clash (never seen from GCC) falls back to both.
  const byOrder = new OrderIds()
  const byKey = new Map<string, number>()
  const files = new FileNamer(tu)
  const cuts = new Int32Array(MAX_FIELDS + 1)
  const res: ScanResult = { kind: 0, layout: undefined as unknown as LineLayout, error: '' }
  let lineNo = 0
  let pos = 0
  const len = text.length
  const node = (field: number): number => {
    const ns = nameStart(text, pos, cuts, field)
    const nameLen = cuts[field] - ns
    const order = fieldInt(text, pos, cuts, field + 1)
    const known = byOrder.get(order)
    if (known >= 0) {
      const n = g.nodes[known].name
      if (n.length === nameLen && text.startsWith(n, ns)) return known
    }
    const name = detach(text.slice(ns, cuts[field]))
    // Only a second name for a known order needs the (order, name) key: most nodes skip building it.
    const key = known < 0 ? '' : `${order}\u0000${name}`
    let id = known < 0 ? undefined : byKey.get(key)
    if (id === undefined) {
      id = g.nodes.length
      const file = files.name(text, fieldStart(pos, cuts, field + 2), cuts[field + 2])
      g.nodes.push({
        id,
        name,
        order,
        file,
        line: fieldInt(text, pos, cuts, field + 3),
        removed: false
      })
      if (known < 0) byOrder.set(order, id)
      else byKey.set(key, id)
      const same = g.byName.get(name)
      if (same) same.push(id)
      else g.byName.set(name, [id])
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
      if (res.kind === LINE_REMOVAL) g.nodes[node(1)].removed = true
      else if (res.kind === LINE_CLONE) {
        const l = res.layout
        const from = node(l.origName)
        const to = node(l.newName)
        const rs = fieldStart(pos, cuts, l.reason)
        // Most edges are inlines: reuse the constant rather than cut the same words out each time.
        const reason =
          cuts[l.reason] - rs === INLINE_REASON.length && text.startsWith(INLINE_REASON, rs)
            ? INLINE_REASON
            : detach(text.slice(rs, cuts[l.reason]))
        const copy = reason === COPY_REASON
        if (copy && g.nodes[to].copyOf === undefined && to !== from)
          g.nodes[to].copyOf = g.nodes[from].copyOf ?? from
        const kind: EdgeKind = reason === INLINE_REASON ? 'inline' : 'clone'
        g.edges.push({ from, to, kind, reason, copy, line: lineNo })
      }
    }
    pos = next
  }
  files.finish(g.nodes)
  return g
}

/**
 * Turns the file names GCC wrote into repository-relative paths. GCC writes them as given on its
 * command line: `./include/linux/skbuff.h`, `net/ipv4/tcp.c`, or absolute / `../`-prefixed in
 * out-of-tree builds. The TU's own file tells the prefix: its spelling ends with the TU path, and
 * whatever precedes that is the build's view of the tree root, stripped from every file of the dump.
 */
class FileNamer {
  private readonly raw = new Map<string, string>()
  /** The spelling met last, and what it named: a dump's nodes come in runs of one file. */
  private last = ''
  private lastName = ''

  constructor(private readonly tu: string) {}

  /** The file field `text[s, e)`. */
  name(text: string, s: number, e: number): string {
    const { last } = this
    if (last.length === e - s && text.startsWith(last, s)) return this.lastName
    const spelled = text.slice(s, e)
    let n = this.raw.get(spelled)
    if (n === undefined) {
      n = normalizedFile(spelled)
      this.raw.set(spelled, n)
    }
    this.last = spelled
    this.lastName = n
    return n
  }

  finish(nodes: DumpNode[]): void {
    let prefix: string | undefined
    const own = '/' + this.tu
    for (const n of this.raw.values()) {
      if (n !== this.tu && n.endsWith(own)) {
        prefix = n.slice(0, n.length - this.tu.length)
        break
      }
    }
    if (prefix === undefined) return
    for (const node of nodes)
      if (node.file.startsWith(prefix)) node.file = node.file.slice(prefix.length)
  }
}

/**
 * Normalized file spellings, shared by every graph parsed on this thread: a header is spelled
 * alike in the hundreds of TUs that include it, and normalizing (`./include/...` is not normal)
 * was a sixth of a parse. Bounded, as a distribution build spells tens of thousands of files.
 */
const normalized = new Map<string, string>()
const MAX_NORMALIZED = 1 << 16

function normalizedFile(spelled: string): string {
  let n = normalized.get(spelled)
  if (n === undefined) {
    if (normalized.size >= MAX_NORMALIZED) normalized.clear()
    n = detach(normalizePath(spelled))
    normalized.set(detach(spelled), n)
  }
  return n
}

/**
 * Node ids by order for the graph being parsed. GCC's orders are a TU's symbol count at most, so
 * an array indexed by order (stamped per parse, never cleared) beats a Map; a larger order (never
 * seen from GCC) goes to a Map.
 */
class OrderIds {
  private static ids = new Int32Array(4096)
  private static stamps = new Int32Array(4096)
  private static parses = 0
  private readonly stamp = ++OrderIds.parses
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

const MAX_INDEXED_ORDER = 1 << 20
