import { renderText, renderTextPieces } from '../../../src/core/render/text.js'
import type { Finding, Report } from '../../../src/core/model.js'
import {
  ambiguousReport,
  hostile,
  manyMissing,
  missingFunctions,
  reportOnly,
  reviewAndUnresolved
} from './reports.js'

/** Findings whose text has newline runs and trailing whitespace that a piece boundary can split. */
function whitespaceHeavy(): Report {
  const r = reportOnly()
  const findings: Finding[] = [
    { kind: 'build-flags', severity: 'warning', message: 'a\n\n\n\n\nb  \n\n\n' },
    { kind: 'build-flags', severity: 'info', message: 'tail \u000b\f \u2028\n\n\n\n' }
  ]
  return { ...r, findings }
}

describe('renderTextPieces', () => {
  const reports: Array<[string, () => Report]> = [
    ['missing', missingFunctions],
    ['review and unresolved', reviewAndUnresolved],
    ['many missing', manyMissing],
    ['hostile', hostile],
    ['ambiguous', ambiguousReport],
    ['whitespace', whitespaceHeavy]
  ]

  it.each(reports)('gives the whole text byte for byte in pieces of any size (%s)', (_, make) => {
    const report = make()
    for (const explain of [false, true]) {
      const whole = [...renderTextPieces(report, { explain }, Infinity)]
      expect(whole).toHaveLength(1)
      expect(renderText(report, { explain })).toBe(whole[0])
      for (const size of [1, 2, 3, 17, 200]) {
        const pieces = [...renderTextPieces(report, { explain }, size)]
        expect(pieces.join('')).toBe(whole[0])
        if (size === 1) expect(pieces.length).toBeGreaterThan(10)
      }
    }
  })

  it('squeezes newline runs and drops trailing whitespace as on the whole text', () => {
    const text = renderText(whitespaceHeavy())
    expect(text).not.toMatch(/\n{3}/)
    expect(text).toContain('a\n\nb  \n\n')
    expect(text.endsWith('\n')).toBe(true)
    expect(text).not.toMatch(/\s\n$/)
  })
})
