import type { Finding } from '../model.js'
import { MAX_FIELDS, scanLine, type LineLayout, type ScanResult } from './dump-line.js'
import { classifyDumpPath, foreignPrefixDepth, type DumpPathInfo } from './dump-path.js'
import { NameIndex } from './name-index.js'
import { parseTuGraph, type TuGraph } from './tu-graph.js'

/** Malformed lines reported one by one per dump before a single summary finding takes over. */
export const MALFORMED_DETAIL_LIMIT = 20

/** Non-empty dumps sampled by `finish` to learn a foreign leading folder of the dump paths. */
const PREFIX_SAMPLE = 64

interface Dump {
  path: string
  info: DumpPathInfo
  text: string
  /** Resolved by `finish`: TU path or link-stage name. */
  key: string
}

/**
 * The `-fdump-ipa-clones` dumps of one build (one configuration, one architecture). Adding a dump
 * only validates its lines and indexes which symbol names it mentions; a TU's graph is parsed on
 * first use, because a query touches a few hundred TUs of the tens of thousands a distro build has.
 */
/**
 * A header inline is in thousands of TUs of a distribution build; keeping every parsed graph cost
 * ~100 MB at 27,000 dumps. Re-parsing one is cheap (~0.5 ms), so only the recent ones stay.
 */
const MAX_CACHED_GRAPHS = 512

export class DumpSet {
  readonly findings: Finding[] = []
  private readonly dumps: Dump[] = []
  private names: NameIndex | undefined
  private readonly byTu = new Map<string, number>()
  private readonly graphs = new Map<number, TuGraph>()
  private linkStage: number[] = []
  private lines = 0
  private finished = false
  private isLto = false
  private readonly cuts = new Int32Array(MAX_FIELDS + 1)
  private readonly res: ScanResult = {
    kind: 0,
    layout: undefined as unknown as LineLayout,
    error: ''
  }

  constructor(readonly label: string) {}

  get lto(): boolean {
    return this.isLto
  }

  get dumpCount(): number {
    return this.dumps.length
  }

  get lineCount(): number {
    return this.lines
  }

  /** path: the dump's path relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones'). */
  addDump(path: string, input: string): void {
    // Editors and some archivers prepend a byte-order mark; GCC never writes one.
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    if (this.finished) throw new Error('DumpSet.addDump after finish()')
    const info = classifyDumpPath(path)
    this.dumps.push({ path, info, text, key: info.name })
    this.scan(path, text)
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
    const texts = this.dumps.map(d => d.text)
    this.names = new NameIndex(texts, i => this.byTu.get(this.dumps[i].key) === i)
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
    const needles = [`;${file};`, `;./${file};`]
    const tus: string[] = []
    for (const [tu, i] of this.byTu) {
      const text = this.dumps[i].text
      if (needles.some(n => text.includes(n))) tus.push(tu)
    }
    return tus.sort()
  }

  /** TU paths ('net/ipv4/tcp.c') that have a dump (empty ones included). */
  hasTu(tu: string): boolean {
    return this.byTu.has(tu)
  }

  tus(): string[] {
    return [...this.byTu.keys()].sort()
  }

  /** TUs whose dump mentions a node with this exact symbol name (as orig or new). */
  tusMentioning(name: string): string[] {
    if (!this.names) throw new Error('DumpSet.tusMentioning before finish()')
    const idx = this.names.lookup(name.startsWith('*') ? name.slice(1) : name)
    return idx.map(i => this.dumps[i].key).sort()
  }

  /** Parsed graph of one TU (parsed on first use, then kept). */
  graph(tu: string): TuGraph | undefined {
    const i = this.byTu.get(tu)
    return i === undefined ? undefined : this.graphAt(i)
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
      const d = this.dumps[i]
      g = parseTuGraph(d.key, d.info.stage, d.text)
      if (this.graphs.size >= MAX_CACHED_GRAPHS) {
        this.graphs.delete(this.graphs.keys().next().value as number)
      }
    }
    this.graphs.set(i, g)
    return g
  }

  /** Counts and validates every line, reporting malformed ones. */
  private scan(path: string, text: string): void {
    const { cuts, res } = this
    const len = text.length
    let pos = 0
    let lineNo = 0
    let bad = 0
    while (pos < len) {
      let end = text.indexOf('\n', pos)
      if (end < 0) end = len
      const next = end + 1
      if (end > pos && text.charCodeAt(end - 1) === 13) end--
      lineNo++
      if (end > pos) {
        this.lines++
        if (scanLine(text, pos, end, cuts, res).kind === 0 && ++bad <= MALFORMED_DETAIL_LIMIT)
          this.findings.push({
            kind: 'dump-malformed-line',
            severity: 'unresolved',
            set: this.label,
            file: path,
            line: lineNo,
            message: `${path}:${lineNo}: ${res.error}: ${clip(text.slice(pos, end))}`
          })
      }
      pos = next
    }
    if (bad > MALFORMED_DETAIL_LIMIT)
      this.findings.push({
        kind: 'dump-malformed-line',
        severity: 'unresolved',
        set: this.label,
        file: path,
        message:
          `${path}: ${bad} malformed lines in all; the first ${MALFORMED_DETAIL_LIMIT} are ` +
          `reported one by one, ${bad - MALFORMED_DETAIL_LIMIT} more are not`
      })
  }

  /**
   * Dump paths may carry a leading folder that is not part of the kernel tree (an archive's top
   * folder). GCC wrote the TU's own file relative to the tree root, so a sample of non-empty dumps
   * tells how many leading components to drop; the most common answer is applied to every dump whose
   * path has at least that many components. One-shot LTO builds name compile-stage dumps
   * `<out>-<src>`: that `<out>-` is dropped when a link-stage dump `<out>.wpa` sits beside them.
   */
  private resolveTuNames(): void {
    const votes = new Map<number, number>()
    let sampled = 0
    for (const d of this.dumps) {
      if (sampled >= PREFIX_SAMPLE) break
      if (d.info.stage !== 'tu' || d.text.length === 0) continue
      const depth = foreignPrefixDepth(d.info.name, d.text)
      if (depth === undefined) continue
      sampled++
      votes.set(depth, (votes.get(depth) ?? 0) + 1)
    }
    let depth = 0
    let best = 0
    for (const [k, v] of votes) if (v > best || (v === best && k < depth)) [depth, best] = [k, v]
    const outs = new Set<string>()
    for (const d of this.dumps)
      if (d.info.stage === 'wpa') outs.add(d.info.name.replace(/\.wpa$/, '') + '-')
    for (const d of this.dumps) {
      let parts = d.info.name.split('/')
      if (depth > 0 && parts.length > depth) parts = parts.slice(depth)
      d.key = parts.join('/')
      if (d.info.stage !== 'tu') continue
      const dir = d.info.name.slice(0, d.info.name.lastIndexOf('/') + 1)
      for (const out of outs) {
        const base = out.slice(out.lastIndexOf('/') + 1)
        if (out === dir + base && d.info.name.startsWith(out)) {
          d.key = d.key.replace(new RegExp(`(^|/)${escapeRe(base)}`), '$1')
          break
        }
      }
    }
  }
}

function stageRank(info: DumpPathInfo): number {
  return info.stage === 'wpa' ? -1 : info.partition
}

function clip(line: string): string {
  return line.length > 120 ? `${line.slice(0, 120)}...` : line
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
