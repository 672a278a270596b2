import type { BuildConfig } from '../config/kconfig.js'
import { type SourceOf, readWithHeaders } from '../includes/closure.js'
import { maskCommentsAndStrings } from '../source/mask.js'

// GCC takes `\` before CRLF as a continuation too.
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)((?:[^\n]*\\\r?\n)*[^\n]*)/gm

/** Every body a macro has in a file and the headers it may include: all `#if` branches at once. */
export type MacroBodies = (name: string) => readonly string[] | undefined

export interface MacroBodiesContext {
  sourceOf: SourceOf
  /** Architectures whose `arch/<arch>/include` the build searches. */
  arches: string[]
  builds: BuildConfig[]
}

function definesOf(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const m of maskCommentsAndStrings(text).matchAll(DEFINE)) {
    const list = out.get(m[1]) ?? []
    list.push(m[2].replace(/\\\r?\n/g, ' '))
    out.set(m[1], list)
  }
  return out
}

/** The macros a text defines itself (without the tree, the only ones known). */
export function ownMacroBodies(text: string): MacroBodies {
  const table = definesOf(text)
  return name => table.get(name)
}

/**
 * The macros `path` can see: its own and those of every header it may include (each include line
 * followed whatever its `#if`, so a macro defined differently per configuration has every body).
 * Headers are read once per run, across files.
 */
export function makeMacroBodies(
  ctx: MacroBodiesContext
): (path: string, text: string) => MacroBodies {
  const tablesOf = readWithHeaders(ctx, definesOf, new Map<string, string[]>())
  return (path, text) => {
    const tables = tablesOf(path, text)
    return name => {
      const bodies = tables.flatMap(t => t.get(name) ?? [])
      return bodies.length > 0 ? bodies : undefined
    }
  }
}
