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
  for (const { line, text: body } of contentLines(text)) {
    const [obj, sym, newFunc, ...cond] = body.split(/\s+/)
    const parsed = sym === undefined ? undefined : symbolWithPos(sym)
    if (!parsed || !isObjectName(obj) || obj === ANY_OBJECT) {
      out.findings.push(
        unparsed(file, line, `patched_funcs.csv line not understood: ${clip(body)}`)
      )
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
  return out
}

/**
 * Plain list: `[object:]function[,sympos]` per line. Without an object the entry matches the
 * function in any object (`*`): guessing `vmlinux` would hide module functions as missing.
 */
export function readPlainList(file: string, text: string): LineResult {
  const out: LineResult = { declared: [], findings: [] }
  for (const { line, text: body } of contentLines(text)) {
    const colon = body.indexOf(':')
    const obj = colon >= 0 ? body.slice(0, colon).trim() : ANY_OBJECT
    const parsed = symbolWithPos((colon >= 0 ? body.slice(colon + 1) : body).trim())
    if (!parsed || !isObjectName(obj)) {
      out.findings.push(unparsed(file, line, `declaration line not understood: ${clip(body)}`))
      continue
    }
    out.declared.push({ object: normalizeObject(obj), ...parsed, source: `${file}:${line}` })
  }
  return out
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}
