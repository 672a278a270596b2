import type { DeclaredFunction, Finding } from '../model.js'
import {
  ANY_OBJECT,
  isObjectName,
  isSymbolName,
  normalizeObject,
  parseSympos,
  unparsed
} from './names.js'

export interface LineResult {
  declared: DeclaredFunction[]
  findings: Finding[]
}

/** `name[,sympos]`, shared by both line formats. */
function symbolWithPos(text: string): { name: string; sympos?: number } | undefined {
  const [name, pos, ...rest] = text.split(',')
  if (rest.length > 0 || !isSymbolName(name)) return undefined
  if (pos === undefined) return { name }
  const p = parseSympos(pos)
  if (p === 'invalid') return undefined
  return p === undefined ? { name } : { name, sympos: p }
}

function* contentLines(text: string): Generator<{ line: number; text: string }> {
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const hash = lines[i].indexOf('#')
    const body = (hash >= 0 ? lines[i].slice(0, hash) : lines[i]).trim()
    if (body !== '') yield { line: i + 1, text: body }
  }
}

/**
 * SUSE kernel-livepatch `patched_funcs.csv`: `obj old_func[,sympos] new_func [cpp condition]`,
 * whitespace separated; the condition is the rest of the line and may itself contain spaces.
 * A missing `new_func` is tolerated: only the patched symbol matters here.
 */
export function readSuseCsv(file: string, text: string): LineResult {
  const out: LineResult = { declared: [], findings: [] }
  const rejected: Rejected[] = []
  for (const { line, text: body } of contentLines(text)) {
    const [obj, sym, newFunc, ...cond] = body.split(/\s+/)
    const parsed = sym === undefined ? undefined : symbolWithPos(sym)
    if (!parsed || !isObjectName(obj) || obj === ANY_OBJECT) {
      rejected.push({ line, body })
      continue
    }
    const decl: DeclaredFunction = {
      object: normalizeObject(obj),
      ...parsed,
      source: `${file}:${line}`
    }
    if (newFunc !== undefined) decl.newName = newFunc
    if (cond.length > 0) decl.condition = cond.join(' ')
    out.declared.push(decl)
  }
  return reportRejected(out, file, rejected, 'patched_funcs.csv line')
}

/**
 * Plain list: `[object:]function[,sympos]` per line. Without an object the entry matches the
 * function in any object (`*`): guessing `vmlinux` would hide module functions as missing.
 */
export function readPlainList(file: string, text: string): LineResult {
  const out: LineResult = { declared: [], findings: [] }
  const rejected: Rejected[] = []
  for (const { line, text: body } of contentLines(text)) {
    const colon = body.indexOf(':')
    const obj = colon >= 0 ? body.slice(0, colon).trim() : ANY_OBJECT
    const parsed = symbolWithPos((colon >= 0 ? body.slice(colon + 1) : body).trim())
    if (!parsed || !isObjectName(obj)) {
      rejected.push({ line, body })
      continue
    }
    out.declared.push({ object: normalizeObject(obj), ...parsed, source: `${file}:${line}` })
  }
  return reportRejected(out, file, rejected, 'declaration line')
}

interface Rejected {
  line: number
  body: string
}

/** Declaration lines are short (`object function,sympos`); a longer one is named, not quoted. */
const MAX_QUOTED = 80

/**
 * One finding per line not understood. Its text is quoted only when the file is a declaration
 * file (some line of it declares a function) and the line is short: a file that parses as
 * nothing may be anything the PR pointed at (a credentials file behind a symlink, a binary), and a
 * prefix of a long line is where a token sits.
 */
function reportRejected(
  out: LineResult,
  file: string,
  rejected: Rejected[],
  what: string
): LineResult {
  const quote = out.declared.length > 0
  for (const { line, body } of rejected) {
    const shown = !quote
      ? 'not quoted, since no line of the file declares a function'
      : body.length > MAX_QUOTED
        ? `a line of ${body.length} characters, not quoted`
        : body
    out.findings.push(unparsed(file, line, `${what} not understood: ${shown}`))
  }
  return out
}
