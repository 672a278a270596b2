import type { Parser } from 'web-tree-sitter'
import { analyseSource, type Analysis, type LocatedFunction } from '../source/locate.js'
import { accessorsIn } from './accessors.js'
import { holding, pointersTo } from './embedding.js'
import { shapeOf } from './type-shape.js'

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
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm
const IDENT = /[A-Za-z_]\w*/g
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
  /** Per file: the names asked about so far, and whether it spells each (never its whole vocabulary). */
  private readonly spelled = new Map<string, Map<string, boolean>>()
  private readonly answers = new Map<string, Map<string, FileUses>>()
  private readonly analyses = new Map<string, Analysis>()
  private analysed = 0
  private readonly embedders = new Map<string, Embedder[]>()
  private readonly accessorNames = new Map<string, string[]>()
  private readonly pointers = new Map<string, string[]>()

  constructor(
    private readonly parser: Parser,
    private readonly textOf: (path: string) => string | undefined | false
  ) {}

  /**
   * The identifiers whose use means using `roots` in a unit of `files`: the roots, and every macro
   * of those files whose body names one of them, through other macros too.
   */
  expand(files: readonly string[], roots: readonly string[]): string[] {
    const needles = [...roots]
    const known = new Set(needles)
    const indexes = files.map(f => this.macrosNaming(f))
    for (let i = 0; i < needles.length; i++) {
      for (const index of indexes) {
        for (const m of index.get(needles[i]) ?? []) {
          if (!known.has(m)) needles.push(m)
          known.add(m)
        }
      }
    }
    return needles
  }

  /**
   * Answers `spells` for many files and names with one read of each file: a header's reach is
   * thousands of files, whose identifier sets would not fit in memory together.
   */
  prime(paths: Iterable<string>, names: ReadonlySet<string>): void {
    for (const path of paths) {
      let known = this.spelled.get(path)
      if (!known) this.spelled.set(path, (known = new Map<string, boolean>()))
      const open = [...names].filter(n => !known.has(n))
      if (open.length === 0) continue
      const text = this.textOf(path)
      const ids = new Set(typeof text === 'string' ? text.match(IDENT) : [])
      for (const n of open) known.set(n, ids.has(n))
    }
  }

  /** Whether `path` spells `name` anywhere (comments included: this only narrows a search). */
  spells(path: string, name: string): boolean {
    const hit = this.spelled.get(path)?.get(name)
    if (hit !== undefined) return hit
    this.prime([path], new Set([name]))
    return this.spelled.get(path)?.get(name) ?? false
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
    const key = `${name}\u0000${also.source}`
    const known = this.answers.get(path)?.get(key)
    if (known) return known.functions
    const text = this.textOf(path)
    if (typeof text !== 'string') return []
    const analysis = this.analysisOf(path, text)
    const lines = analysis.code.split('\n')
    const functions = found.filter(f =>
      also.test(lines.slice(f.startLine - 1, f.endLine).join('\n'))
    )
    this.answers.get(path)?.set(key, { functions, data: [] })
    return functions
  }

  /** Functions of `files` returning a pointer to one of `spellings` (see accessorsIn). */
  accessors(files: readonly string[], spellings: readonly string[]): string[] {
    const out = new Set<string>()
    for (const path of files) {
      for (const spelling of spellings) {
        const key = `${path}\u0000${spelling}`
        let found = this.accessorNames.get(key)
        if (!found) {
          const text = this.textOf(path)
          found =
            typeof text === 'string' && this.spells(path, spelling)
              ? accessorsIn(this.analysisOf(path, text), spelling)
              : []
          this.accessorNames.set(key, found)
        }
        for (const name of found) out.add(name)
      }
    }
    return [...out]
  }

  /** Members of the structs/unions of `path` that point to a `spelling` (see pointersTo). */
  pointerMembers(path: string, spelling: string): string[] {
    const key = `${path}\u0000${spelling}`
    let found = this.pointers.get(key)
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
      this.pointers.set(key, found)
    }
    return found
  }

  /** Structs/unions of `path` with a member of type `spelling` by value (not a pointer). */
  typesEmbedding(path: string, spelling: string): Embedder[] {
    const key = `${path}\u0000${spelling}`
    let found = this.embedders.get(key)
    if (!found) this.embedders.set(key, (found = this.findEmbedders(path, spelling)))
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

  /** Per file: identifier -> the file's macros whose body names it. */
  private macrosNaming(path: string): Map<string, string[]> {
    let index = this.macroRefs.get(path)
    if (!index) {
      index = new Map()
      const text = this.textOf(path)
      if (typeof text === 'string') {
        for (const m of text.matchAll(DEFINE)) {
          for (const id of macroReferences(m[2])) {
            const list = index.get(id)
            if (list) list.push(m[1])
            else index.set(id, [m[1]])
          }
        }
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

/**
 * Identifiers a macro body names. A member access (`->max`) counts too: cpp expands an
 * object-like macro wherever its name is spelled, and over-listing only widens the search.
 */
function macroReferences(body: string): Set<string> {
  return new Set(body.match(IDENT))
}

function usesIn(analysis: Analysis, name: string): FileUses {
  const fns = new Set<LocatedFunction>()
  const data = new Set<number>()
  const at = (line: number): LocatedFunction[] =>
    analysis.functions.filter(f => line >= f.startLine && line <= f.endLine)
  const re = new RegExp(`\\b${name}\\b`, 'g')
  // Code outside directives: a use inside a function is the function's, any other is data.
  for (const m of analysis.code.matchAll(re)) {
    const line = analysis.lines.lineOf(m.index)
    const owners = at(line)
    if (owners.length > 0) for (const f of owners) fns.add(f)
    else data.add(line)
  }
  // `#if`/`#ifdef`/`defined()` on it: every function its branches hold or cut is compiled anew.
  for (const [from, to] of conditionalGroups(analysis.masked, name)) {
    for (const f of analysis.functions) if (f.startLine <= to && f.endLine >= from) fns.add(f)
  }
  return {
    functions: [...fns].sort((a, b) => a.startLine - b.startLine),
    data: [...data].sort((a, b) => a - b)
  }
}

/** Line ranges (1-based, inclusive) of the `#if` groups any of whose conditions names `name`. */
function conditionalGroups(masked: string, name: string): Array<[number, number]> {
  const lines = masked.split('\n')
  const word = new RegExp(`\\b${name}\\b`)
  const stack: Array<{ start: number; hit: boolean }> = []
  const groups: Array<[number, number]> = []
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]
    const start = i
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]
    const m = CONDITIONAL.exec(line)
    if (!m) continue
    const kind = m[1]
    if (kind.startsWith('if')) stack.push({ start: start + 1, hit: word.test(line) })
    else if (kind === 'endif') {
      const g = stack.pop()
      if (g?.hit) groups.push([g.start, i + 1])
    } else if (kind !== 'else' && stack.length > 0 && word.test(line)) {
      stack[stack.length - 1].hit = true
    }
  }
  return groups
}
