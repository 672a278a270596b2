import { isAttributeMacro, matchParen } from './mask.js'

/**
 * The annotations written on one function definition, as the locator otherwise blanks them: kernel
 * attribute macros by name (`__init`, `notrace`, `noinstr`), a section as `section:<name>` (from
 * `__section("...")` or `__attribute__((section("...")))`), and the GCC attributes inside
 * `__attribute__((...))` that decide whether ftrace can hook the function (`no_instrument_function`,
 * `naked`), without their underscores.
 *
 * `view` is the source with comments, string contents and directives blanked (attributes kept);
 * `text` the source itself, read for section names. `[from, to)` is the definition's head with
 * `[skipFrom, skipTo)`, its parameter list, left out.
 */
export function attributesIn(
  view: string,
  text: string,
  from: number,
  to: number,
  skipFrom: number,
  skipTo: number
): string[] {
  const out: string[] = []
  const re = /\b[A-Za-z_]\w*\b/g
  re.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = re.exec(view)) !== null && m.index < to) {
    if (m.index >= skipFrom && m.index < skipTo) {
      re.lastIndex = skipTo
      continue
    }
    const word = m[0]
    if (!isAttributeMacro(word)) continue
    let j = m.index + word.length
    while (j < to && /\s/.test(view[j])) j++
    const end = view[j] === '(' ? matchParen(view, j) : -1
    if (end < 0) {
      out.push(word)
      continue
    }
    re.lastIndex = end
    const group = text.slice(j, end)
    if (word === '__section') {
      const name = /"([^"]*)"/.exec(group)?.[1]
      if (name !== undefined) out.push(`section:${name}`)
    } else if (word === '__attribute__' || word === '__attribute') {
      for (const a of /section__|section/.test(group) ? sections(group) : []) out.push(a)
      for (const a of group.matchAll(/\b(?:__)?(no_instrument_function|naked)(?:__)?\b/g))
        out.push(a[1])
    } else out.push(word)
  }
  return [...new Set(out)]
}

function sections(group: string): string[] {
  return [...group.matchAll(/\b(?:__)?section(?:__)?\s*\(\s*"([^"]*)"/g)].map(
    m => `section:${m[1]}`
  )
}
