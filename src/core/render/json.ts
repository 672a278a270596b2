import type { Report } from '../model.js'

/** Top-level order as documented in docs/report-schema.json: verdict first, detail after. */
const TOP_LEVEL: Array<keyof Report> = [
  'schemaVersion',
  'tool',
  'result',
  'reasons',
  'policy',
  'sets',
  'changed',
  'affected',
  'coverage',
  'findings'
]

/**
 * Stable JSON: fixed top-level order, nested keys sorted, arrays as given (the engine sorts them),
 * so two runs over the same inputs give byte-identical files that diff cleanly.
 */
export function renderJson(report: Report): string {
  let out = ''
  for (const piece of renderJsonPieces(report)) out += piece
  return out
}

/**
 * Below V8's large-object size (128 KB): a larger piece, flattened for the write, is allocated
 * straight into the old generation, and a 134 MB report's pieces then grew the heap by as much
 * before a full collection freed them; smaller ones die young.
 */
const PIECE = 1 << 16

/**
 * `renderJson`'s text in pieces of about `size` characters, one array element at a time: a header
 * inline's report at distribution scale (230,000 entries) was a 134 MB string plus a sorted copy of
 * the whole report, on top of the report itself. Byte for byte what `JSON.stringify(x, null, 2)`
 * of the sorted report gives: a nested value is its own stringification with every line break
 * indented by its depth (JSON strings never hold a raw line break).
 */
export function* renderJsonPieces(report: Report, size = PIECE): Generator<string> {
  const keys = [...TOP_LEVEL]
  for (const key of Object.keys(report).sort())
    if (!keys.includes(key as keyof Report)) keys.push(key as keyof Report)
  const fields = keys
    .map(key => [key, (report as unknown as Record<string, unknown>)[key]] as const)
    .filter(([, value]) => stringifies(value))
  let out = '{'
  for (const [n, [key, value]] of fields.entries()) {
    out += `${n === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `
    if (!Array.isArray(value) || value.length === 0) {
      out += nested(value, '\n  ')
      continue
    }
    out += '['
    for (const [k, element] of (value as unknown[]).entries()) {
      out += `${k === 0 ? '' : ','}\n    ${nested(element, '\n    ')}`
      if (out.length >= size) {
        yield out
        out = ''
      }
    }
    out += '\n  ]'
  }
  yield `${out}${fields.length === 0 ? '}' : '\n}'}\n`
}

/** JSON.stringify leaves out an object's key whose value is one of these. */
function stringifies(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol'
}

function nested(value: unknown, indent: string): string {
  const text = stringifies(value) ? JSON.stringify(sortKeys(value), null, 2) : 'null'
  return text.includes('\n') ? text.replace(/\n/g, indent) : text
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  const obj = value as Record<string, unknown>
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] !== undefined) out[k] = sortKeys(obj[k])
  }
  return out
}
