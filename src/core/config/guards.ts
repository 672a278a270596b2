import { type CppEnv, evaluateCondition } from './expr.js'
import { type BuildConfig, describeSymbol } from './kconfig.js'

/** One condition a line is compiled under: `expr` as written in its `#if`, true or false. */
export interface Term {
  expr: string
  positive: boolean
}

/** The conditions every line sits under (index 0 is line 1); directive lines sit under the outer ones. */
export type LineGuards = Term[][]

const DIRECTIVE = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/

/**
 * Nesting of `#if` blocks over a text whose comments are blanked (so a `#endif` in a comment is
 * not one). Continuation lines of a directive belong to it.
 */
export function lineGuards(masked: string): LineGuards {
  const lines = masked.split('\n')
  const guards: LineGuards = []
  /** Per open block: earlier branches' conditions (false here) and this branch's (null: `#else`). */
  const stack: Array<{ prior: string[]; cur: string | null }> = []
  const terms = (): Term[] =>
    stack.flatMap(level => [
      ...level.prior.map(expr => ({ expr, positive: false })),
      ...(level.cur === null ? [] : [{ expr: level.cur, positive: true }])
    ])
  // The lines between two directives share one list: made per line, it was most of the time to
  // map a change in a large header (skbuff.h's 5,000 lines under its include guard).
  let shared: Term[] | undefined
  const current = (): Term[] => (shared ??= terms())
  for (let n = 0; n < lines.length; n++) {
    const { text, last } = logicalLine(lines, n)
    const m = DIRECTIVE.exec(text)
    if (!m) {
      const g = current()
      for (let k = n; k <= last; k++) guards.push(g)
      n = last
      continue
    }
    const [, word, rest] = m
    const arg = rest.trim()
    if (word === 'if' || word === 'ifdef' || word === 'ifndef') {
      for (let k = n; k <= last; k++) guards.push(current())
      const cur = word === 'if' ? arg : word === 'ifdef' ? `defined(${arg})` : `!defined(${arg})`
      stack.push({ prior: [], cur })
    } else {
      const level = stack[stack.length - 1]
      // The directive itself sits under the enclosing blocks, not under its own.
      const outer = (): Term[] => {
        const saved = stack.pop()
        const g = terms()
        if (saved) stack.push(saved)
        return g
      }
      for (let k = n; k <= last; k++) guards.push(outer())
      if (word === 'endif') stack.pop()
      else if (level) {
        // Earlier branches become false conditions of this one: `#else` of `#if A` is `!(A)`.
        if (level.cur !== null) level.prior.push(level.cur)
        level.cur = word === 'elif' ? arg : null
      }
    }
    shared = undefined
    n = last
  }
  return guards
}

/** A line's fate in one build: built, compiled out (with the condition that says so), or unknown. */
export type LineState = { state: 'built' } | { state: 'out'; reason: string } | { state: 'unknown' }

export function lineState(guard: Term[], env: CppEnv, build: BuildConfig): LineState {
  let unknown = false
  for (const t of guard) {
    const v = evaluateCondition(t.expr, env)
    if (v === null) unknown = true
    else if ((v !== 0) !== t.positive) return { state: 'out', reason: reasonOf(t, build) }
  }
  return unknown ? { state: 'unknown' } : { state: 'built' }
}

/** `CONFIG_X is not set` for a test of one symbol, else the condition with the symbols' values. */
function reasonOf(t: Term, build: BuildConfig): string {
  const symbols = [...new Set(t.expr.match(/\bCONFIG_\w+/g) ?? [])]
  const base = (s: string): string => s.replace(/_MODULE$/, '')
  const values = build.config
    ? [...new Set(symbols.map(base))].map(s => describeSymbol(build.config ?? new Map(), s))
    : []
  const expr = t.expr.replace(/\s+/g, ' ')
  const condition = t.positive ? `#if ${expr}` : `#if !(${expr})`
  if (values.length === 1 && symbols.length === 1) return values[0]
  return values.length > 0
    ? `${condition} is false (${values.join(', ')})`
    : `${condition} is false`
}

/** Line `n` with the lines its trailing backslashes continue onto, and the last one it takes. */
export function logicalLine(lines: string[], n: number): { text: string; last: number } {
  let text = lines[n]
  let last = n
  while (/\\\r?$/.test(lines[last]) && last + 1 < lines.length) {
    last++
    text = text.replace(/\\\r?$/, ' ') + lines[last]
  }
  return { text, last }
}
