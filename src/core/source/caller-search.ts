import type { Parser } from 'web-tree-sitter'
import type { CallerSearch } from '../graph/affected.js'
import { callersIn } from './callers.js'
import { archesOf, includeCandidates, includeDirectives } from './includes.js'
import { analyseSource, type Analysis } from './locate.js'

/** What the review tier's caller search reads: pure, files come through `sourceOf`. */
export interface CallerSearchInput {
  parser: Parser
  /** Pre-image texts of the changed files. */
  changed: ReadonlyMap<string, string>
  /** Any other file of the tree, on demand; undefined when not available. */
  sourceOf: (path: string) => string | undefined
}

/** A kernel TU pulls in 300 to 1,500 headers; past this the closure is cut and says so. */
const CLOSURE_MAX = 8000
const ANALYSES_KEPT = 8
const TU_TEXTS_KEPT = 8

const dirOf = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1)

const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\n)*[^\n]*)/gm
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
  const headerTexts = new Map<string, string | undefined>()
  const tuTexts = new Map<string, string | undefined>()
  const textOf = (path: string): string | undefined => {
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
    for (let i = 0; i < files.length; i++) {
      const text = textOf(files[i])
      if (text === undefined) continue
      let list = directives.get(files[i])
      if (!list) directives.set(files[i], (list = includeDirectives(text)))
      for (const inc of list) {
        const path = resolve(inc, files[i], tu, arches)
        if (path === null) {
          if (inc.quoted && inc.name.endsWith('.c'))
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
        for (const id of new Set(m[2].match(IDENT) ?? [])) {
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
  const callersInFile = (path: string, text: string, needle: string): string[] => {
    let known = answers.get(path)
    if (!known) answers.set(path, (known = new Map<string, string[]>()))
    let callers = known.get(needle)
    if (!callers) {
      // Exact: a caller's body spells the needle here (the unit's macros are needles too).
      callers = text.includes(needle) ? callersIn(analysisOf(path, text), needle, false) : []
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
      if (text === undefined) unsearched.push(path)
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
    for (const [path, text] of readable) {
      for (const n of needles) for (const c of callersInFile(path, text, n)) callers.add(c)
    }
    for (const n of needles) callers.delete(n)
    return { callers: [...callers].sort(), unsearched }
  }
}
