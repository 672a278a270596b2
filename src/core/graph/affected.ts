import type { AffectedFunction, ChainStep, ChangedFunction, Finding, Tier } from '../model.js'
import type { DumpSet } from '../dumps/dump-set.js'
import type { TuGraph } from '../dumps/tu-graph.js'
import { baseName, ltoJoinName, symbolRemoved, walkForward } from './walk.js'
import { append } from '../arrays.js'
import { specializedOriginals } from './specialized.js'
import { calledOnceFlips } from '../inline-flip/called-once.js'
import { cloneFlips } from '../inline-flip/clone-flips.js'
import type { NewCall } from '../inline-flip/new-calls.js'
import { fileName } from '../paths.js'
import type { SymbolLookup } from '../symbols/table.js'
import { UNFOUND_HINT } from '../source/unfound.js'

export interface AffectedOptions {
  /** tu -> object name ('vmlinux' | module); undefined = objects unknown (object: null). */
  objectOf?: (tu: string) => string
  /**
   * Functions that call `callee` anywhere in `tu` (its source and everything it includes) and in
   * `also` (review tier): the file that defines the callee when it is not the TU itself
   * (`kernel/sched/rt.c` inside `build_policy.c`) and the headers the TU's dump names.
   * Undefined = no source available.
   */
  callersOf?: (tu: string, callee: string, also: string[]) => CallerSearch | undefined
  /** When symbol tables are known: does `name` exist as a symbol in `object`/`tu`, and its sympos. */
  symbolInfo?: (object: string, tu: string, name: string) => SymbolLookup | undefined
  /** Every object of the build (`vmlinux` and the modules), when kbuild's files were given. */
  objects?: string[]
  /** See `SymbolTables.functionFiles`: each function symbol of a name, with its TU's basename when known. */
  functionFiles?: (object: string, name: string) => Array<string | null> | undefined
  /** Other dump sets' TU lists, to tell "not built in this configuration" (present in another set: info) from "no dump anywhere" (unresolved). */
  tuBuiltElsewhere?: (tu: string) => boolean
  /**
   * Calls the fix adds to changed or added functions (the mapper's `newCalls`): a static inlined
   * into its only caller that gains one may be kept out of line, changing that caller (review).
   */
  newCalls?: readonly NewCall[]
  /**
   * The TUs whose kbuild dependency lists (`.*.o.cmd`) name `file`, when the set has them: a TU
   * that `#include`s a `.c` and took no decision about its functions has a dump that never names it.
   */
  tusReading?: (file: string) => string[]
}

export interface CallerSearch {
  callers: string[]
  /** Files of the TU that should have been searched but whose source is not available. */
  unsearched: string[]
}

export interface AffectedResult {
  affected: AffectedFunction[]
  findings: Finding[]
}

/** Suffixes of clones whose signature GCC changed: their callers were rewritten to match. */
const SIGNATURE_CLONE = /\.(isra|constprop)\.\d+/

/**
 * Every function of `set` whose machine code contains one of the changed functions (tier
 * `required`), plus the callers of signature-changing clones (tier `review`). Pure: reads the dump
 * set's graphs, never files.
 */
export function computeAffected(
  set: DumpSet,
  changed: ChangedFunction[],
  options: AffectedOptions = {}
): AffectedResult {
  const acc = new Accumulator(set, options)
  const queries: SymbolQuery[] = []
  for (const fn of changed) {
    // An added function has no node in dumps of the unpatched build; its callers are changed too.
    if (fn.change === 'added') continue
    // A definer's body symbol (`__do_sys_read`, BPF_CALL's `____name`) is the one holding the
    // change; its wrappers (`__se_`, `__x64_`, `__ia32_`) hold it only where GCC inlined it into
    // them, which the body's walk reaches. Walked on their own, wrappers that merely call it were
    // required (a holdout's `__x64_sys_pivot_root`, whose machine code the fix leaves alone).
    const name = fn.symbols[0] ?? fn.name
    queries.push({ origin: fn.name, name, file: fn.file, reason: viaReason(fn) })
    if (!fn.file.endsWith('.c')) acc.headerFinding(fn.name, fn.file)
  }
  affectSymbols(acc, queries)
  if (options.newCalls && options.newCalls.length > 0) {
    addCalledOnceFlips(acc, options.newCalls)
    addCloneFlips(acc, options.newCalls)
  }
  return acc.result()
}

/**
 * The containers `calledOnceFlips` finds, for review, with those that contain them: GCC decides
 * the inlining again with the new call, which the pre-fix dumps cannot show (exact mode can).
 */
function addCalledOnceFlips(acc: Accumulator, calls: readonly NewCall[]): void {
  const { set } = acc
  const required = acc.requiredKeys()
  // A `.c`'s statics only: a header's inline is decided per TU that includes it (and a focused
  // set answers only for the changed `.c` files).
  for (const file of new Set(calls.map(c => c.file).filter(f => f.endsWith('.c')))) {
    const own = calls.filter(c => c.file === file)
    for (const tu of set.tusCompiling(file)) {
      const g = set.graph(tu, true)
      if (!g) continue
      for (const { call, container } of calledOnceFlips(g, own)) {
        const chain: ChainStep[] = [
          { kind: 'changed', name: call.caller },
          {
            kind: 'gcc-decision',
            name: call.callee,
            reason: `GCC inlined ${call.callee} into its only caller ${g.name(container)}; ${call.caller} now calls it too, so GCC may keep it out of line, and ${g.name(container)} then calls it instead`
          }
        ]
        acc.review(g, tu, [container], chain, call.caller, required)
      }
    }
  }
}

/**
 * The callers of the `constprop` clones `cloneFlips` finds, for review, with those that contain
 * them: GCC specialises the callee again with the new call, which the pre-fix dumps cannot show
 * (exact mode can). Callers come from the source search of the review tier; without it, none.
 */
function addCloneFlips(acc: Accumulator, calls: readonly NewCall[]): void {
  const search = acc.options.callersOf
  if (!search) return
  const required = acc.requiredKeys()
  for (const file of new Set(calls.map(c => c.file).filter(f => f.endsWith('.c')))) {
    const own = calls.filter(c => c.file === file)
    for (const tu of acc.set.tusCompiling(file)) {
      const g = acc.set.graph(tu, true)
      if (!g) continue
      for (const { call, clone } of cloneFlips(g, own)) {
        const found = search(tu, call.callee, file === tu ? [] : [file])
        if (!found) continue
        const head: ChainStep[] = [
          { kind: 'changed', name: call.caller },
          {
            kind: 'gcc-decision',
            name: clone,
            reason: `GCC specialised ${call.callee} as ${clone} for the calls it saw; ${call.caller} now calls ${call.callee} too, so GCC may drop or change the clone, and its callers then call another copy`
          }
        ]
        for (const caller of found.callers) {
          if (caller === call.caller || caller === call.callee) continue
          const chain = head.concat({ kind: 'caller-of', name: caller })
          const ids = g.ids(caller)
          if (ids.length === 0) {
            if (!required.has(`${tu}\u0000${caller}`))
              acc.add(g, tu, caller, 'review', chain, call.caller)
            continue
          }
          acc.review(g, tu, ids, chain, call.caller, required)
        }
      }
    }
  }
}

/** For the `explain <function>` command: everything affected by one symbol, optionally restricted to the definition file. */
export function explainSymbol(
  set: DumpSet,
  name: string,
  file?: string,
  options: AffectedOptions = {}
): AffectedResult {
  const acc = new Accumulator(set, options)
  const [found] = affectSymbols(acc, [{ origin: name, name, file }])
  if (!found)
    acc.finding({
      kind: 'no-dump',
      severity: 'info',
      message:
        `${name}${file ? ` (${file})` : ''} is not mentioned in any dump of set ${set.label}: ` +
        'GCC neither inlined nor cloned it (an ordinary out-of-line function), or it is not built.',
      file,
      functions: [name]
    })
  return acc.result()
}

interface SymbolQuery {
  /** The changed function the entries stem from. */
  origin: string
  /** Why the changed function counts as changed, when a header's non-function change reached it. */
  reason?: string
  /** The symbol to walk (one of the changed function's symbols). */
  name: string
  file?: string
}

/**
 * Walks every symbol through every TU that holds a copy of it; per query, false when nothing was
 * found. TU-major: a TU is parsed once for all the symbols it holds (header inlines of one fix share
 * hundreds of TUs, and the set keeps only a bounded number of parsed graphs).
 */
function affectSymbols(acc: Accumulator, queries: SymbolQuery[]): boolean[] {
  const { set } = acc
  const found = queries.map(() => false)
  // What the TU stage reached, carried into the link stages: only an LTO set has any.
  const lto = set.lto
  const ltoSeeds = queries.map(() => new Map<string, ChainStep[]>())
  const byTu = new Map<string, number[]>()
  // The TUs that compile each query's file: the file itself, or the TUs that #include it.
  const homes = queries.map(q => homeTus(acc, q))
  set.expectLookups(queries.map(q => q.name))
  queries.forEach((q, qi) => {
    const tus = new Set([...set.tusMentioning(q.name), ...homes[qi]])
    for (const tu of tus) byTu.set(tu, [...(byTu.get(tu) ?? []), qi])
  })
  const firstOf = (q: SymbolQuery): ChainStep[] => [
    q.reason
      ? { kind: 'changed', name: q.name, reason: q.reason }
      : { kind: 'changed', name: q.name }
  ]
  for (const tu of [...byTu.keys()].sort()) {
    const g = set.graph(tu, true)
    if (!g) continue
    const unseen: number[] = []
    for (const qi of byTu.get(tu) ?? []) {
      const { origin, name, file } = queries[qi]
      const starts = g.ids(name).filter(id => file === undefined || g.file(id) === file)
      if (starts.length === 0) {
        if (homes[qi].includes(tu)) unseen.push(qi)
        continue
      }
      found[qi] = true
      const first = firstOf(queries[qi])
      for (const [id, chain] of walkForward(g, starts, () => first)) {
        acc.add(g, tu, g.name(id), 'required', chain, origin, id)
        if (lto) seed(ltoSeeds[qi], joinKey(g.file(id), g.name(id)), chain)
      }
    }
    for (const qi of unseen) {
      const { origin, name } = queries[qi]
      // GCC took no decision about it: an ordinary out-of-line function of its own TU.
      const first = firstOf(queries[qi])
      acc.add(g, tu, name, 'required', first, origin)
      if (lto) ltoSeeds[qi].set(joinKey(tu, name), first)
      found[qi] = true
    }
  }
  if (lto) queries.forEach((q, qi) => acc.followLinkStages(ltoSeeds[qi], q.origin))
  return found
}

function viaReason(fn: ChangedFunction): string | undefined {
  if (fn.via?.kind === 'header-macro') return `uses macro ${fn.via.macro}`
  if (fn.via?.kind === 'enum-value') return `uses enumerator ${fn.via.macro}`
  if (fn.via?.kind === 'type-layout') return fn.via.macro
  if (fn.via?.kind === 'trace-event') return fn.via.macro
  return undefined
}

const includers = new WeakMap<DumpSet, Map<string, string[]>>()

/**
 * The TUs that compile a `.c`: its own, and those that `#include` it (`fs/compat_binfmt_elf.c`
 * includes `fs/binfmt_elf.c`: a function GCC took no decision about has a copy in each).
 */
function homeTus(acc: Accumulator, q: SymbolQuery): string[] {
  const { set } = acc
  if (q.file === undefined || !q.file.endsWith('.c')) return []
  let known = includers.get(set)
  if (!known) includers.set(set, (known = new Map<string, string[]>()))
  let tus = known.get(q.file)
  if (!tus) {
    const others = set.tusDeclaring(q.file).filter(tu => tu !== q.file)
    tus = set.hasTu(q.file) ? [q.file, ...others] : others
    known.set(q.file, tus)
  }
  const own = tus
  const listed = acc.options.tusReading?.(q.file).filter(tu => set.hasTu(tu) && !own.includes(tu))
  const all = listed && listed.length > 0 ? [...own, ...listed] : own
  if (all.length === 0) acc.notBuilt(q.file, q.origin)
  return all
}

function joinKey(file: string, name: string): string {
  return `${file}\u0000${ltoJoinName(name)}`
}

function seed(seeds: Map<string, ChainStep[]>, key: string, chain: ChainStep[]): void {
  const known = seeds.get(key)
  if (!known || chain.length < known.length) seeds.set(key, chain)
}

interface Entry {
  entry: AffectedFunction
  graph: TuGraph | undefined
  specializedOriginal: boolean
  /** The TU's dump has a node of this name (else only the source search named it). */
  inDump: boolean
}

/**
 * GCC keeps the original of a constprop/isra clone as the clone's origin and writes no removal line
 * even when every caller was redirected to the clone and no symbol is emitted (seen in the
 * validation builds: `__parse_nl_addr`, `rtm_to_ipmr_mfcc`). It stays required (fail closed), with
 * this note, unless symbol tables decide.
 */
const ORIGINAL_NOTE =
  'original of a constprop/isra clone: GCC may have emitted no symbol for it (no removal line is written then); check with nm or give symbol tables'

/**
 * A function only the source search named (a user of a changed header macro, an ordinary function
 * GCC took no decision about) that neither its TU's dump nor the symbol tables have: this build
 * does not compile it (an `#if` the `.config` leaves out, or a static function nothing calls), so
 * there is nothing to patch. With a dump node, a missing symbol is a conflict instead (see result).
 */
function notCompiled(entry: AffectedFunction): void {
  entry.symbol = 'removed'
  entry.note =
    "neither its TU's dump nor the symbol tables have it: not compiled in this build (an #if the .config leaves out, or nothing calls it)"
}

function isSpecializedOriginal(graph: TuGraph, name: string): boolean {
  return specializedOriginals(graph).has(name)
}

class Accumulator {
  private readonly entries = new Map<string, Entry>()
  private readonly findings: Finding[] = []
  private readonly findingKeys = new Set<string>()
  private readonly headers: Array<{ name: string; file: string }> = []

  constructor(
    readonly set: DumpSet,
    readonly options: AffectedOptions
  ) {}

  /**
   * `review` entries for the nodes `ids` of `graph` and the functions that contain them (a
   * function inlined away is reviewed where it went), but for the `required` ones (`tu\0name`).
   */
  review(
    graph: TuGraph,
    tu: string,
    ids: Iterable<number>,
    chain: ChainStep[],
    origin: string,
    required: ReadonlySet<string>
  ): void {
    for (const [id, c] of walkForward(graph, ids, () => chain)) {
      const name = graph.name(id)
      if (!required.has(`${tu}\u0000${name}`)) this.add(graph, tu, name, 'review', c, origin, id)
    }
  }

  add(
    graph: TuGraph | undefined,
    tu: string,
    name: string,
    tier: Tier,
    chain: ChainStep[],
    origin: string,
    /** `graph`'s node of `name` the entry comes from, when a walk reached it. */
    id?: number
  ): void {
    const key = `${tu}\u0000${name}\u0000${tier}`
    const known = this.entries.get(key)
    if (known && known.entry.chain.length <= chain.length) return
    // A name is removed when every node of it is: a reached node that is not settles it without
    // looking the name up (a header inline reaches hundreds of nodes in a TU).
    const removed =
      graph !== undefined && (id === undefined || graph.removed(id)) && symbolRemoved(graph, name)
    // The review tier walks this TU's graph again (see addReviewTier): kept rather than re-parsed
    // (a fix in a header inline: 380 of 960 TUs at 10x).
    const reviewed = tier === 'required' && this.options.callersOf && SIGNATURE_CLONE.test(name)
    if (reviewed && graph?.stage === 'tu') this.set.keep(tu, graph)
    this.entries.set(key, {
      // TU graphs are parsed again on demand (the set's cache is bounded); only link-stage graphs,
      // which the set cannot hand out by TU, are kept.
      graph: graph?.stage === 'tu' ? undefined : graph,
      specializedOriginal: !removed && graph !== undefined && isSpecializedOriginal(graph, name),
      inDump: graph !== undefined && (id !== undefined || graph.has(name)),
      entry: {
        set: this.set.label,
        name,
        tu,
        object: this.options.objectOf ? this.options.objectOf(tu) : null,
        tier,
        symbol: removed ? 'removed' : 'present',
        origin,
        chain
      }
    })
  }

  finding(f: Omit<Finding, 'set'>): void {
    const key = `${f.kind}\u0000${f.file ?? ''}\u0000${f.message}`
    if (this.findingKeys.has(key)) return
    this.findingKeys.add(key)
    this.findings.push({ ...f, set: this.set.label })
  }

  notBuilt(tu: string, origin: string): void {
    const elsewhere = this.options.tuBuiltElsewhere?.(tu) ?? false
    this.finding({
      kind: 'not-built',
      severity: elsewhere ? 'info' : 'unresolved',
      file: tu,
      functions: [origin],
      message: elsewhere
        ? `${tu} is not built in set ${this.set.label} (other sets build it): nothing to patch there.`
        : `no dump for TU ${tu} in set ${this.set.label}: not built in this configuration, or the dump was not uploaded.`
    })
  }

  /** A changed header function: its invisible out-of-line copies are judged in `result`. */
  headerFinding(name: string, file: string): void {
    this.headers.push({ name, file })
  }

  /**
   * A TU that includes a header but never inlined its function may hold an out-of-line copy that no
   * dump line shows. Symbol tables of every object settle it only when each function symbol of that
   * name is attributed (readelf FILE symbols) to a TU the report has a present entry for: a bare
   * count could pair an invisible copy with an entry whose symbol GCC silently dropped (see
   * ORIGINAL_NOTE). Anything less stays unresolved, with what the tables show, for a human to check.
   */
  private headerFindings(affected: AffectedFunction[]): void {
    const { objects, functionFiles } = this.options
    for (const { name, file } of this.headers) {
      const base =
        `${name} is defined in header ${file}: a TU that includes it but never inlined it may ` +
        'hold an out-of-line copy, which the dumps do not show'
      let verdict: string | undefined
      if (objects && functionFiles) {
        const uncovered: string[] = []
        const open: string[] = []
        for (const o of objects) {
          const syms = functionFiles(o, name)
          if (syms === undefined) {
            uncovered.push(o)
            continue
          }
          const present = affected
            .filter(a => a.object === o && a.name === name && a.symbol === 'present')
            .map(a => fileName(a.tu))
          const unmatched = syms.filter(f => {
            const at = f === null ? -1 : present.indexOf(f)
            if (at >= 0) present.splice(at, 1)
            return at < 0 && !(f !== null && this.tableCopy(affected, o, f, name))
          })
          if (unmatched.length > 0) {
            const where = unmatched.every(f => f === null)
              ? 'its table does not say which TU each is from'
              : `not from a TU the report lists: ${unmatched.map(f => f ?? '?').join(', ')}`
            open.push(`${o} has ${syms.length} function symbol(s) named ${name} (${where})`)
          }
        }
        if (uncovered.length === 0 && open.length === 0) {
          this.finding({
            kind: 'header-out-of-line',
            severity: 'info',
            file,
            functions: [name],
            message: `${base}; the symbol tables of all ${objects.length} object(s) show no copy the report lacks (a copy in a TU no dump names is listed as an entry there).`
          })
          continue
        }
        verdict = [
          ...open,
          ...(uncovered.length > 0 ? [`no symbol table for ${listed(uncovered)}`] : [])
        ].join('; ')
      }
      this.finding({
        kind: 'header-out-of-line',
        severity: 'unresolved',
        file,
        functions: [name],
        message:
          `${base}; ` +
          (verdict ??
            `check the built objects for local symbols named ${name} (nm) in TUs not listed here, or give symbol tables of every object`) +
          '.'
      })
    }
  }

  /**
   * A copy the table attributes to a TU the report lacks (its dump never names the function: the
   * TU called it out of line): when one TU of the object has that basename, the copy is an entry
   * there, required like any copy of a changed function, rather than a doubt for a human.
   */
  private tableCopy(
    affected: AffectedFunction[],
    object: string,
    file: string,
    name: string
  ): boolean {
    const tus = this.set
      .tus()
      .filter(tu => fileName(tu) === file)
      .filter(tu => (this.options.objectOf?.(tu) ?? null) === object)
    if (tus.length !== 1) return false
    const copy: AffectedFunction = {
      set: this.set.label,
      name,
      tu: tus[0],
      object,
      tier: 'required',
      symbol: 'present',
      origin: name,
      chain: [
        {
          kind: 'changed',
          name,
          reason:
            'an out-of-line copy in this TU, which its symbol table shows and no dump line does'
        }
      ]
    }
    const sympos = this.options.symbolInfo?.(object, tus[0], name)?.sympos
    if (sympos !== undefined) copy.sympos = sympos
    affected.push(copy)
    return true
  }

  /** LTO: carries what the TU stage reached into the WPA dump, then into every ltrans partition. */
  followLinkStages(seeds: Map<string, ChainStep[]>, origin: string): void {
    for (const g of this.set.linkGraphs()) {
      const starts = new Map<number, ChainStep[]>()
      for (const node of g.nodes) {
        const chain = seeds.get(joinKey(node.file, node.name))
        if (chain) starts.set(node.id, chain)
      }
      if (starts.size === 0) continue
      for (const [id, chain] of walkForward(g, starts.keys(), s => starts.get(s) ?? [])) {
        const node = g.nodes[id]
        this.add(
          g,
          node.file.endsWith('.c') ? node.file : g.tu,
          node.name,
          'required',
          chain,
          origin,
          id
        )
        seed(seeds, joinKey(node.file, node.name), chain)
      }
    }
  }

  /** `tu\0name` of every required entry so far. */
  requiredKeys(): Set<string> {
    const out = new Set<string>()
    for (const { entry } of this.entries.values())
      if (entry.tier === 'required') out.add(`${entry.tu}\u0000${entry.name}`)
    return out
  }

  result(): AffectedResult {
    this.addReviewTier()
    const affected: AffectedFunction[] = []
    const info = this.options.symbolInfo
    for (const { entry, specializedOriginal, inDump } of this.entries.values()) {
      if (info && entry.object !== null) {
        const s = info(entry.object, entry.tu, entry.name)
        if (s) {
          if (!s.exists && entry.tier === 'required' && entry.symbol === 'present') {
            if (specializedOriginal) {
              // GCC drops the original of an isra/constprop clone without a removal line: this
              // is the question the tables are for.
              entry.symbol = 'removed'
            } else if (!inDump) {
              notCompiled(entry)
            } else if (s.absentFromTu) {
              // A readelf table that lists the TU and no such function anywhere in the object is
              // this build's answer: a node inlined into its last caller is no removal line.
              entry.symbol = 'removed'
              entry.note = `no symbol in the symbol table of ${entry.object}, which lists its TU: GCC inlined every call`
            } else {
              // The dump kept this copy; a table without it is of another build, or cut (an
              // old readelf without -W): it cannot overrule the dump.
              this.finding({
                kind: 'symbols-mode',
                severity: 'unresolved',
                file: entry.tu,
                functions: [entry.name],
                message:
                  `the dump keeps ${entry.name}, but the symbol tables of ${entry.object} have no ` +
                  'such symbol: kept as required. The tables may come from another build or have ' +
                  'cut names; check them.'
              })
            }
          } else if (!s.exists) {
            // A review-tier caller found in the source may be compiled out (#ifdef) of this build.
            entry.symbol = 'removed'
          }
          if (s.sympos !== undefined && entry.symbol === 'present') entry.sympos = s.sympos
          affected.push(entry)
          continue
        }
      }
      if (entry.symbol === 'present' && specializedOriginal) {
        entry.note = ORIGINAL_NOTE
      }
      affected.push(entry)
    }
    this.headerFindings(affected)
    // After headerFindings: it adds the copies the symbol tables show.
    affected.sort(compareAffected)
    return { affected, findings: this.findings }
  }

  /**
   * An isra/constprop clone has a signature GCC chose from the body: if the change alters what the
   * body does with its parameters, the next build may clone differently and every caller changes.
   */
  private addReviewTier(): void {
    const required = [...this.entries.values()].filter(e => e.entry.tier === 'required')
    const isRequired = new Set(required.map(e => `${e.entry.tu}\u0000${e.entry.name}`))
    // A reviewed caller that is itself a signature clone may be re-cloned as well once its body
    // changes, and its callers change with it (6.1.176's sound/core/timer.c: snd_timer_user_params
    // loses its isra clone, __snd_timer_user_ioctl.isra.0 goes too, and both ioctl entry points
    // change): its callers are reviewed in turn, each clone once.
    const done = new Set<string>()
    for (let queue = required; queue.length > 0;) {
      for (const e of queue) done.add(`${e.entry.tu}\u0000${e.entry.name}`)
      this.reviewCallers(queue, isRequired)
      queue = [...this.entries.values()].filter(
        e =>
          e.entry.tier === 'review' &&
          SIGNATURE_CLONE.test(e.entry.name) &&
          !done.has(`${e.entry.tu}\u0000${e.entry.name}`)
      )
    }
  }

  private reviewCallers(
    from: ReadonlyArray<{ entry: AffectedFunction; graph?: TuGraph }>,
    isRequired: ReadonlySet<string>
  ): void {
    for (const { entry, graph: linkGraph } of from) {
      if (!SIGNATURE_CLONE.test(entry.name)) continue
      // Without a source to search, the graph would be parsed again (the set's cache is bounded:
      // a header inline's thousands of TUs thrash it) only to build a search nobody runs.
      const graph = this.options.callersOf ? (linkGraph ?? this.set.graph(entry.tu)) : undefined
      const base = baseName(entry.name)
      const own = graph?.ids(entry.name)[0]
      const file = own === undefined ? undefined : graph?.file(own)
      const also = file === undefined || file === entry.tu ? [] : [file]
      // The search follows the TU's includes; the headers its dump names are searched whatever
      // the include resolution finds, and tell which arch/*/include folders apply.
      if (graph) append(also, headersOf(graph))
      const callers = this.options.callersOf?.(entry.tu, base, [...new Set(also)])
      if (callers === undefined || callers.unsearched.length > 0) {
        const why =
          callers === undefined
            ? 'the source is not available to list them.'
            : `${listed(callers.unsearched)} could not be searched (not in the source tree, or not readable there; ${UNFOUND_HINT}): the ` +
              'callers listed may be incomplete.'
        this.finding({
          kind: 'review-callers-unknown',
          severity: 'warning',
          file: entry.tu,
          functions: [entry.name],
          message:
            `${entry.name} changes the signature of ${base}; its callers in ${entry.tu} should be ` +
            `reviewed, but ${why}`
        })
      }
      if (callers === undefined) continue
      for (const caller of callers.callers) {
        if (isRequired.has(`${entry.tu}\u0000${caller}`)) continue
        const chain = entry.chain.concat({ kind: 'caller-of', name: caller })
        const ids = graph?.ids(caller)
        if (!graph || !ids || ids.length === 0) {
          this.add(graph, entry.tu, caller, 'review', chain, entry.origin)
          continue
        }
        // A caller that was itself inlined away is reviewed in the functions that contain it.
        this.review(graph, entry.tu, ids, chain, entry.origin, isRequired)
      }
    }
  }
}

const headerLists = new WeakMap<TuGraph, string[]>()

function headersOf(graph: TuGraph): string[] {
  let headers = headerLists.get(graph)
  if (!headers) {
    headers = graph
      .nodeFiles()
      .filter(f => f.endsWith('.h'))
      .sort()
    headerLists.set(graph, headers)
  }
  return headers
}

function listed(files: string[]): string {
  const shown = files.slice(0, 5).join(', ')
  return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown
}

function compareAffected(a: AffectedFunction, b: AffectedFunction): number {
  return (
    cmp(a.set, b.set) ||
    cmp(a.object ?? '', b.object ?? '') ||
    cmp(a.name, b.name) ||
    cmp(a.tu, b.tu) ||
    cmp(a.tier, b.tier)
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
