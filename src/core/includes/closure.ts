import { kconfigEnv, type CppEnv } from '../config/expr.js'
import { lineGuards, lineState, type Term } from '../config/guards.js'
import type { BuildConfig } from '../config/kconfig.js'
import { includeCandidates, type IncludeDirective } from '../source/includes.js'
import { maskCommentsAndStrings } from '../source/mask.js'

/** Any file of the tree: its text, undefined when absent, false when there but unreadable. */
export type SourceOf = (path: string) => string | undefined | false

/** A kernel TU pulls in 300 to 1,500 headers; past this the walk stops. */
const CLOSURE_MAX = 8000

const INCLUDE_LINE = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm

/** One include line of a file, and whether every build certainly compiles it. */
export interface ListedInclude {
  inc: IncludeDirective
  certain: boolean
}

/**
 * `#ifndef FOO_H` / `#define FOO_H` opening a header: its condition holds on first inclusion,
 * which is the one that matters for what the header brings.
 */
function includeGuard(masked: string): string | undefined {
  const m = /^\s*#[ \t]*ifndef[ \t]+(\w+)[ \t]*\n\s*#[ \t]*define[ \t]+(\w+)/.exec(masked)
  return m && m[1] === m[2] ? m[1] : undefined
}

/** The includes of one text, each with whether every build certainly reaches it. */
export function listIncludes(text: string, builds: BuildConfig[]): ListedInclude[] {
  const masked = maskCommentsAndStrings(text)
  const raw = text.split('\n')
  const guards = lineGuards(masked)
  const guard = includeGuard(masked)
  const defines = new Set([...masked.matchAll(DEFINE)].map(m => m[1]))
  const envs: Array<[CppEnv, BuildConfig]> = (builds.length > 0 ? builds : [{ label: '' }]).map(
    b => [kconfigEnv(b.config, defines), b]
  )
  const out: ListedInclude[] = []
  masked.split('\n').forEach((line, i) => {
    if (!/^[ \t]*#[ \t]*include/.test(line)) return
    // The path is a string literal for quoted includes, blanked in `masked`: read it raw.
    const m = INCLUDE_LINE.exec(raw[i] ?? '')
    if (!m) return
    const terms = (guards[i] ?? []).filter(
      (t: Term) => !(guard !== undefined && t.positive && t.expr === `!defined(${guard})`)
    )
    const certain = envs.every(([env, b]) => lineState(terms, env, b).state === 'built')
    const inc = m[1] !== undefined ? { name: m[1], quoted: true } : { name: m[2], quoted: false }
    out.push({ inc, certain })
  })
  return out
}

export interface Closure {
  /** File -> the file that included it (null for the root). */
  parent: Map<string, string | null>
  /** Includes that resolved to no file of the tree (generated headers, other platforms). */
  unresolved: string[]
}

/**
 * Every file `root` reaches through its includes, resolved as kbuild's compiler would. `certain`:
 * only through includes every build compiles (what the file surely gets); otherwise through every
 * include line, whatever its `#if` (what it may get).
 */
export function includeClosure(
  root: string,
  rootText: string,
  tu: string,
  options: {
    sourceOf: SourceOf
    arches: string[]
    builds: BuildConfig[]
    certain: boolean
    /** Each file's includes, kept across closures of one run (the root's is never kept). */
    cache?: Map<string, ListedInclude[]>
  }
): Closure {
  const parent = new Map<string, string | null>([[root, null]])
  const unresolved: string[] = []
  const queue = [root]
  for (let i = 0; i < queue.length && parent.size < CLOSURE_MAX; i++) {
    const file = queue[i]
    const text = i === 0 ? rootText : options.sourceOf(file)
    if (typeof text !== 'string') continue
    let list = i === 0 ? undefined : options.cache?.get(file)
    if (!list) {
      list = listIncludes(text, options.builds)
      if (i > 0) options.cache?.set(file, list)
    }
    for (const { inc, certain } of list) {
      if (options.certain && !certain) continue
      const path = resolveInclude(inc, file, tu, options)
      if (path === undefined) {
        unresolved.push(inc.name)
        continue
      }
      if (parent.has(path)) continue
      parent.set(path, file)
      queue.push(path)
    }
  }
  return { parent, unresolved }
}

export function resolveInclude(
  inc: IncludeDirective,
  from: string,
  tu: string,
  options: { sourceOf: SourceOf; arches: string[] }
): string | undefined {
  return includeCandidates(inc, from, tu, options.arches).find(
    p => options.sourceOf(p) !== undefined
  )
}

/** `a.h <- b.h <- file.c`: how `path` is reached. */
export function chainOf(closure: Closure, path: string): string[] {
  const chain: string[] = []
  for (let p: string | null | undefined = path; p; p = closure.parent.get(p)) chain.push(p)
  return chain.reverse()
}

/**
 * What `read` makes of a file's text and of every header it may include (each include line
 * followed whatever its `#if`: every configuration's answer), the file's own first. Headers are
 * read once per run, across files.
 */
export function readWithHeaders<T>(
  ctx: { sourceOf: SourceOf; arches: string[]; builds: BuildConfig[] },
  read: (text: string) => T,
  unreadable: T
): (path: string, text: string) => T[] {
  const perFile = new Map<string, T>()
  const at = (file: string): T => {
    if (!perFile.has(file)) {
      const text = ctx.sourceOf(file)
      perFile.set(file, typeof text === 'string' ? read(text) : unreadable)
    }
    return perFile.get(file) as T
  }
  return (path, text) => {
    const closure = includeClosure(path, text, path, { ...ctx, certain: false })
    return [read(text), ...[...closure.parent.keys()].slice(1).map(at)]
  }
}
