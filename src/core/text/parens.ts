/** Index of the `close` matching the `open` character at `at` (nested pairs skipped), or -1. */
function matching(text: string, at: number, open: string, close: string): number {
  let depth = 0
  for (let i = at; i < text.length; i++) {
    if (text[i] === open) depth++
    else if (text[i] === close && --depth === 0) return i
  }
  return -1
}

/** Index of the `)` closing the `(` at `open` (nested pairs skipped), or -1. */
export function matchingParen(text: string, open: number): number {
  return matching(text, open, '(', ')')
}

/** Offset of the `}` matching the `{` at `open`, or -1 (callers mask comments and strings first). */
export function matchBrace(text: string, open: number): number {
  return matching(text, open, '{', '}')
}
