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
/**
 * An argument whose evaluation reads nothing that may be volatile: a constant, or the caller's own
 * parameter or local variable, a member of a local struct, or an address (`&p->lock`). A global may
 * be volatile (`jiffies`), and so may what a pointer points to (`*mmio`, `regs[i]`, `p->x`): GCC
 * keeps those reads though the callee is empty.
 */
const CONSTANT_ARG = /^(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*$|^(?:NULL|true|false)$/
const PARAMETER_ARG = /^&?\s*([A-Za-z_]\w*)(?:\s*(?:->|\.)\s*[A-Za-z_]\w*)*$/

function pureArguments(args: string, parameters: ReadonlySet<string>): boolean {
  if (args.trim() === '') return true
  return args.split(',').every(a => {
    const arg = a.trim()
    if (CONSTANT_ARG.test(arg)) return true
    const m = PARAMETER_ARG.exec(arg)
    // `p->x` reads memory `p` points to; `&p->x` only adds an offset to `p`.
    return m !== null && parameters.has(m[1]) && (arg.startsWith('&') || !arg.includes('->'))
  })
}

/** A local's declaration: type words, maybe a `*`, the name, then `;`, `,`, `=` or `[`. */
const LOCAL =
  /^\s*(?:(?:const|struct|union|enum|unsigned|signed|long|short|static)\s+)*[A-Za-z_]\w*(?:\s+|\s*\*+\s*)([A-Za-z_]\w*)\s*[;,=[]/

/**
 * The caller's parameters (every identifier of its header, up to its body's `{`) and the locals its
 * body declares before `line`, none declared volatile.
 */
function ownVariables(img: CallImage, caller: LocatedFunction, line: number): Set<string> {
  const header = img.uncommented.slice(caller.startLine - 1, caller.bodyLine).join('\n')
  const open = header.indexOf('(')
  const own = new Set(
    open < 0 || /\bvolatile\b/.test(header) ? [] : (header.slice(open).match(/[A-Za-z_]\w*/g) ?? [])
  )
  for (const text of img.uncommented.slice(caller.bodyLine - 1, line - 1)) {
    const m = LOCAL.exec(text)
    if (m && !/\bvolatile\b/.test(text)) own.add(m[1])
  }
  return own
}
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
 * read nothing that may be volatile (see PARAMETER_ARG). GCC inlines such a call to no instruction. A caller that embeds line
 * numbers is not judged here: the added line moves them.
 */
export function emptyCallAt(
  img: CallImage,
  caller: LocatedFunction,
  line: number
): EmptyCall | undefined {
  const m = CALL_LINE.exec(img.uncommented[line - 1] ?? '')
  if (!m || !pureArguments(m[2], ownVariables(img, caller, line))) return undefined
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
