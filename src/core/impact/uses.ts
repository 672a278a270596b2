import { escapeRegExp } from '../text/escape-regexp.js'
import type { Parser } from 'web-tree-sitter'
import { analyseSource, type Analysis, type LocatedFunction } from '../source/locate.js'
import { accessorsIn } from './accessors.js'
import { holding, pointersTo } from './embedding.js'
import { shapeOf } from './type-shape.js'
import { MacroReach, type Paste, pastesIn } from './macro-reach.js'
import { macroFacts, propagate, type MacroFacts } from './member-params.js'
import { append } from '../arrays.js'
import { macroDefinitions } from './subjects.js'
import { blankDirectives, directiveRanges, isAttributeMacro } from '../source/mask.js'

/** `->name` or `.name` of one of `names`: an access of one of those members. */
export function memberAccess(names: readonly string[]): RegExp {
  return new RegExp(`(?:->|\\.)\\s*(?:${names.map(escapeRegExp).join('|')})\\b`)
}

/** A struct/union that holds another type by value: its members from there on move with it. */
export interface Embedder {
  name: string
  spellings: string[]
  /** Names of the members that move when the embedded type grows. */
  moved: string[]
  /** The member holding the type. */
  holder: string
}

/** Where one file spells one identifier. */
export interface FileUses {
  /** Functions whose code spells it (body, signature, or an `#if` on it around or inside them). */
  functions: LocatedFunction[]
  /** Lines outside any function (initialisers, types, declarations) that spell it. */
  data: number[]
}

// GCC takes `\` before CRLF as a continuation too.
export const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm
const IDENT = /[A-Za-z_]\w*/g
/** A macro body that may access a member: `->m`, `.m`, or `m` as a last argument (`container_of`). */
const ACCESSING = /->|\.\s*[A-Za-z_]|,\s*[A-Za-z_]\w*\s*\)/
const CONDITIONAL = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|elifdef|elifndef|else|endif)\b/
/**
 * Parses kept, in characters of their sources: a wide header's TUs share most files, asked about
 * again TU after TU; a parse costs far more than keeping it (kernel units are 20-30 MB of text).
 */
const ANALYSES_KEPT = 32_000_000

/**
 * Lexical questions about the files of the tree, cached for a whole run: which macros of a file
 * name an identifier, and which functions (or data) of a file spell it. Files come through `textOf`
 * (pre-images of the fix's own files).
 */
export class UseIndex {
  private readonly macroRefs = new Map<string, Map<string, string[]>>()
  /**
   * Per file with any: identifier -> the file's macros defined under an `#if` naming it (and not
   * naming it in their body), made in the same pass as macroRefs.
   */
  private readonly testedRefs = new Map<string, Map<string, string[]>>()
  /** Per file with any: its macros' `##` pastes (made in the same pass as macroRefs). */
  private readonly pastes = new Map<string, Paste[]>()
  /** Per file: the names asked about so far, and whether it spells each (never its whole vocabulary). */
  private readonly spelled = new Map<string, Spelled>()
  /** Whether one batch of names lies inside another (see opens). */
  private readonly subsets = new WeakMap<
    ReadonlySet<string>,
    WeakMap<ReadonlySet<string>, boolean>
  >()
  private readonly answers = new Map<string, Map<string, FileUses>>()
  private readonly summaries = new Map<
    string,
    { defines: Map<string, number>; lastInclude: number }
  >()
  /** usesWith: per file, name and pattern source. */
  private readonly filtered = new Map<string, Map<string, Map<string, LocatedFunction[]>>>()
  private readonly analyses = new Map<string, Analysis>()
  private analysed = 0
  // Per name, then per file: a wide header's units ask the same files again and again.
  private readonly embedders = new Map<string, Map<string, Embedder[]>>()
  private readonly accessorNames = new Map<string, Map<string, string[]>>()
  private readonly pointers = new Map<string, Map<string, string[]>>()
  private readonly reach = new MacroReach(
    path => this.macrosNaming(path),
    path => this.pastesOf(path)
  )
  private readonly testedReach = new MacroReach(
    path => {
      const body = this.macrosNaming(path)
      const tested = this.testedRefs.get(path)
      if (!tested) return body
      // Made for the merge into the reach's own index, then dropped.
      const both = new Map(body)
      for (const [id, macros] of tested) both.set(id, [...(both.get(id) ?? []), ...macros])
      return both
    },
    path => this.pastesOf(path)
  )

  constructor(
    private readonly parser: Parser,
    private readonly textOf: (path: string) => string | undefined | false
  ) {}

  /**
   * The identifiers whose use means using `roots` in a unit of `files`: the roots, and every macro
   * of those files whose body names one of them, through other macros too.
   */
  expand(files: readonly string[], roots: readonly string[]): string[] {
    return this.reach.expand(files, roots)
  }

  /**
   * `expand` for a changed macro: also every macro defined under an `#if` on a needle
   * (`#if SHIFT > 8` / `#define ALIGN 0x1000`): which definition is in force depends on it. Only
   * for macros: an `#if` reads a type, member or enumerator name as 0, whatever it is.
   */
  expandMacro(files: readonly string[], roots: readonly string[]): string[] {
    return this.testedReach.expand(files, roots)
  }

  /**
   * Answers `spells` for many files and names with one read of each file: a header's reach is
   * thousands of files, whose identifier sets would not fit in memory together. A file keeps the
   * names it spells and the batches of names it was asked about: recording a "no" for each of
   * thousands of names in each of thousands of files cost more than reading them.
   */
  prime(paths: Iterable<string>, names: ReadonlySet<string>): void {
    const batch = new Set(names)
    for (const path of paths) {
      let known = this.spelled.get(path)
      if (!known)
        this.spelled.set(path, (known = { hits: new Set(), asked: [], single: new Map() }))
      if (!this.opens(known, batch)) continue
      const text = this.textOf(path)
      if (batch.size <= SINGLES) {
        for (const n of batch) {
          const hit = typeof text === 'string' && spellsIn(text, n)
          known.single.set(n, hit)
          if (hit) known.hits.add(n)
        }
        continue
      }
      const ids = new Set(typeof text === 'string' ? text.match(IDENT) : [])
      for (const id of ids) if (batch.has(id)) known.hits.add(id)
      known.asked.push(batch)
    }
  }

  /** Whether `batch` names something `known` was not asked about. */
  private opens(known: Spelled, batch: ReadonlySet<string>): boolean {
    // A batch inside one asked whole: decided once per pair of batches, not per file and name (a
    // wide header's thousands of needles, asked of each of its thousands of files: 11 of 140 s).
    for (const a of known.asked) if (this.inside(batch, a)) return false
    for (const n of batch) if (!isKnown(known, n)) return true
    return false
  }

  private inside(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
    if (x === y) return true
    let byY = this.subsets.get(x)
    if (!byY) this.subsets.set(x, (byY = new WeakMap()))
    let v = byY.get(y)
    if (v === undefined) {
      v = x.size <= y.size && [...x].every(n => y.has(n))
      byY.set(y, v)
    }
    return v
  }

  /** The text of `path` as the search reads it (undefined or false: none). */
  read(path: string): string | undefined | false {
    return this.textOf(path)
  }

  /** Whether `path` spells `name` anywhere (comments included: this only narrows a search). */
  spells(path: string, name: string): boolean {
    const known = this.spelled.get(path)
    if (known && isKnown(known, name)) return known.hits.has(name)
    this.prime([path], new Set([name]))
    return this.spelled.get(path)?.hits.has(name) ?? false
  }

  /**
   * The names of `names` that `path` spells, in no particular order: after `prime` with them, from
   * the file's hits alone (most files of a wide header's reach spell none of its names).
   */
  spelledAmong(path: string, names: ReadonlySet<string>): string[] {
    const known = this.spelled.get(path)
    if (!known || this.opens(known, names)) this.prime([path], names)
    const out: string[] = []
    for (const n of this.spelled.get(path)?.hits ?? []) if (names.has(n)) out.push(n)
    return out
  }

  /** Whether `path` has a `#define name` (anywhere, under any `#if`). */
  defines(path: string, name: string): boolean {
    return this.firstDefine(path, name) !== undefined
  }

  /**
   * The first line of `path`'s `#define name` when no `#include` follows it in `path`: a TU's
   * `.c` whose own macro (`#define done ...` in i915's intel_guc.c) can then be expanded in no
   * header the TU reads, only in the `.c` below that line. Undefined otherwise.
   */
  definedBelowIncludes(path: string, name: string): number | undefined {
    const found = this.firstDefine(path, name)
    return found === undefined || found.lastInclude > found.line ? undefined : found.line
  }

  /**
   * The first `#define name` of `path`, as the parser or the preprocessor's reading
   * (directiveSummary) finds it, with the line of the file's last `#include`.
   */
  private firstDefine(
    path: string,
    name: string
  ): { line: number; lastInclude: number } | undefined {
    if (!this.spells(path, name)) return undefined
    const text = this.textOf(path)
    if (typeof text !== 'string') return undefined
    const a = this.analysisOf(path, text)
    const parsed = a.map.macros.find(m => m.name === name)?.startLine
    const { defines, lastInclude } = this.directiveSummary(path, a.masked)
    const raw = defines.get(name)
    if (parsed === undefined && raw === undefined) return undefined
    return { line: Math.min(parsed ?? Infinity, raw ?? Infinity), lastInclude }
  }

  /**
   * Per file, read as the preprocessor reads it (continued lines joined, `%:` for `#`): each
   * name's first `#define` line and the line of the last `#include`. A `#\` + `include` split
   * over two lines still reads a header (a hostile review's case). Once per file: a wide
   * header's units ask it for every needle their `.c` spells.
   */
  private directiveSummary(
    path: string,
    masked: string
  ): { defines: Map<string, number>; lastInclude: number } {
    let known = this.summaries.get(path)
    if (!known) {
      const defines = new Map<string, number>()
      let lastInclude = 0
      for (const d of logicalDirectives(masked)) {
        const m = /^define ([A-Za-z_]\w*)/.exec(d.text)
        if (m && !defines.has(m[1])) defines.set(m[1], d.line)
        if (/^(?:include|import)/.test(d.text)) lastInclude = d.line
      }
      this.summaries.set(path, (known = { defines, lastInclude }))
    }
    return known
  }

  /** The one `#define name` of `path` (its line, its text as macroDefinitions gives it), if one. */
  ownDefinition(path: string, name: string): { line: number; text: string } | undefined {
    if (!this.spells(path, name)) return undefined
    const text = this.textOf(path)
    if (typeof text !== 'string') return undefined
    const a = this.analysisOf(path, text)
    const defs = a.map.macros.filter(m => m.name === name)
    if (defs.length !== 1) return undefined
    // One under `#ifdef` may not be in effect (a hostile review's case): only an unconditional one.
    let depth = 0
    for (const line of a.masked.split('\n').slice(0, defs[0].startLine - 1)) {
      const d = /^\s*#\s*(if|ifdef|ifndef|endif)\b/.exec(line)
      if (d) depth += d[1] === 'endif' ? -1 : 1
    }
    if (depth !== 0) return undefined
    // Nor one the file takes back: below an `#undef` the header's definition is the one in force.
    if (new RegExp(`^\\s*#\\s*undef\\s+${name}\\b`, 'm').test(a.masked)) return undefined
    return { line: defs[0].startLine, text: macroDefinitions(a, name) }
  }

  /** Functions and data lines of `path` that spell `name`. */
  uses(path: string, name: string): FileUses {
    let known = this.answers.get(path)
    if (!known) this.answers.set(path, (known = new Map<string, FileUses>()))
    let found = known.get(name)
    if (!found) {
      found = { functions: [], data: [] }
      const text = this.textOf(path)
      if (typeof text === 'string' && this.spells(path, name))
        found = usesIn(this.analysisOf(path, text), name)
      known.set(name, found)
    }
    return found
  }

  /**
   * Functions of `path` that spell `name` and whose code (signature and body, comments and
   * directives blanked) also matches `also`: `->b` on a function that names `struct obj`.
   */
  usesWith(path: string, name: string, also: RegExp): LocatedFunction[] {
    const found = this.uses(path, name).functions
    if (found.length === 0) return found
    // A regex's source (thousands of characters for a chain over many moved members) is a key
    // of its own: joining it to the name on every call cost more than the answer.
    let byName = this.filtered.get(path)
    if (!byName)
      this.filtered.set(path, (byName = new Map<string, Map<string, LocatedFunction[]>>()))
    let bySource = byName.get(name)
    if (!bySource) byName.set(name, (bySource = new Map<string, LocatedFunction[]>()))
    const known = bySource.get(also.source)
    if (known) return known
    const text = this.textOf(path)
    if (typeof text !== 'string') return []
    const analysis = this.analysisOf(path, text)
    const lines = analysis.code.split('\n')
    const functions = found.filter(f =>
      also.test(lines.slice(f.startLine - 1, f.endLine).join('\n'))
    )
    bySource.set(also.source, functions)
    return functions
  }

  /** Functions of `files` returning a pointer to one of `spellings` (see accessorsIn). */
  accessors(files: readonly string[], spellings: readonly string[]): string[] {
    const out = new Set<string>()
    for (const path of files) {
      for (const spelling of spellings) {
        const byFile = perName(this.accessorNames, spelling)
        let found = byFile.get(path)
        if (!found) {
          const text = this.textOf(path)
          found =
            typeof text === 'string' && this.spells(path, spelling)
              ? accessorsIn(this.analysisOf(path, text), spelling)
              : []
          byFile.set(path, found)
        }
        for (const name of found) out.add(name)
      }
    }
    return [...out]
  }

  /** Members of the structs/unions of `path` that point to a `spelling` (see pointersTo). */
  pointerMembers(path: string, spelling: string): string[] {
    const byFile = perName(this.pointers, spelling)
    let found = byFile.get(path)
    if (!found) {
      found = []
      const text = this.textOf(path)
      if (typeof text === 'string' && this.spells(path, spelling)) {
        const analysis = this.analysisOf(path, text)
        const lines = analysis.masked.split('\n')
        const names = new Set<string>()
        for (const d of analysis.map.declarations) {
          if (d.kind !== 'type' || !d.name) continue
          const shape = shapeOf(lines.slice(d.startLine - 1, d.endLine).join('\n'))
          for (const n of pointersTo(shape, spelling)) names.add(n)
        }
        found = [...names]
      }
      byFile.set(path, found)
    }
    return found
  }

  /** Structs/unions of `path` with a member of type `spelling` by value (not a pointer). */
  typesEmbedding(path: string, spelling: string): Embedder[] {
    const byFile = perName(this.embedders, spelling)
    let found = byFile.get(path)
    if (!found) byFile.set(path, (found = this.findEmbedders(path, spelling)))
    return found
  }

  private findEmbedders(path: string, spelling: string): Embedder[] {
    const text = this.textOf(path)
    if (typeof text !== 'string' || !this.spells(path, spelling)) return []
    const analysis = this.analysisOf(path, text)
    const lines = analysis.masked.split('\n')
    const out: Embedder[] = []
    for (const d of analysis.map.declarations) {
      if (d.kind !== 'type' || !d.name || d.name === spelling) continue
      const shape = shapeOf(lines.slice(d.startLine - 1, d.endLine).join('\n'))
      const held = holding(shape, spelling)
      if (!held) continue
      const tag = shape.kind === 'struct' || shape.kind === 'union' ? shape.tag : undefined
      out.push({
        name: d.name,
        spellings: [...new Set([d.name, ...(tag ? [tag] : [])])],
        moved: held.moved,
        holder: held.holder
      })
    }
    return out
  }

  /**
   * Macros of `files` that stand for an access of one of `members` (`#define sk_state
   * __sk_common.skc_state`): `sk->sk_state` touches `skc_state` with no `.skc_state` written.
   */
  memberMacros(files: readonly string[], members: readonly string[]): string[] {
    const access = memberAccess(members)
    const out = new Set<string>()
    for (const file of files) for (const name of this.accessMacros(file, access)) out.add(name)
    return [...out].sort()
  }

  /** Macros of `file` whose body matches `access` (a member access pattern), cached per pattern. */
  accessMacros(file: string, access: RegExp): string[] {
    this.macrosNaming(file)
    const defines = this.accessDefines.get(file) ?? []
    if (defines.length === 0) return []
    let byPattern = this.accessing.get(file)
    if (!byPattern) this.accessing.set(file, (byPattern = new Map<string, string[]>()))
    let found = byPattern.get(access.source)
    if (!found) {
      found = defines.filter(d => access.test(d.body)).map(d => d.name)
      byPattern.set(access.source, found)
    }
    return found
  }

  /**
   * Of `candidates` (macros of `files`, callees first, as `expand` orders them from `offsetof`),
   * those whose last parameter is a member designator: passed last to offsetof or to another
   * such macro (`container_of(ptr, type, member)`, `list_for_each_entry(pos, head, member)`);
   * `rht_ptr(bkt, tbl, hash)` reaches offsetof too, but `hash` is a value there.
   */
  designatorMacros(files: readonly string[], candidates: readonly string[]): string[] {
    const wanted = new Set(candidates)
    const bodies = new Map<string, AccessDefine & { last: string }>()
    for (const file of files) {
      this.macrosNaming(file)
      for (const d of this.accessDefines.get(file) ?? [])
        if (d.last !== undefined && wanted.has(d.name) && !bodies.has(d.name))
          bodies.set(d.name, { ...d, last: d.last })
    }
    const out = ['offsetof']
    for (const name of candidates) {
      const d = bodies.get(name)
      if (!d || out.includes(name)) continue
      const passed = new RegExp(
        `\\b(?:${out.map(escapeRegExp).join('|')})\\s*\\([^;{}]*,\\s*${escapeRegExp(d.last)}\\s*\\)`
      )
      if (passed.test(d.body)) out.push(name)
    }
    return out
  }

  /**
   * Per argument position, the macros of `files` that take a member name there (see
   * memberParams): `ata_port_simple_attr(local_port_no, ...)` reads `ap->local_port_no`.
   */
  memberParamMacros(files: readonly string[]): Map<number, string[]> {
    const facts: MacroFacts[] = []
    for (const file of files) {
      let known = this.paramFacts.get(file)
      if (!known) {
        this.macrosNaming(file)
        known = []
        for (const d of this.accessDefines.get(file) ?? []) {
          if (!d.params) continue
          const f = macroFacts({ name: d.name, params: d.params, body: d.body })
          // Only what can take a member, or pass one on, is kept (every file of a header's reach).
          if (f.direct.length > 0 || f.calls.length > 0) known.push(f)
        }
        this.paramFacts.set(file, known)
      }
      append(facts, known)
    }
    const byIndex = new Map<number, string[]>()
    for (const [name, positions] of propagate(facts))
      for (const i of positions) {
        const list = byIndex.get(i)
        if (list) list.push(name)
        else byIndex.set(i, [name])
      }
    return byIndex
  }

  /** memberParamMacros' per-file part: each of a file's macros as it reads by itself. */
  private readonly paramFacts = new Map<string, MacroFacts[]>()

  /** accessMacros' answers: per file, per pattern source. */
  private readonly accessing = new Map<string, Map<string, string[]>>()

  /** Per file: its macros whose body may access a member (ACCESSING), found by macrosNaming's pass. */
  private readonly accessDefines = new Map<string, AccessDefine[]>()

  /** The `##` pastes of the file's macros (see MacroReach), found by macrosNaming's pass. */
  private pastesOf(path: string): Paste[] {
    this.macrosNaming(path)
    return this.pastes.get(path) ?? []
  }

  /** Per file: identifier -> the file's macros whose body names it. */
  private macrosNaming(path: string): Map<string, string[]> {
    let index = this.macroRefs.get(path)
    if (!index) {
      index = new Map()
      const text = this.textOf(path)
      if (typeof text === 'string') {
        const pastes: Paste[] = []
        const accessing: AccessDefine[] = []
        const conditions = conditionsAt(text)
        const tested = new Map<string, string[]>()
        const add = (to: Map<string, string[]>, id: string, macro: string): void => {
          const list = to.get(id)
          if (list) list.push(macro)
          else to.set(id, [macro])
        }
        for (const m of text.matchAll(DEFINE)) {
          for (const p of pastesIn(m[2])) pastes.push(p)
          const named = macroReferences(m[2])
          for (const id of named) add(index, id, m[1])
          // `#if X > 8` / `#define ALIGN 0x1000` / `#else` / `#define ALIGN 0x40`: which ALIGN is
          // in force depends on X as much as a body naming X would (a hostile review's case).
          for (const id of new Set(conditions(m.index))) if (!named.has(id)) add(tested, id, m[1])
          const d = accessDefine(m[1], m[2])
          if (d) accessing.push(d)
        }
        if (tested.size > 0) this.testedRefs.set(path, tested)
        if (pastes.length > 0) this.pastes.set(path, pastes)
        if (accessing.length > 0) this.accessDefines.set(path, accessing)
      }
      this.macroRefs.set(path, index)
    }
    return index
  }

  private analysisOf(path: string, text: string): Analysis {
    let analysis = this.analyses.get(path)
    if (analysis) {
      // Least recently used goes first: the headers every TU includes stay.
      this.analyses.delete(path)
      this.analyses.set(path, analysis)
      return analysis
    }
    analysis = analyseSource(this.parser, text)
    this.analyses.set(path, analysis)
    this.analysed += analysis.code.length
    for (const [old, kept] of this.analyses) {
      if (this.analysed <= ANALYSES_KEPT || old === path) break
      this.analyses.delete(old)
      this.analysed -= kept.code.length
    }
    return analysis
  }
}

/** A macro whose body may access a member (ACCESSING), copied out of its file's text. */
interface AccessDefine {
  name: string
  body: string
  /**
   * Its last parameter, when the body passes it on as some call's last argument (`#define
   * list_entry(ptr, type, member) container_of(ptr, type, member)`): only such a macro can take a
   * member designator (see UseIndex.designatorMacros).
   */
  last?: string
  /** Its parameters, for a function-like macro (see UseIndex.memberParamMacros). */
  params?: string[]
}

/** `rest` (what follows the macro's name) as an AccessDefine, or undefined when its body cannot access. */
function accessDefine(name: string, rest: string): AccessDefine | undefined {
  const params = /^\(([^)]*)\)/.exec(rest)
  const code = params ? rest.slice(params[0].length) : rest
  if (!ACCESSING.test(code)) return undefined
  // Copies: a slice would keep the whole file's text alive (every file of a header's reach).
  const body = detached(code)
  const names = params?.[1].split(',').map(p => p.replace(/\\\r?\n/g, ' ').trim())
  const last = names?.[names.length - 1] ?? ''
  const define: AccessDefine = { name, body }
  if (names) define.params = names
  if (/^[A-Za-z_]\w*$/.test(last) && new RegExp(`,\\s*${last}\\s*\\)`).test(body))
    define.last = last
  return define
}

function detached(s: string): string {
  return [...s].join('')
}

/** What one file was asked about (UseIndex.prime). */
interface Spelled {
  /** Names asked about that the file spells. */
  hits: Set<string>
  /** Large batches asked about whole. */
  asked: Array<ReadonlySet<string>>
  /** Names asked about a few at a time (a batch each would make every lookup walk them all). */
  single: Map<string, boolean>
}

/** Batches up to this size are recorded name by name. */
const SINGLES = 16

function isKnown(known: Spelled, name: string): boolean {
  return known.hits.has(name) || known.single.has(name) || known.asked.some(a => a.has(name))
}

const IDENT_NAME = /^[A-Za-z_]\w*$/

function isWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95
}

/**
 * Whether `text.match(IDENT)` holds `name`, without listing the text's identifiers: a header's
 * reach asks thousands of files about one name at a time, and cutting each file into its tens of
 * thousands of identifiers to answer cost seconds. IDENT's tokens are the \w runs from their first
 * letter or `_` on (a leading digit cannot start one: `12abc` holds `abc`).
 */
export function spellsIn(text: string, name: string): boolean {
  if (!IDENT_NAME.test(name)) return false
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (isWord(text.charCodeAt(at + name.length))) continue
    let before = at - 1
    while (before >= 0 && text.charCodeAt(before) >= 48 && text.charCodeAt(before) <= 57) before--
    if (before < 0 || !isWord(text.charCodeAt(before))) return true
  }
  return false
}

function perName<T>(cache: Map<string, Map<string, T>>, name: string): Map<string, T> {
  let byFile = cache.get(name)
  if (!byFile) cache.set(name, (byFile = new Map<string, T>()))
  return byFile
}

/**
 * Identifiers a macro body names. A member access (`->max`) counts too: cpp expands an
 * object-like macro wherever its name is spelled, and over-listing only widens the search.
 */
function macroReferences(body: string): Set<string> {
  return new Set(body.match(IDENT))
}

const CONDITION = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b([^\n]*(?:\\\r?\n[^\n]*)*)/gm

/**
 * For an offset of `text`, the identifiers of the conditions of every `#if` chain around it (all
 * of a chain's conditions so far: an `#else` branch is taken because of them). Comments in a
 * condition are dropped; `defined` and the include guard come along, which only widens.
 */
function conditionsAt(text: string): (offset: number) => readonly string[] {
  const marks: Array<{ at: number; ids: readonly string[] }> = []
  const stack: string[][] = []
  const current = (): string[] => stack.flat()
  for (const m of text.matchAll(CONDITION)) {
    const kind = m[1]
    const ids = m[2].replace(/\/\*.*?\*\/|\/\/.*$/gs, ' ').match(IDENT) ?? []
    if (kind === 'if' || kind === 'ifdef' || kind === 'ifndef') stack.push([...ids])
    else if (kind === 'elif') append(stack[stack.length - 1] ?? [], ids)
    else if (kind === 'endif') stack.pop()
    marks.push({ at: m.index, ids: current() })
  }
  if (marks.length === 0) return () => []
  return offset => {
    // The last directive before the offset says which chains are open there.
    let lo = 0
    let hi = marks.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (marks[mid].at < offset) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found < 0 ? [] : marks[found].ids
  }
}

const annotated = new WeakMap<Analysis, string>()

/** The code outside directives with the annotations the parse's view blanks left in. */
function withAnnotations(analysis: Analysis): string {
  let code = annotated.get(analysis)
  if (code === undefined) {
    code = blankDirectives(analysis.masked, directiveRanges(analysis.masked))
    annotated.set(analysis, code)
  }
  return code
}

function usesIn(analysis: Analysis, name: string): FileUses {
  const fns = new Set<LocatedFunction>()
  const data = new Set<number>()
  const at = (line: number): LocatedFunction[] =>
    analysis.functions.filter(f => line >= f.startLine && line <= f.endLine)
  const re = new RegExp(`\\b${name}\\b`, 'g')
  // Code outside directives: a use inside a function is the function's, any other is data. The
  // parse's view blanks kernel annotations (`__read_mostly`, `__cacheline_aligned_in_smp`); a
  // change of one of them is looked for where it is written.
  const code = isAttributeMacro(name) ? withAnnotations(analysis) : analysis.code
  for (const m of code.matchAll(re)) {
    const line = analysis.lines.lineOf(m.index)
    const owners = at(line)
    if (owners.length > 0) for (const f of owners) fns.add(f)
    else data.add(line)
  }
  // `#if`/`#ifdef`/`defined()` on it: every function its branches hold or cut is compiled anew.
  for (const [from, to] of conditionalGroups(analysis, name)) {
    for (const f of analysis.functions) if (f.startLine <= to && f.endLine >= from) fns.add(f)
  }
  return {
    functions: [...fns].sort((a, b) => a.startLine - b.startLine),
    data: [...data].sort((a, b) => a - b)
  }
}

/** Line ranges (1-based, inclusive) of the `#if` groups any of whose conditions names `name`. */
function conditionalGroups(analysis: Analysis, name: string): Array<[number, number]> {
  const word = new RegExp(`\\b${name}\\b`)
  return groupsOf(analysis)
    .filter(g => word.test(g.conditions))
    .map(g => [g.start, g.end])
}

interface Group {
  start: number
  end: number
  /** The `#if` and `#elif` lines of the group, joined. */
  conditions: string
}

// Per parse: a unit's search asks each file about hundreds of names, and cutting the file into
// lines for each cost more than the rest of usesIn (sched.h: 9 of 140 s).
const groupCache = new WeakMap<Analysis, Group[]>()

function groupsOf(analysis: Analysis): Group[] {
  const hit = groupCache.get(analysis)
  if (hit) return hit
  const lines = analysis.masked.split('\n')
  const stack: Array<{ start: number; conditions: string[] }> = []
  const groups: Group[] = []
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]
    const start = i
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]
    const m = CONDITIONAL.exec(line)
    if (!m) continue
    const kind = m[1]
    if (kind.startsWith('if')) stack.push({ start: start + 1, conditions: [line] })
    else if (kind === 'endif') {
      const g = stack.pop()
      if (g) groups.push({ start: g.start, end: i + 1, conditions: g.conditions.join('\n') })
    } else if (kind !== 'else' && stack.length > 0) {
      stack[stack.length - 1].conditions.push(line)
    }
  }
  groupCache.set(analysis, groups)
  return groups
}

/**
 * The directives of a text (comments blanked) as the preprocessor reads them: a line ending in
 * `\` continues on the next, `%:` is `#`; each with the line it starts on and its text after
 * the `#`, its words joined by single spaces.
 */
export function logicalDirectives(masked: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = []
  const lines = masked.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let joined = lines[i]
    // GCC joins a backslash and the newline even with blanks between them (with a warning).
    while (/\\\s*$/.test(joined) && i + 1 < lines.length)
      joined = joined.replace(/\\\s*$/, '') + lines[++i]
    const m = /^\s*(?:#|%:)\s*(.*)$/.exec(joined)
    if (m) out.push({ line: start + 1, text: m[1].replace(/\s+/g, ' ').trim() })
  }
  return out
}
