import type { EdgeKind, RepoPath } from '../model.js'
import { normalizePath } from '../paths.js'
import {
  EDGE_FIELDS,
  INLINE_REASON,
  NODE_FIELDS,
  scanTuGraph,
  type CompactGraph
} from './compact-graph.js'
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

const COPY_REASON = '(null)'

/**
 * Parses a dump's text into its clone graph. Malformed lines are skipped here: the dump set reported
 * them when the dump was added.
 */
export function parseTuGraph(tu: string, stage: TuGraph['stage'], text: string): TuGraph {
  return buildTuGraph(tu, stage, scanTuGraph(text))
}

/**
 * The graph of a compact one (see compact-graph.ts). GCC writes file names as given on its command
 * line: `./include/linux/skbuff.h`, `net/ipv4/tcp.c`, or absolute / `../`-prefixed in out-of-tree
 * builds. The TU's own file tells the prefix: its spelling ends with the TU path, and whatever
 * precedes that is the build's view of the tree root, stripped from every file of the dump.
 */
export function buildTuGraph(tu: string, stage: TuGraph['stage'], c: CompactGraph): TuGraph {
  const g: TuGraph = { tu, stage, nodes: [], edges: [], byName: new Map() }
  const files = c.files.map(normalizedFile)
  const own = '/' + tu
  const spelledOwn = files.find(n => n !== tu && n.endsWith(own))
  if (spelledOwn !== undefined) {
    const prefix = spelledOwn.slice(0, spelledOwn.length - tu.length)
    for (let i = 0; i < files.length; i++)
      if (files[i].startsWith(prefix)) files[i] = files[i].slice(prefix.length)
  }
  const { names, nodes, edges, reasons } = c
  for (let id = 0; id < names.length; id++) {
    const at = id * NODE_FIELDS
    const name = names[id]
    g.nodes.push({
      id,
      name,
      order: nodes[at],
      file: files[nodes[at + 1]],
      line: nodes[at + 2],
      removed: nodes[at + 3] === 1
    })
    const same = g.byName.get(name)
    if (same) same.push(id)
    else g.byName.set(name, [id])
  }
  for (let at = 0; at < edges.length; at += EDGE_FIELDS) {
    const from = edges[at]
    const to = edges[at + 1]
    const r = edges[at + 2]
    const reason = r === 0 ? INLINE_REASON : reasons[r - 1]
    const copy = reason === COPY_REASON
    if (copy && g.nodes[to].copyOf === undefined && to !== from)
      g.nodes[to].copyOf = g.nodes[from].copyOf ?? from
    const kind: EdgeKind = r === 0 ? 'inline' : 'clone'
    g.edges.push({ from, to, kind, reason, copy, line: edges[at + 3] })
  }
  return g
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
