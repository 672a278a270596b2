/**
 * Reads a function definition's header backwards from its body's `{`, on a view where comments,
 * strings, directives and attribute macros are blanked. tree-sitter finds the bodies; the header is
 * read here because tree-sitter mis-parses kernel headers (macro declarators, unknown annotations).
 */

import { NOT_CALLEES } from '../text/c-keywords.js'

export interface Header {
  /** Name pieces joined by `##` (one piece outside macro bodies). */
  pieces: string[]
  nameOffset: number
  /** Offset of `(` and just past `)` of the parameter list (or of the definer macro's arguments). */
  paramsOpen: number
  paramsEnd: number
  /** First character of the definition (return type, storage class...). */
  startOffset: number
  /** Just past the `;`, `{` or `}` before the definition (the scan's floor if none): blanks to startOffset. */
  afterPrevious: number
  isStatic: boolean
}

/** `/\w/` on one character, by its code: a regex a character costs most of a header's reading. */
function isIdentChar(c: string | undefined): boolean {
  if (c === undefined) return false
  const k = c.charCodeAt(0)
  return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57) || k === 95
}

/** `/\s/` on one character: ASCII by its code, the Unicode spaces by the regex. */
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false
  const k = c.charCodeAt(0)
  return k === 32 || (k >= 9 && k <= 13) || (k > 127 && /\s/.test(c))
}

function skipSpaceBack(code: string, i: number): number {
  while (i >= 0 && isSpace(code[i])) i--
  return i
}

/** Offset of the `(` matching the `)` at `close`, or -1. */
function matchParenBack(code: string, close: number): number {
  let depth = 0
  for (let i = close; i >= 0; i--) {
    const c = code[i]
    if (c === ')') depth++
    else if (c === '(') {
      depth--
      if (depth === 0) return i
    } else if (c === ';' || c === '{' || c === '}') return -1
  }
  return -1
}

/** The identifier (or `a ## b` paste chain when `pasting`) ending at `end`. */
function nameBack(
  code: string,
  end: number,
  pasting: boolean
): { pieces: string[]; start: number } {
  const pieces: string[] = []
  let i = end
  for (;;) {
    let s = i
    while (s > 0 && isIdentChar(code[s - 1])) s--
    pieces.unshift(code.slice(s, i + 1))
    if (!pasting) return { pieces, start: s }
    const k = skipSpaceBack(code, s - 1)
    if (k < 1 || code[k] !== '#' || code[k - 1] !== '#') return { pieces, start: s }
    const prev = skipSpaceBack(code, k - 2)
    if (!isIdentChar(code[prev])) return { pieces, start: s }
    i = prev
  }
}

const BOUNDS = [';', '{', '}', '(', ')']
const NON_SPACE = /\S/g

/**
 * Start of the definition: just after the previous `;`, `{` or `}` outside parentheses (`after`),
 * then past the blanks. The scan jumps between those characters (a kernel definition is often
 * preceded by a long comment, blanked): it sees the same ones, in the same order, as a walk back.
 * Exported for the test that holds it to that walk.
 */
export function definitionStart(
  code: string,
  from: number,
  floor: number
): { after: number; start: number } {
  const last = BOUNDS.map(c => (from > 0 ? code.lastIndexOf(c, from - 1) : -1))
  let depth = 0
  let i = Math.min(from, floor) - 1
  for (;;) {
    let k = 0
    for (let j = 1; j < last.length; j++) if (last[j] > last[k]) k = j
    const at = last[k]
    if (at < floor) break
    const c = BOUNDS[k]
    if (c === ')') depth++
    else if (c === '(') depth--
    else if (depth <= 0) {
      i = at
      break
    }
    last[k] = at > 0 ? code.lastIndexOf(c, at - 1) : -1
  }
  const after = i + 1
  NON_SPACE.lastIndex = after
  const next = after < from ? NON_SPACE.exec(code) : null
  return { after, start: next && next.index < from ? next.index : from }
}

/**
 * The header of the definition whose body starts at `brace`, or null when the `{` does not follow
 * a parameter list (struct bodies, initialisers, statement blocks). `floor` bounds the backward
 * scan (the start of a macro body).
 */
export function readHeader(code: string, brace: number, pasting = false, floor = 0): Header | null {
  let i = skipSpaceBack(code, brace - 1)
  for (;;) {
    if (i < floor || code[i] !== ')') return null
    const open = matchParenBack(code, i)
    if (open < floor) return null
    const j = skipSpaceBack(code, open - 1)
    if (j >= floor && isIdentChar(code[j])) {
      const { pieces, start } = nameBack(code, j, pasting)
      const word = pieces.join('')
      if (NOT_CALLEES.has(word) || /^\d/.test(word)) return null
      const k = skipSpaceBack(code, start - 1)
      // `f(args) __unknown_annotation(x) {`: the group just read was an annotation.
      if (k >= floor && code[k] === ')' && !/^[A-Z0-9_]+$/.test(word)) {
        i = k
        continue
      }
      const { after, start: startOffset } = definitionStart(code, start, floor)
      return {
        pieces,
        nameOffset: start,
        paramsOpen: open,
        paramsEnd: i + 1,
        startOffset,
        afterPrevious: after,
        isStatic: /\bstatic\b/.test(code.slice(startOffset, start))
      }
    }
    if (j >= floor && code[j] === ')') {
      // `int (*f(void))(int) {`: a function returning a function pointer; its name is the first
      // identifier followed by a parameter list inside the parenthesised declarator.
      const innerOpen = matchParenBack(code, j)
      if (innerOpen < floor) return null
      const inner = code.slice(innerOpen, j + 1)
      const m = /([A-Za-z_]\w*)\s*\(/.exec(inner.slice(1))
      if (!m) return null
      const nameOffset = innerOpen + 1 + m.index
      const { after, start: startOffset } = definitionStart(code, innerOpen, floor)
      return {
        pieces: [m[1]],
        nameOffset,
        paramsOpen: open,
        paramsEnd: i + 1,
        startOffset,
        afterPrevious: after,
        isStatic: /\bstatic\b/.test(code.slice(startOffset, innerOpen))
      }
    }
    return null
  }
}

/** Top-level comma-separated arguments of the group `(`...`)` (trimmed, parentheses excluded). */
export function splitArgs(group: string): string[] {
  const inner = group.slice(1, -1)
  const args: string[] = []
  let depth = 0
  let cur = ''
  for (const c of inner) {
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    if (c === ',' && depth === 0) {
      args.push(cur.trim())
      cur = ''
    } else cur += c
  }
  if (cur.trim() !== '' || args.length > 0) args.push(cur.trim())
  return args
}
