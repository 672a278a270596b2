/**
 * Whitespace the comment-only test drops but the preprocessor keeps: `#x` turns a macro argument
 * into a string whose spaces are where the argument had any (`__stringify(v>c)` is "v>c",
 * `__stringify(v > c)` is "v > c": another string, another length). Runs of whitespace read as
 * one space, so only a space appearing or vanishing between two tokens can change such a string.
 */

import { NOT_CALLEES } from '../text/c-keywords.js'

const TOKEN = /"(?:\\[\s\S]|[^"\\\n])*"|'(?:\\[\s\S]|[^'\\\n])*'|[A-Za-z_]\w*|\d[\w.]*|\S/g

interface Spaced {
  tokens: string[]
  /** Whether whitespace stands before each token. */
  spaced: boolean[]
}

function spacedTokens(code: string): Spaced {
  const tokens: string[] = []
  const spaced: boolean[] = []
  let last = 0
  for (const m of code.matchAll(TOKEN)) {
    tokens.push(m[0])
    spaced.push(m.index > last && /\s/.test(code.slice(last, m.index)))
    last = m.index + m[0].length
  }
  return { tokens, spaced }
}

/**
 * The names of the calls (`NAME(` ... `)`) inside whose arguments a space appears or vanishes
 * between two tokens (every enclosing one: `f(g(v>c))` is f's argument too), for two texts whose
 * tokens are the same; empty when the spacing moves only outside calls or at an argument's ends,
 * or when the tokens differ (that is not a spacing question).
 */
export function respacedCalls(before: string, after: string): string[] {
  const a = spacedTokens(before)
  const b = spacedTokens(after)
  if (a.tokens.length !== b.tokens.length || a.tokens.some((t, i) => t !== b.tokens[i])) return []
  const names = new Set<string>()
  // Open parentheses: the identifier before each, or '' for a bare one.
  const open: string[] = []
  for (let i = 0; i < a.tokens.length; i++) {
    const t = a.tokens[i]
    // The space before the first token of a line or before `)` of an empty list is not inside.
    if (i > 0 && a.spaced[i] !== b.spaced[i]) {
      // An argument is trimmed and split at its call's own commas: spaces there are no one's.
      const p = a.tokens[i - 1]
      const edge = p === '(' || p === ',' || t === ')' || t === ','
      open.forEach((name, k) => {
        if (name !== '' && !(edge && k === open.length - 1)) names.add(name)
      })
    }
    if (t === '(') {
      const before = i > 0 ? a.tokens[i - 1] : ''
      open.push(/^[A-Za-z_]/.test(before) && !NOT_CALLEES.has(before) ? before : '')
    } else if (t === ')') open.pop()
  }
  return [...names].sort()
}

/**
 * Whether the macro whose bodies are given (`(params) body` as written after its name) turns an
 * argument into a string, itself or through the macros it uses (`__stringify` -> `__stringify_1`).
 * `bodiesOf` gives a name's bodies, undefined for a name that is no macro anyone can see.
 */
export function stringifies(
  name: string,
  bodiesOf: (name: string) => readonly string[] | undefined,
  seen = new Set<string>()
): boolean {
  if (seen.has(name)) return false
  seen.add(name)
  for (const body of bodiesOf(name) ?? []) {
    // `#x` but not `##`.
    if (/(^|[^#])#(?!#)\s*[A-Za-z_]/.test(body.replace(/^\([^)]*\)/, ''))) return true
    for (const m of body.matchAll(/([A-Za-z_]\w*)\s*\(/g))
      if (m[1] !== name && stringifies(m[1], bodiesOf, seen)) return true
  }
  return false
}
