/**
 * A declaration's type as callers see it: parameter names, `extern` and layout dropped, so that
 * renaming a parameter or re-wrapping a line compares equal. Lexical: a parameter written without
 * a name whose type ends in an identifier (`unsigned long`) compares unequal to its named form,
 * which only errs towards reporting a change.
 */
export function declarationShape(code: string): string {
  let text = code.replace(/\bextern\b/g, ' ').replace(/;\s*$/, '')
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
