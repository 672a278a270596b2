import type { Report } from '../../../src/core/model.js'
import { renderJson } from '../../../src/core/render/json.js'
import { renderMarkdown } from '../../../src/core/render/markdown.js'
import { renderText } from '../../../src/core/render/text.js'
import { ambiguousReport } from './reports.js'

describe('ambiguous old_sympos in the renderers', () => {
  it('text lists it with its reason', () => {
    const text = renderText(ambiguousReport())
    expect(text).toMatch(/Ambiguous: declared without the right old_sympos.*\(1\):/)
    expect(text).toContain('is declared without old_sympos, but two <b>copies</b>')
    expect(text).toContain('1 ambiguous')
    expect(text).toContain('AMBIGUOUS SYMPOS')
  })

  it('markdown lists it, escaped', () => {
    const md = renderMarkdown(ambiguousReport())
    expect(md).toContain('#### Ambiguous `old_sympos` (1)')
    expect(md).toContain('1 ambiguous')
    expect(md).not.toContain('<b>copies</b>')
  })

  it('json keeps it as the model has it', () => {
    const json = JSON.parse(renderJson(ambiguousReport())) as Report
    expect(json.coverage?.ambiguous?.[0]).toMatchObject({ reason: 'no-sympos', candidates: [2] })
  })
})
