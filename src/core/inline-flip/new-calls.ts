import type { LocatedFunction } from '../source/locate.js'
import { NOT_CALLEES } from '../text/c-keywords.js'

/** A call a changed or added function makes after the fix that it did not make before. */
export interface NewCall {
  file: string
  /** The function that gains the call. */
  caller: string
  /** The name called (a function or a macro: the dumps tell which). */
  callee: string
}

const CALL = /\b([A-Za-z_]\w*)\s*\(/g

/** Names called in a body, from the code with comments, strings and directives blanked. */
function callsIn(code: string, f: LocatedFunction): Set<string> {
  const out = new Set<string>()
  const body = code.slice(f.bodyStart, f.bodyEnd)
  for (const m of body.matchAll(CALL)) if (!NOT_CALLEES.has(m[1])) out.add(m[1])
  return out
}

/**
 * The names each of `callers` (changed or added functions of `file`) calls in the post-image and
 * did not call in the pre-image. A static GCC inlined into its only caller is kept out of line once
 * it has two (the "called once" inlining): that one caller's code changes with no line of it
 * changed (the holdout update's `udp4_lib_lookup2` when `udp4_lib_lookup1` began to call
 * `compute_score`).
 */
export function newCalls(
  file: string,
  callers: readonly string[],
  pre: { code: string; functions: readonly LocatedFunction[] },
  post: { code: string; functions: readonly LocatedFunction[] }
): NewCall[] {
  const out: NewCall[] = []
  for (const caller of callers) {
    const after = post.functions.find(f => f.name === caller)
    if (!after) continue
    const before = pre.functions.find(f => f.name === caller)
    const had = before ? callsIn(pre.code, before) : new Set<string>()
    for (const callee of callsIn(post.code, after))
      if (!had.has(callee) && callee !== caller) out.push({ file, caller, callee })
  }
  return out
}
