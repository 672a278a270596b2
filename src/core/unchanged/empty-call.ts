import type { LocatedFunction } from '../source/locate.js'

/** One image of a changed file, as this check reads it. */
export interface CallImage {
  functions: readonly LocatedFunction[]
  /** Comments, strings and directives blanked (offsets as in the text). */
  code: string
  /** Lines with comments blanked (strings kept). */
  uncommented: readonly string[]
  /** Labels of the builds the view decides for. */
  builds: readonly string[]
  /** Builds that compile `line` out, with the reason. */
  outIn: (line: number) => ReadonlyMap<string, string>
}

/** `name(args);` alone on its line. */
const CALL_LINE = /^\s*([A-Za-z_]\w*)\s*\(([^;]*)\)\s*;\s*$/
/** Arguments without calls, assignments or increments: names, members, addresses, constants. */
const PURE_ARGS = /^[\w\s,.&*[\]]*(?:->[\w\s,.&*[\]]*)*$/
/** Line-embedding macros by their usual names: a function holding one is left to the line check. */
const LINE_SENSITIVE =
  /\b[A-Z_]*(?:WARN|BUG|ASSERT)[A-Z_]*\s*\(|__LINE__|\bmight_(?:sleep|resched|fault)\b|\bcant_(?:sleep|migrate)\b/

export interface EmptyCall {
  callee: string
  /** 1-based lines of the definition every build compiles (one per build, maybe the same). */
  definitions: number[]
}

/**
 * Whether changed line `line` of `caller` only adds or drops a call that compiles to nothing: the
 * callee is a `static inline` function of the same file whose body, in the definition each build
 * compiles (`#ifdef CONFIG_DEBUG_OBJECTS_TIMERS` ... `#else` stubs), is empty, and the arguments
 * have no side effects. GCC inlines such a call to no instruction. A caller that embeds line
 * numbers is not judged here: the added line moves them.
 */
export function emptyCallAt(
  img: CallImage,
  caller: LocatedFunction,
  line: number
): EmptyCall | undefined {
  const m = CALL_LINE.exec(img.uncommented[line - 1] ?? '')
  if (!m || !PURE_ARGS.test(m[2])) return undefined
  const callee = m[1]
  if (callee === caller.name) return undefined
  if (LINE_SENSITIVE.test(img.code.slice(caller.bodyStart, caller.bodyEnd))) return undefined
  const defs = img.functions.filter(f => f.name === callee)
  if (defs.length === 0 || defs.some(f => f.generatedBy !== undefined)) return undefined
  const definitions: number[] = []
  for (const build of img.builds) {
    const built = defs.filter(f => !img.outIn(f.startLine).has(build))
    if (built.length !== 1) return undefined
    const f = built[0]
    const whole = img.uncommented.slice(f.startLine - 1, f.endLine).join(' ')
    if (!/\bstatic\b/.test(whole) || !/\binline\b|__always_inline/.test(whole)) return undefined
    const body = img.code.slice(f.bodyStart, f.bodyEnd).trim()
    if (!/^\{\s*\}$/.test(body)) return undefined
    definitions.push(f.startLine)
  }
  return { callee, definitions: [...new Set(definitions)] }
}
