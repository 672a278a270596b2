import { matchingParen } from '../text/parens.js'

/**
 * A declaration's type as callers see it: parameter names, `extern` and layout dropped, so that
 * renaming a parameter or re-wrapping a line compares equal. Lexical: a parameter written without
 * a name whose type ends in an identifier (`unsigned long`) compares unequal to its named form,
 * which only errs towards reporting a change.
 */
export function declarationShape(code: string): string {
  let text = withoutDiagnostics(code.replace(/\bextern\b/g, ' ').replace(/;\s*$/, ''))
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open >= 0 && close > open) {
    const params = splitTop(text.slice(open + 1, close)).map(dropName)
    text = `${text.slice(0, open)}(${params.join(',')})${text.slice(close + 1)}`
  }
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s*([*(),[\]])\s*/g, '$1')
    .trim()
}

/** Attributes that only steer GCC's warnings: a declaration gaining or losing one compiles alike. */
const DIAGNOSTIC = new Set(['format', 'format_arg', 'warn_unused_result', 'unused', 'deprecated'])

/**
 * `code` without annotations that make no code (`__must_check`, `__printf(4, 5)`, and inside
 * `__attribute__((...))` the diagnostic ones): `__printf(4, 5)` respelled as its attribute, or
 * `__must_check` added, leaves every caller's code as it was (checked with GCC 12 on 6.1's
 * netdevice.h and fs_context.h).
 */
function withoutDiagnostics(code: string): string {
  let text = code
    .replace(/\b__(?:must_check|maybe_unused|always_unused|deprecated)\b/g, ' ')
    .replace(/\b__(?:printf|scanf)\s*\([^()]*\)/g, ' ')
  for (let at = text.search(/\b__attribute(?:__)?\s*\(\(/); at >= 0;) {
    const open = text.indexOf('((', at)
    const close = matchingParen(text, open)
    if (close < 0) break
    const kept = splitTop(text.slice(open + 2, close - 1)).filter(
      a => !DIAGNOSTIC.has(attributeName(a))
    )
    const replacement = kept.length === 0 ? ' ' : `__attribute__((${kept.join(',')}))`
    text = text.slice(0, at) + replacement + text.slice(close + 1)
    const next = text.slice(at + replacement.length).search(/\b__attribute(?:__)?\s*\(\(/)
    at = next < 0 ? -1 : at + replacement.length + next
  }
  return text
}

/** `format` for ` __format__ (printf, 1, 2)`: an attribute's name, without GCC's underscores. */
function attributeName(attribute: string): string {
  return attribute
    .replace(/\(.*$/s, '')
    .trim()
    .replace(/^__(.*)__$/, '$1')
}

/** Splits at commas outside parentheses and brackets (a parameter list). */
export function splitTop(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(' || s[i] === '[') depth++
    else if (s[i] === ')' || s[i] === ']') depth--
    else if (s[i] === ',' && depth === 0) {
      out.push(s.slice(start, i))
      start = i + 1
    }
  }
  out.push(s.slice(start))
  return out
}

const KEYWORD =
  /^(?:void|char|short|int|long|float|double|signed|unsigned|const|volatile|struct|union|enum|_Bool)$/

/** `const struct foo *f` -> `const struct foo *`; `int (*cb)(int)` -> `int (*)(int)`. */
function dropName(param: string): string {
  const p = param.trim()
  const fnPtr = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(p)
  if (fnPtr) return p.replace(fnPtr[0], '(*)')
  const m = /^(.*?[\s*])([A-Za-z_]\w*)(\s*(?:\[[^\]]*\]\s*)*)$/.exec(p)
  if (!m || KEYWORD.test(m[2]) || m[1].trim() === '' || /^(struct|union|enum)$/.test(m[1].trim()))
    return p
  return `${m[1]}${m[3]}`
}
