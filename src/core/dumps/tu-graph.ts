import type { EdgeKind, RepoPath } from '../model.js'
import { normalizePath } from '../paths.js'
import { EDGE_FIELDS, INLINE_REASON, NODE_FIELDS, type CompactGraph } from './compact-graph.js'
import { detach } from './detach.js'
import { readTuGraph } from './read-graph.js'

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

type Stage = 'tu' | 'wpa' | 'ltrans'

const COPY_REASON = '(null)'

/** Name lookups answered by a scan of the names before they are indexed (see `TuGraph.ids`). */
const SCANNED_LOOKUPS = 8

/**
 * One dump's clone graph. What defines it is its compact form and its files made repository-
 * relative; the node and edge objects, and the index by name, are made when first asked for. A
 * query walks a few names through each graph it reads, by the accessors below: at 27,000 dumps a
 * fix in a header inline reads 960 graphs, and making every node and edge an object was half the
 * analysis (200 ms, 75 MB).
 */
export class TuGraph {
  #nodes: DumpNode[] | undefined
  #edges: DumpEdge[] | undefined
  #byName: Map<string, number[]> | undefined
  #lookups = 0
  /** Per reason index of `compact.edges` (0: `inlining to`): a same-name copy's. */
  readonly #copies: boolean[]

  constructor(
    /** TU path (`net/ipv4/tcp.c`), or the link-stage dump's name (`vmlinux.wpa`). */
    readonly tu: string,
    readonly stage: Stage,
    readonly compact: CompactGraph,
    /** Each file of `compact.files`, repository-relative (`include/linux/skbuff.h`). */
    readonly files: readonly string[]
  ) {
    this.#copies = [false, ...compact.reasons.map(r => r === COPY_REASON)]
  }

  /** Node count; node ids are 0 to size - 1. */
  get size(): number {
    return this.compact.names.length
  }

  name(id: number): string {
    return this.compact.names[id]
  }

  file(id: number): RepoPath {
    return this.files[this.compact.nodes[id * NODE_FIELDS + 1]]
  }

  removed(id: number): boolean {
    return this.compact.nodes[id * NODE_FIELDS + 3] === 1
  }

  /** The ids of the nodes of this name (several: a same-name copy, or one name at two orders). */
  ids(name: string): readonly number[] {
    if (this.#byName) return this.#byName.get(name) ?? NONE
    // A graph is mostly asked for one or two names: a scan beats indexing thousands.
    if (++this.#lookups > SCANNED_LOOKUPS) return this.byName.get(name) ?? NONE
    const { names } = this.compact
    let found: number[] | undefined
    for (let id = names.indexOf(name); id >= 0; id = names.indexOf(name, id + 1))
      (found ??= []).push(id)
    return found ?? NONE
  }

  has(name: string): boolean {
    return this.ids(name).length > 0
  }

  /** The files the nodes are declared in, each once, in the order the dump first names them. */
  nodeFiles(): readonly string[] {
    const { nodes } = this.compact
    const used = new Uint8Array(this.files.length)
    for (let at = 1; at < nodes.length; at += NODE_FIELDS) used[nodes[at]] = 1
    return [...new Set(this.files.filter((_, i) => used[i] === 1))]
  }

  /** Edge count; edges are 0 to edgeCount - 1, in dump order. */
  get edgeCount(): number {
    return this.compact.edges.length / EDGE_FIELDS
  }

  edgeFrom(e: number): number {
    return this.compact.edges[e * EDGE_FIELDS]
  }

  edgeTo(e: number): number {
    return this.compact.edges[e * EDGE_FIELDS + 1]
  }

  /** `inlining to`, rather than a clone. */
  edgeInline(e: number): boolean {
    return this.compact.edges[e * EDGE_FIELDS + 2] === 0
  }

  /** A same-name copy (see DumpEdge.copy). */
  edgeCopy(e: number): boolean {
    return this.#copies[this.compact.edges[e * EDGE_FIELDS + 2]]
  }

  edgeReason(e: number): string {
    const r = this.compact.edges[e * EDGE_FIELDS + 2]
    return r === 0 ? INLINE_REASON : this.compact.reasons[r - 1]
  }

  get nodes(): DumpNode[] {
    return (this.#nodes ??= this.makeNodes())
  }

  /** In dump order, which is the order GCC took its decisions in. */
  get edges(): DumpEdge[] {
    return (this.#edges ??= this.makeEdges())
  }

  /** Node ids by name. */
  get byName(): Map<string, number[]> {
    if (!this.#byName) {
      const byName = new Map<string, number[]>()
      this.compact.names.forEach((name, id) => {
        const same = byName.get(name)
        if (same) same.push(id)
        else byName.set(name, [id])
      })
      this.#byName = byName
    }
    return this.#byName
  }

  private makeNodes(): DumpNode[] {
    const { names, nodes } = this.compact
    const out: DumpNode[] = names.map((name, id) => {
      const at = id * NODE_FIELDS
      return {
        id,
        name,
        order: nodes[at],
        file: this.files[nodes[at + 1]],
        line: nodes[at + 2],
        removed: nodes[at + 3] === 1
      }
    })
    for (let e = 0; e < this.edgeCount; e++) {
      const from = this.edgeFrom(e)
      const to = this.edgeTo(e)
      if (this.edgeCopy(e) && out[to].copyOf === undefined && to !== from)
        out[to].copyOf = out[from].copyOf ?? from
    }
    return out
  }

  private makeEdges(): DumpEdge[] {
    const out: DumpEdge[] = []
    for (let e = 0; e < this.edgeCount; e++) {
      const inline = this.edgeInline(e)
      out.push({
        from: this.edgeFrom(e),
        to: this.edgeTo(e),
        kind: inline ? 'inline' : 'clone',
        reason: this.edgeReason(e),
        copy: this.edgeCopy(e),
        line: this.compact.edges[e * EDGE_FIELDS + 3]
      })
    }
    return out
  }
}

const NONE: readonly number[] = []

/**
 * Parses a dump's text into its clone graph (see readTuGraph). Malformed lines are skipped here:
 * the dump set reported them when the dump was added.
 */
export function parseTuGraph(tu: string, stage: Stage, text: string): TuGraph {
  return buildTuGraph(tu, stage, readTuGraph(text))
}

/**
 * The graph of a compact one (see compact-graph.ts). GCC writes file names as given on its command
 * line: `./include/linux/skbuff.h`, `net/ipv4/tcp.c`, or absolute / `../`-prefixed in out-of-tree
 * builds. The TU's own file tells the prefix: its spelling ends with the TU path, and whatever
 * precedes that is the build's view of the tree root, stripped from every file of the dump.
 */
export function buildTuGraph(tu: string, stage: Stage, c: CompactGraph): TuGraph {
  const files = c.files.map(normalizedFile)
  const own = '/' + tu
  const spelledOwn = files.find(n => n !== tu && n.endsWith(own))
  if (spelledOwn !== undefined) {
    const prefix = spelledOwn.slice(0, spelledOwn.length - tu.length)
    for (let i = 0; i < files.length; i++)
      if (files[i].startsWith(prefix)) files[i] = files[i].slice(prefix.length)
  }
  return new TuGraph(tu, stage, c, files)
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
