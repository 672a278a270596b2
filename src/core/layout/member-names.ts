import { append } from '../arrays.js'
import { blankAttributes } from '../source/mask.js'
import { matchBrace } from '../text/parens.js'
import { splitTop } from './struct-layout.js'

const IDENT = /[A-Za-z_]\w*/g

/** `int a, b[4]`, `int (*fn)(int)`, `unsigned f : 3`, `union { int x; long y; } u`. */
export function memberNames(text: string): string[] {
  const names: string[] = []
  const brace = text.indexOf('{')
  if (brace >= 0) {
    const close = matchBrace(text, brace)
    for (const m of splitTop(text.slice(brace + 1, close), ';')) append(names, memberNames(m))
    const rest = text.slice(close + 1)
    for (const d of splitTop(rest, ',')) append(names, declaratorName(d))
    return names
  }
  for (const d of splitTop(text, ',')) append(names, declaratorName(d))
  return names
}

function declaratorName(text: string): string[] {
  // Attributes follow the declarator (`hostdata[] __attribute__((aligned(8)))`, `lock
  // ____cacheline_aligned_in_smp`): read as the last identifier, they hid the member's name.
  const decl = blankAttributes(text, text, [])
  const pointer = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)/.exec(decl)
  if (pointer) return [pointer[1]]
  const bare = decl
    .replace(/\[[^\]]*\]/g, '')
    .replace(/:[^:]*$/, '')
    .replace(/\([^)]*\)/g, '')
  const ids = bare.match(IDENT)
  return ids ? [ids[ids.length - 1]] : []
}
