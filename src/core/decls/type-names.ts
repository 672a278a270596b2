import { type SourceOf, readWithHeaders } from '../includes/closure.js'
import type { BuildConfig } from '../config/kconfig.js'
import { maskCommentsAndStrings } from '../source/mask.js'

/** `typedef unsigned gfp_t;`, `typedef struct { ... } spinlock_t;`: the name before the `;`. */
const ALIAS = /\btypedef\b[^;{}]*?([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)?;/g
const RECORD_NAME = /\btypedef\s+(?:struct|union|enum)\b[^{;]*\{/g
/** `typedef void (*work_func_t)(struct work_struct *);` */
const FUNCTION_TYPE = /\btypedef\b[^;{}]*?\(\s*\*?\s*([A-Za-z_]\w*)\s*\)\s*\(/g

export interface TypeNamesContext {
  sourceOf: SourceOf
  arches: string[]
  builds: BuildConfig[]
}

/** The names a text declares with `typedef`. */
function typedefsOf(text: string): Set<string> {
  const masked = maskCommentsAndStrings(text)
  const out = new Set<string>()
  for (const m of masked.matchAll(ALIAS)) out.add(m[1])
  for (const m of masked.matchAll(FUNCTION_TYPE)) out.add(m[1])
  for (const m of masked.matchAll(RECORD_NAME)) {
    let depth = 0
    for (let i = (m.index ?? 0) + m[0].length - 1; i < masked.length; i++) {
      if (masked[i] === '{') depth++
      else if (masked[i] === '}' && --depth === 0) {
        const name = /^\s*([A-Za-z_]\w*)\s*;/.exec(masked.slice(i + 1))
        if (name) out.add(name[1])
        break
      }
    }
  }
  return out
}

/**
 * The typedef names `path` can see: its own and those of every header it may include. What a
 * parameter list spells is then known to be a type, not a macro standing for several parameters
 * (`int f_read(F_ARGS);`), wherever such a macro would come from.
 */
export function makeTypeNames(ctx: TypeNamesContext): (path: string, text: string) => Set<string> {
  const namesOf = readWithHeaders(ctx, typedefsOf, new Set<string>())
  return (path, text) => new Set(namesOf(path, text).flatMap(names => [...names]))
}
