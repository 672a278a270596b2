import { escapeRegExp } from '../text/escape-regexp.js'
import { matchBrace } from '../text/parens.js'

const DECLARATOR = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*$/
/** `__attribute__((...))` and the kernel's `__aligned(8)`-style attribute macros. */
const ATTRIBUTE = /\b__attribute__\s*\(\((?:[^()]|\([^()]*\))*\)\)|\b__\w+\s*\([^()]*\)/g

/**
 * The names `masked` (a header, comments and strings blanked) gives `keyword tag` by typedef:
 * `typedef struct host host_t;`, `typedef struct host *host_p;`, `typedef struct host {...}
 * host_t;`. Code declared with them reads the members with no `struct host` written.
 */
export function typedefAliases(masked: string, keyword: string, tag: string): string[] {
  const out = new Set<string>()
  const head = new RegExp(
    `\\btypedef\\s+(?:(?:const|volatile)\\s+)*${keyword}\\s+${escapeRegExp(tag)}\\b`,
    'g'
  )
  for (const m of masked.matchAll(head)) {
    let i = m.index + m[0].length
    while (i < masked.length && /\s/.test(masked[i])) i++
    if (masked[i] === '{') {
      const close = matchBrace(masked, i)
      if (close < 0) continue
      i = close + 1
    }
    const rest = /^([^;{}]*);/.exec(masked.slice(i, i + 500))
    if (!rest) continue
    const declarators = rest[1].replace(ATTRIBUTE, ' ')
    // A function type returning the struct (`typedef struct blkg_policy_data *(alloc_pd_fn)(gfp_t
    // gfp, struct request_queue *q)`) names no alias: its parameters are no declarators of it.
    if (declarators.includes('(')) continue
    for (const d of declarators.split(',')) {
      const name = DECLARATOR.exec(d.trim())
      if (name) out.add(name[1])
    }
  }
  return [...out]
}
