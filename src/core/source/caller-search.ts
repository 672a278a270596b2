import type { Parser } from 'web-tree-sitter'
import type { CallerSearch } from '../graph/affected.js'
import { callersIn } from './callers.js'
import { archesOf, dirOf, includeCandidates, includeDirectives } from './includes.js'
import { analyseSource, type Analysis } from './locate.js'

/** What the review tier's caller search reads: pure, files come through `sourceOf`. */
export interface CallerSearchInput {
  parser: Parser
  /** Pre-image texts of the changed files. */
  changed: ReadonlyMap<string, string>
  /**
   * Any other file of the tree, on demand: its text, undefined when there is no such file, false
   * when there is one that cannot be read (outside the tree through a symlink, too big, a FIFO).
   */
  sourceOf: (path: string) => string | undefined | false
}

/** A kernel TU pulls in 300 to 1,500 headers; past this the closure is cut and says so. */
const CLOSURE_MAX = 8000
/** A kernel TU's closure has about 10,000 `#include` lines; a flood of them is cut and says so. */
const DIRECTIVES_MAX = 100000
const ANALYSES_KEPT = 8
const TU_TEXTS_KEPT = 8

// GCC takes `\` before CRLF as a continuation too.
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm
const IDENT = /[A-Za-z_]\w*/g

/**
 * Callers of a clone in its whole TU: the TU's `.c`, every file it includes (headers and `.c`,
 * resolved as kbuild does), and the files `also` names (the clone's defining file, the headers the
 * TU's dump names). A call may be spelled through macros of any of those files
 * (`TASK_SIZE` -> `test_thread_flag` -> `test_ti_thread_flag`).
 */
export function makeCallerSearch(
  input: CallerSearchInput
): (tu: string, callee: string, also: string[]) => CallerSearch | undefined {
  // Headers serve every TU: kept. TUs are read once or twice each: a few recent ones kept.
  const headerTexts = new Map<string, string | undefined | false>()
  const tuTexts = new Map<string, string | undefined | false>()
  const textOf = (path: string): string | undefined | false => {
    const changed = input.changed.get(path)
    if (changed !== undefined) return changed
    const cache = path.endsWith('.h') ? headerTexts : tuTexts
    if (cache.has(path)) return cache.get(path)
    const text = input.sourceOf(path)
    if (cache === tuTexts && tuTexts.size >= TU_TEXTS_KEPT)
      tuTexts.delete(tuTexts.keys().next().value as string)
    cache.set(path, text)
    return text
  }

  const resolved = new Map<string, string | null>()
  const resolve = (
    inc: ReturnType<typeof includeDirectives>[number],
    from: string,
    tu: string,
    arches: string[]
  ): string | null => {
    // Only a quoted include depends on where it is written (and on the TU's folder).
    const key = inc.quoted
      ? `"${inc.name}\u0000${dirOf(from)}\u0000${dirOf(tu)}\u0000${arches.join()}`
      : `<${inc.name}\u0000${arches.join()}`
    let hit = resolved.get(key)
    if (hit === undefined) {
      // A file that is there but cannot be read resolves too: it is then named as not searched.
      hit = includeCandidates(inc, from, tu, arches).find(p => textOf(p) !== undefined) ?? null
      resolved.set(key, hit)
    }
    return hit
  }

  const directives = new Map<string, ReturnType<typeof includeDirectives>>()
  const closures = new Map<string, { files: string[]; lost: string[] }>()
  const closure = (tu: string, arches: string[]): { files: string[]; lost: string[] } => {
    const key = `${tu}\u0000${arches.join()}`
    let unit = closures.get(key)
    if (!unit) closures.set(key, (unit = walkIncludes(tu, arches)))
    return unit
  }
  /** The TU's files, with the `.c` includes it could not find (a real source that is missing). */
  const walkIncludes = (tu: string, arches: string[]): { files: string[]; lost: string[] } => {
    const files = [tu]
    const seen = new Set(files)
    const lost: string[] = []
    let budget = DIRECTIVES_MAX
    for (let i = 0; i < files.length; i++) {
      const text = textOf(files[i])
      if (typeof text !== 'string') continue
      let list = directives.get(files[i])
      if (!list) directives.set(files[i], (list = includeDirectives(text)))
      budget -= list.length
      if (budget < 0) {
        lost.push(`the includes past ${DIRECTIVES_MAX} #include lines`)
        return { files, lost }
      }
      for (const inc of list) {
        const path = resolve(inc, files[i], tu, arches)
        if (path === null) {
          // A quoted include of a .c file, or written in one, is a file of the tree. Headers'
          // quoted includes that resolve nowhere sit in branches for other platforms (acenv.h's
          // "acmsvc.h"), and an angle one is a generated header (autoconf.h): neither is named.
          if (inc.quoted && (inc.name.endsWith('.c') || files[i].endsWith('.c')))
            lost.push(includeCandidates(inc, files[i], tu, arches)[0] ?? inc.name)
          continue
        }
        if (seen.has(path)) continue
        seen.add(path)
        if (files.length >= CLOSURE_MAX) {
          lost.push(`the includes past ${CLOSURE_MAX} files`)
          return { files, lost }
        }
        files.push(path)
      }
    }
    return { files, lost }
  }

  // Per file: macro name -> identifiers of its body, for expanding a callee into its macros.
  const macroIndex = new Map<string, Map<string, string[]>>()
  const macrosUsing = (path: string, text: string): Map<string, string[]> => {
    let index = macroIndex.get(path)
    if (!index) {
      index = new Map()
      for (const m of text.matchAll(DEFINE)) {
        for (const id of macroReferences(m[2])) {
          const list = index.get(id)
          if (list) list.push(m[1])
          else index.set(id, [m[1]])
        }
      }
      macroIndex.set(path, index)
    }
    return index
  }

  const analyses = new Map<string, Analysis>()
  const analysisOf = (path: string, text: string): Analysis => {
    let analysis = analyses.get(path)
    if (analysis === undefined) {
      analysis = analyseSource(input.parser, text)
      if (analyses.size >= ANALYSES_KEPT) analyses.delete(analyses.keys().next().value as string)
      analyses.set(path, analysis)
    }
    return analysis
  }
  // Per file and needle: TUs differ in which macros reach the callee, not in what a file says.
  const answers = new Map<string, Map<string, string[]>>()
  // With many needles (a long macro chain) on a big file, one pass over its identifiers beats a
  // substring scan per needle; with a few, the scans are cheaper than tokenizing every TU.
  const identifiers = new Map<string, Set<string>>()
  const spells = (path: string, text: string, needle: string, many: boolean): boolean => {
    if (!many || text.length < 65536) return text.includes(needle)
    let ids = identifiers.get(path)
    if (!ids) identifiers.set(path, (ids = new Set(text.match(IDENT))))
    return ids.has(needle)
  }
  const callersInFile = (path: string, text: string, needle: string, many: boolean): string[] => {
    let known = answers.get(path)
    if (!known) answers.set(path, (known = new Map<string, string[]>()))
    let callers = known.get(needle)
    if (!callers) {
      // Exact: a caller's body spells the needle here (the unit's macros are needles too).
      callers = spells(path, text, needle, many) ? callersIn(analysisOf(path, text), needle) : []
      known.set(needle, callers)
    }
    return callers
  }

  return (tu, callee, also) => {
    const arches = archesOf([tu, ...also])
    const { files: unit, lost } = closure(tu, arches)
    const files = [...new Set([...unit, ...also])]
    const unsearched: string[] = [...lost]
    const readable: Array<[string, string]> = []
    for (const path of files) {
      const text = textOf(path)
      if (typeof text !== 'string') unsearched.push(path)
      else readable.push([path, text])
    }
    if (readable.length === 0) return undefined
    // The callee and every macro of the unit that expands to it, through other macros too.
    const needles = [callee]
    const known = new Set(needles)
    for (let i = 0; i < needles.length; i++) {
      for (const [path, text] of readable) {
        for (const m of macrosUsing(path, text).get(needles[i]) ?? []) {
          if (!known.has(m)) needles.push(m)
          known.add(m)
        }
      }
    }
    const callers = new Set<string>()
    const many = needles.length > 32
    for (const [path, text] of readable) {
      for (const n of needles) for (const c of callersInFile(path, text, n, many)) callers.add(c)
    }
    for (const n of needles) callers.delete(n)
    return { callers: [...callers].sort(), unsearched }
  }
}

/**
 * Identifiers a macro body can call or name: a member access (`(o)->pick`, `.pick =`) names a
 * field, not the function, as in `callersIn`.
 */
function macroReferences(body: string): Set<string> {
  const ids = new Set<string>()
  for (const m of body.matchAll(IDENT)) {
    let j = m.index - 1
    while (j >= 0 && (body[j] === ' ' || body[j] === '\t')) j--
    if (body[j] === '.' || (body[j] === '>' && body[j - 1] === '-')) continue
    ids.add(m[0])
  }
  return ids
}

/** `callersIn` for one source on its own (its own macros followed, nothing included read). */
export function findCallers(parser: Parser, text: string, callee: string): string[] {
  const path = 'source.c'
  const search = makeCallerSearch({
    parser,
    changed: new Map([[path, text]]),
    sourceOf: () => undefined
  })
  return search(path, callee, [])?.callers ?? []
}
