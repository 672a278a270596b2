import type { Finding } from '../model.js'
import { classifyDumpPath, type DumpPathInfo } from './dump-path.js'
import { applyRename, renameKey, type TuRename } from './own-path.js'
import { FocusMatcher, type DumpFocus } from './focus.js'
import { normalizePath } from '../paths.js'
import { escapeRegExp } from '../text/escape-regexp.js'
import { NameIndex } from './name-index.js'
import { buildTuGraph, parseTuGraph, type TuGraph } from './tu-graph.js'
import type { CompactGraph } from './compact-graph.js'
import { readTuGraph } from './read-graph.js'
import { decodeGraph, encodeGraph } from '../graph-cache/stored-graph.js'
import type { GraphStore } from '../graph-cache/store.js'
import { DumpScanner, PREFIX_SAMPLE, type ScannedDump } from './scanner.js'
import { KEPT_TEXT_BUDGET, type HeldText, type MakeReread, type Reread } from './text-store.js'

export { MALFORMED_DETAIL_LIMIT } from './scanner.js'

interface Dump {
  path: string
  info: DumpPathInfo
  /** '' when the dump was outside the focus (then `kept` is false). */
  text: string
  kept: boolean
  /** Resolved by `finish`: TU path or link-stage name. */
  key: string
  /** Set when the kept text was dropped past the budget: reads it again (then `text` is ''). */
  reread?: Reread
  /** The focus names the dump holds, when its scan listed them (see ScannedDump.names). */
  names?: readonly string[]
  /** The SHA-256 of its bytes (base64), when the scan index gave it: its graph's cache key. */
  digest?: string
  /** Its graph as the scan's thread read it from the held text (see HeldText.graph). */
  compact?: CompactGraph
}

/**
 * A header inline is in thousands of TUs of a distribution build; keeping every parsed graph cost
 * ~100 MB at 27,000 dumps. Re-parsing one is cheap (~0.5 ms), so only the recent ones stay.
 */
const MAX_CACHED_GRAPHS = 512

/** A graph with more nodes and edges than this is not stored (an LTO link-stage dump, say). */
const MAX_STORED_RECORDS = 1 << 18

/**
 * The `-fdump-ipa-clones` dumps of one build (one configuration, one architecture). Adding a dump
 * validates every line and keeps its text; a TU's graph is parsed on first use, because a query
 * touches a few hundred TUs of the tens of thousands a distro build has. With a focus, only the
 * dumps that mention a focus name or file keep their text (every dump is still validated and known
 * as a TU), and asking outside the focus is an error rather than a silently short answer.
 */
export class DumpSet {
  readonly findings: Finding[] = []
  private readonly dumps: Dump[] = []
  private names: NameIndex | undefined
  private readonly byTu = new Map<string, number>()
  private readonly graphs = new Map<number, TuGraph>()
  private linkStage: number[] = []
  private lines = 0
  private keptBytes = 0
  private finished = false
  private isLto = false
  private readonly focus: FocusMatcher | undefined
  private readonly prefixVotes = new Map<string, { rename: TuRename; votes: number }>()
  private prefixSampled = 0
  private readonly scanner: DumpScanner
  private graphStore: GraphStore | undefined
  private readonly stored = new Set<string>()
  private sources: Map<string, Array<[string, number]>> | undefined
  /** `.c` files asked about by tusDeclaring: past two, sourcesIndex answers. */
  private declaringAsked = 0
  /** What another thread needs to scan dumps for this set (see `addScanned`). */
  readonly scanSpec: {
    label: string
    focus?: { names: string[]; files: string[] }
    /** Text the set keeps in memory; the threads share it (see HeldText). */
    keptTextBudget: number
  }

  constructor(
    readonly label: string,
    focus?: DumpFocus,
    private readonly keptTextBudget = KEPT_TEXT_BUDGET
  ) {
    this.focus = focus && new FocusMatcher(focus)
    this.scanner = new DumpScanner(label, focus)
    this.scanSpec = {
      label,
      keptTextBudget,
      ...(focus ? { focus: { names: [...focus.names], files: [...focus.files] } } : {})
    }
  }

  get lto(): boolean {
    return this.isLto
  }

  get dumpCount(): number {
    return this.dumps.length
  }

  /** Dumps whose text is kept (in memory or to re-read): all of them without a focus. */
  get keptCount(): number {
    return this.dumps.reduce((n, d) => n + (d.kept && (d.text.length > 0 || d.reread) ? 1 : 0), 0)
  }

  get lineCount(): number {
    return this.lines
  }

  /**
   * path: the dump's path relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones').
   * `rereadable`: the dump can be read again, so past `KEPT_TEXT_BUDGET` its text is not kept.
   */
  addDump(path: string, input: string, rereadable?: MakeReread): void {
    if (this.finished) throw new Error('DumpSet.addDump after finish()')
    this.addScanned(this.scanner.scan(path, input), rereadable)
  }

  /**
   * A dump scanned elsewhere (a worker thread) by a DumpScanner made from `scanSpec`. Dumps must
   * come in path order, as to `addDump`; each scanner must have been fed its share in that order.
   * `held`: a kept dump whose text came as bytes (`scanned.text` is then ''). `digest`: a kept
   * dump's SHA-256 (base64), as the scan index has it.
   */
  addScanned(
    scanned: ScannedDump,
    rereadable?: MakeReread,
    held?: HeldText,
    digest?: string
  ): void {
    if (this.finished) throw new Error('DumpSet.addDump after finish()')
    const { path, text, kept } = scanned
    const info = classifyDumpPath(path)
    // Every scanner samples its first non-empty TU dumps, so the set's first ones are all sampled.
    if (this.prefixSampled < PREFIX_SAMPLE && scanned.sampled) this.vote(scanned.rename)
    this.lines += scanned.lines
    for (const f of scanned.findings) this.findings.push(f)
    let reread: Reread | undefined
    let compact: CompactGraph | undefined
    if (kept && held) {
      // Held: the graph a thread read (the text then re-read if a question needs it), or the text.
      if ((held.graph || held.read) && this.keptBytes + held.size <= this.keptTextBudget) {
        this.keptBytes += held.size
        compact = held.graph
        reread = held.graph ? held.spill() : held.read
      } else reread = held.spill()
    } else if (kept && rereadable && this.keptBytes + text.length > this.keptTextBudget)
      reread = rereadable(text)
    else if (kept) this.keptBytes += text.length
    const dump: Dump = { path, info, text: kept && !reread ? text : '', kept, key: info.name }
    if (reread) dump.reread = reread
    if (scanned.names) dump.names = scanned.names
    if (kept && digest !== undefined) dump.digest = digest
    if (compact) dump.compact = compact
    this.dumps.push(dump)
    // Taken: the loader's settled promises hold `scanned` until the whole load ends, and with it
    // every dump's text (590 MB at 27,000 dumps for a header inline's focus).
    scanned.text = ''
  }

  /** Call once after all addDump calls. */
  finish(): void {
    if (this.finished) return
    this.finished = true
    this.resolveTuNames()
    for (let i = 0; i < this.dumps.length; i++) {
      const d = this.dumps[i]
      if (d.info.stage === 'tu') {
        const first = this.byTu.get(d.key)
        if (first === undefined) this.byTu.set(d.key, i)
        else {
          // Two dumps claim one TU (two builds mixed in one set, or prefixes that resolved alike):
          // only one can be read, and which one is right is not knowable here.
          this.findings.push({
            kind: 'dump-duplicate',
            severity: 'unresolved',
            set: this.label,
            file: d.path,
            message: `${d.path} is a second dump of TU ${d.key} in set ${this.label} (first: ${this.dumps[first].path}); only the first is used`
          })
        }
      } else this.linkStage.push(i)
    }
    this.names = new NameIndex(
      this.dumps.map(d => d.text),
      i => this.byTu.get(this.dumps[i].key) === i,
      i => this.textAt(i),
      i => this.dumps[i].names
    )
    this.linkStage.sort((a, b) => stageRank(this.dumps[a].info) - stageRank(this.dumps[b].info))
    if (this.linkStage.length > 0) {
      this.isLto = true
      this.findings.push({
        kind: 'lto-build',
        severity: 'warning',
        set: this.label,
        message:
          `Dump set ${this.label} comes from an LTO build (${this.linkStage.length} link-time dumps): ` +
          'GCC rejects -flive-patching with -flto, so IPA effects other than inlining and cloning ' +
          '(IPA-RA, IPA-pure-const, ...) are not recorded; functions were joined across TUs by ' +
          'source file and name.'
      })
    }
  }

  /**
   * TUs whose dump names `file` as a declaration's file: for a `.c` compiled only as part of
   * another (`kernel/sched/rt.c` inside `build_policy.c`), the TUs that really build it. A text
   * search: asked only for changed files that have no dump of their own.
   */
  tusDeclaring(file: string): string[] {
    const path = normalizePath(file)
    if (this.focus && !this.focus.files.has(path)) this.outsideFocus(`file ${file}`)
    // `;kernel/sched/rt.c;`, `;./kernel/...;`, out of tree `/src/linux/kernel/...;`, or through a
    // relative include `kernel/x/../sched/rt.c;`: the text search on the file's base name finds
    // candidates, the parsed graph (its files normalised, the build's prefix stripped) decides.
    const base = path.slice(path.lastIndexOf('/') + 1)
    const needles = [`;${base};`, `/${base};`]
    // A dump held as its graph is searched in its file spellings, not read again from disk.
    const mayDeclare = (i: number): boolean => {
      const files = this.dumps[i].compact?.files
      if (files) return files.some(f => f === base || f.endsWith(`/${base}`))
      const text = this.textAt(i)
      return needles.some(n => text.includes(n))
    }
    // One file is searched for (a `.c` fix): no index, which costs a few searches to make.
    const index = base.endsWith('.c') && ++this.declaringAsked > 2 ? this.sourcesIndex() : undefined
    const candidates = index
      ? (index.get(base) ?? [])
      : [...this.byTu].filter(([, i]) => mayDeclare(i))
    const tus: string[] = []
    for (const [tu, i] of candidates) if (declares(this.graphAt(i), path)) tus.push(tu)
    return tus.sort()
  }

  /**
   * Per `.c` base name, the dumps naming a file of that name: a wide header's layout readers sit
   * in a hundred `.c` files, each asked about (homeTus), and searching every dump per file cost
   * seconds (sched.h: 11 of 80 s). A dump names few `.c` files (its own, those it includes), so
   * this stays small.
   */
  private sourcesIndex(): Map<string, Array<[string, number]>> {
    if (this.sources) return this.sources
    const names = new Map<string, Array<[string, number]>>()
    for (const [tu, i] of this.byTu) {
      const files = this.dumps[i].compact?.files
      const bases = files
        ? new Set(files.filter(f => f.endsWith('.c')).map(f => f.slice(f.lastIndexOf('/') + 1)))
        : sourceNames(this.textAt(i))
      for (const b of bases) {
        const list = names.get(b)
        if (list) list.push([tu, i])
        else names.set(b, [[tu, i]])
      }
    }
    return (this.sources = names)
  }

  /** The TUs that compile a `.c`: its own, when it has a dump, and those whose dump declares it. */
  tusCompiling(file: string): string[] {
    const tus = this.tusDeclaring(file)
    return this.hasTu(file) && !tus.includes(file) ? [file, ...tus].sort() : tus
  }

  /** TU paths ('net/ipv4/tcp.c') that have a dump (empty ones included). */
  hasTu(tu: string): boolean {
    return this.byTu.has(tu)
  }

  tus(): string[] {
    return [...this.byTu.keys()].sort()
  }

  /** `tusMentioning` is about to be asked for each of `names` (see NameIndex.expect). */
  expectLookups(names: Iterable<string>): void {
    if (!this.names) throw new Error('DumpSet.expectLookups before finish()')
    const bare = [...names].map(n => (n.startsWith('*') ? n.slice(1) : n))
    if (this.focus)
      for (const n of bare) if (!this.focus.names.has(n)) this.outsideFocus(`symbol ${n}`)
    this.names.expect(bare)
  }

  /** TUs whose dump mentions a node with this exact symbol name (as orig or new). */
  tusMentioning(name: string): string[] {
    if (!this.names) throw new Error('DumpSet.tusMentioning before finish()')
    const bare = name.startsWith('*') ? name.slice(1) : name
    if (this.focus && !this.focus.names.has(bare)) this.outsideFocus(`symbol ${bare}`)
    const idx = this.names.lookup(bare)
    return idx.map(i => this.dumps[i].key).sort()
  }

  /**
   * Parsed graph of one TU (parsed on first use, then kept among the recent ones). `once`: the
   * caller reads each TU once (a query's TU-major pass), so a graph not already kept is not kept:
   * kept, every graph of a header inline's thousands of TUs outlived the young generation and was
   * then dropped from the old one, which grew the heap by gigabytes at distribution scale.
   */
  graph(tu: string, once = false): TuGraph | undefined {
    const i = this.byTu.get(tu)
    if (i === undefined) return undefined
    if (once && !this.graphs.has(i)) return this.parse(i)
    return this.graphAt(i)
  }

  /**
   * A graph the caller had `once` and now knows it will ask for again: kept while the cache has
   * room, never in place of a kept one (an eviction here would only move the re-parse elsewhere).
   */
  keep(tu: string, g: TuGraph): void {
    const i = this.byTu.get(tu)
    if (i !== undefined && !this.graphs.has(i) && this.graphs.size < MAX_CACHED_GRAPHS)
      this.graphs.set(i, g)
  }

  /** LTO only: the WPA dump's graph first, then the ltrans partitions', in partition order. */
  linkGraphs(): TuGraph[] {
    return this.linkStage.map(i => this.graphAt(i))
  }

  private graphAt(i: number): TuGraph {
    let g = this.graphs.get(i)
    if (g) {
      // Map order is the LRU order: a hit moves to the back.
      this.graphs.delete(i)
    } else {
      g = this.parse(i)
      if (this.graphs.size >= MAX_CACHED_GRAPHS) {
        this.graphs.delete(this.graphs.keys().next().value as number)
      }
    }
    this.graphs.set(i, g)
    return g
  }

  /**
   * Graphs of the dumps whose digest the scan index gave are looked up in `store` first, and the
   * ones read from text are added to it: a dump's graph is a function of its bytes.
   */
  useGraphStore(store: GraphStore): void {
    this.graphStore = store
  }

  private parse(i: number): TuGraph {
    const d = this.dumps[i]
    if (!d.kept) this.outsideFocus(`TU ${d.key}`)
    if (d.compact) return buildTuGraph(d.key, d.info.stage, d.compact)
    const store = this.graphStore
    if (!store || d.digest === undefined) return parseTuGraph(d.key, d.info.stage, this.textAt(i))
    const stored = store.get(d.digest)
    const known = stored === undefined ? undefined : decodeGraph(stored)
    if (known) return buildTuGraph(d.key, d.info.stage, known)
    const compact = readTuGraph(this.textAt(i))
    // Only text held since the scan is of the digest's bytes: a re-read is checked by its length
    // and CRC, enough for this run, not to file a graph for later ones.
    const records = (compact.nodes.length + compact.edges.length) / 4
    if (!d.reread && !this.stored.has(d.digest) && records <= MAX_STORED_RECORDS) {
      this.stored.add(d.digest)
      store.set(d.digest, encodeGraph(compact))
    }
    return buildTuGraph(d.key, d.info.stage, compact)
  }

  private textAt(i: number): string {
    const d = this.dumps[i]
    return d.reread ? d.reread() : d.text
  }

  private outsideFocus(what: string): never {
    throw new Error(`internal: ${what} is outside the focus dump set ${this.label} was loaded with`)
  }

  /** A vote for the foreign leading folder of dump paths (see `resolveTuNames`). */
  private vote(rename: TuRename | undefined): void {
    if (rename === undefined) return
    this.prefixSampled++
    const key = renameKey(rename)
    const vote = this.prefixVotes.get(key) ?? { rename, votes: 0 }
    vote.votes++
    this.prefixVotes.set(key, vote)
  }

  /**
   * Dump paths may carry a leading folder that is not part of the tree (an archive's top folder),
   * or lack the folders the sources sit in (a build folder given as the input). GCC wrote the
   * TU's own file as compiled, so a sample of non-empty dumps tells how to rename them (see
   * `ownRename`); the most common answer is applied to every dump. One-shot LTO builds name
   * compile-stage dumps `<out>-<src>`: that `<out>-` is dropped when a link-stage dump `<out>.wpa`
   * sits beside them.
   */
  private resolveTuNames(): void {
    let rename: TuRename = { drop: 0, prepend: '' }
    let best = 0
    for (const v of this.prefixVotes.values()) {
      const fewer =
        v.votes === best &&
        (v.rename.drop < rename.drop ||
          (v.rename.drop === rename.drop && v.rename.prepend.length < rename.prepend.length))
      if (v.votes > best || fewer) [rename, best] = [v.rename, v.votes]
    }
    const outs = new Set<string>()
    for (const d of this.dumps)
      if (d.info.stage === 'wpa') outs.add(d.info.name.replace(/\.wpa$/, '') + '-')
    for (const d of this.dumps) {
      d.key = applyRename(d.info.name, rename)
      if (d.info.stage !== 'tu') continue
      const dir = d.info.name.slice(0, d.info.name.lastIndexOf('/') + 1)
      for (const out of outs) {
        const base = out.slice(out.lastIndexOf('/') + 1)
        if (out === dir + base && d.info.name.startsWith(out)) {
          d.key = d.key.replace(new RegExp(`(^|/)${escapeRegExp(base)}`), '$1')
          break
        }
      }
    }
  }
}

function stageRank(info: DumpPathInfo): number {
  return info.stage === 'wpa' ? -1 : info.partition
}

function declares(g: TuGraph, path: string): boolean {
  return g.nodeFiles().includes(path)
}

/**
 * The base names of the `.c` files a dump's text names (`;kernel/fork.c;`, `/src/x/y.c;`): each
 * `.c;`, back to the `;` or `/` before it.
 */
function sourceNames(text: string): Set<string> {
  const out = new Set<string>()
  for (let at = text.indexOf('.c;'); at >= 0; at = text.indexOf('.c;', at + 3)) {
    let from = at - 1
    for (let c = text.charCodeAt(from); from >= 0 && c !== 59 && c !== 47 && c !== 10;)
      c = text.charCodeAt(--from)
    if (from >= 0 && text.charCodeAt(from) !== 10) out.add(text.slice(from + 1, at + 2))
  }
  return out
}
