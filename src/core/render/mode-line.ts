import type { Report } from '../model.js'
import { plural } from './view.js'

/**
 * Which mode ran, in one line: exact (the patched build compared) or predicted from dumps. Said only
 * in exact mode, so that a report without a patched build reads exactly as it did before it existed.
 */
export function modeLine(report: Report): string | undefined {
  const e = report.exact
  if (!e) return undefined
  const what =
    e.objectsCompared > 0
      ? `${plural(e.objectsCompared, 'object')} compared`
      : `post-fix dumps of ${plural(e.graphsCompared, 'TU')} compared`
  const counts = [
    `${e.confirmed} confirmed`,
    `${e.found} found (not predicted)`,
    `${e.unchanged} unchanged`,
    `${e.lineOnly} line-only`,
    `${e.predicted} predicted only`
  ]
  return `exact: ${what} (not predicted from dumps alone); ${counts.join(', ')}`
}
