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
  const ordered: Record<string, unknown> = {}
  for (const key of TOP_LEVEL) ordered[key] = sortKeys(report[key])
  for (const key of Object.keys(report).sort()) {
    if (!(key in ordered))
      ordered[key] = sortKeys((report as unknown as Record<string, unknown>)[key])
  }
  return `${JSON.stringify(ordered, null, 2)}\n`
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
