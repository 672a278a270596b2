import { maskCommentsAndStrings } from '../source/mask.js'

const DIRECTIVE = /^[ \t]*#[ \t]*(\w*)/
const TESTS = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef'])

/**
 * Lines (1-based) of a script's own text where one of `names` is expanded or tested: spelled
 * outside comments and literals, outside `#define` bodies (a macro defined there is expanded
 * only where it is spelled, which `names` already follows), or in an `#if` condition. Lexical:
 * a linker script is not C, and cpp reads it as text.
 */
export function scriptSpellings(
  text: string,
  names: ReadonlySet<string>
): Array<{ line: number; name: string }> {
  const lines = maskCommentsAndStrings(text).split('\n')
  const out: Array<{ line: number; name: string }> = []
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let line = lines[i]
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]
    const directive = DIRECTIVE.exec(line)
    if (directive && !TESTS.has(directive[1])) continue
    for (const word of line.match(/(?<!\w)[A-Za-z_]\w*/g) ?? []) {
      if (names.has(word)) {
        out.push({ line: start + 1, name: word })
        break
      }
    }
  }
  return out
}
