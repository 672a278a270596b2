import { byteLength } from '../../../src/core/render/escape.js'
import { renderMarkdown } from '../../../src/core/render/markdown.js'
import { expectOutput } from './outputs.js'
import {
  HOSTILE,
  cleanPass,
  hostile,
  manyMissing,
  missingFunctions,
  reportOnly,
  reviewAndUnresolved
} from './reports.js'

const MARKER = '<!-- klp-affected:x86_64 -->'
const HINT = 'Full report in the job summary / report artifact.'

/** Unescaped pipes of a table row, i.e. its cell borders. */
const borders = (row: string): number => (row.match(/\|/g) ?? []).length

describe('renderMarkdown', () => {
  it('renders a clean pass', () => {
    const md = renderMarkdown(cleanPass(), { marker: MARKER })
    expect(md.startsWith(`${MARKER}\n`)).toBe(true)
    expect(md).toContain('✅ **pass** · 0 missing')
    expectOutput('clean-pass.md', md)
  })

  it('renders missing functions with their chains, extras and inlined-away declarations', () => {
    const report = missingFunctions()
    expect(report.result).toBe('fail')
    const md = renderMarkdown(report, { marker: MARKER, title: 'Livepatch coverage (x86_64)' })
    expect(md).toContain('#### Missing functions (3)')
    expect(md).toContain('#### Extra declarations (2)')
    expect(md).toContain('#### Declared but inlined away (1)')
    // the chain of __kfree_skb goes through a removed container
    expect(md).toContain(
      'inlined into <code>skb&#95;release&#95;all</code> → inlined into <code>&#95;&#95;kfree&#95;skb</code>'
    )
    expectOutput('missing.md', md)
  })

  it('renders review tier and unresolved findings over two sets', () => {
    const md = renderMarkdown(reviewAndUnresolved(), { marker: MARKER })
    expect(md).toContain('#### Review (2)')
    expect(md).toContain('#### Unresolved (2)')
    expect(md).toContain('<code>livepatch/livepatch&#95;main.c:52</code>')
    expectOutput('review-unresolved.md', md)
  })

  it('renders a report without declaration as the list to patch', () => {
    const md = renderMarkdown(reportOnly())
    expect(md).toContain('#### Functions to patch (5)')
    expect(md).toContain('are not judged')
    expectOutput('report-only.md', md)
  })

  it('cuts at whole rows under maxLength and says where the rest is', () => {
    const full = renderMarkdown(manyMissing(), { marker: MARKER })
    const md = renderMarkdown(manyMissing(), {
      marker: MARKER,
      maxLength: 4000,
      fullReportHint: HINT
    })
    expect(byteLength(full)).toBeGreaterThan(4000)
    expect(byteLength(md)).toBeLessThanOrEqual(4000)
    expect(md.startsWith(MARKER)).toBe(true)
    expect(md).toContain('❌ **fail** · 60 missing')
    expect(md).toContain('Full report in the job summary / report artifact.')
    expect(md).toMatch(/… and \d+ missing functions not shown/)
    const rows = md.split('\n').filter(l => l.startsWith('| <code>'))
    expect(rows.length).toBeGreaterThan(3)
    for (const row of rows) expect(row.endsWith('</details> |')).toBe(true)
    expect(md).not.toContain('Other findings')
    expectOutput('truncated.md', md)
  })

  it('never exceeds maxLength, even when only the marker fits', () => {
    for (const max of [10_000, 3000, 600, 300, 40, 10]) {
      const md = renderMarkdown(manyMissing(), {
        marker: MARKER,
        maxLength: max,
        fullReportHint: HINT
      })
      expect(byteLength(md)).toBeLessThanOrEqual(max)
      expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length)
    }
    expect(renderMarkdown(manyMissing(), { marker: MARKER, maxLength: 40 })).toBe(`${MARKER}\n`)
  })

  it('escapes hostile names, paths and messages', () => {
    const md = renderMarkdown(hostile(), { marker: 'klp-affected:x86 --> <b>' })
    expect(md.split('\n')[0]).toBe('<!-- klp-affected:x86 - b -->')
    expect(md).not.toMatch(/<img|<script|<b>|\]\(|`|~~|\*\*bold|@octocat/)
    expect(md).toContain('x&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;&#124;2')
    // only the renderer's own details elements, balanced
    const opened = (md.match(/<details>/g) ?? []).length
    expect((md.match(/<\/details>/g) ?? []).length).toBe(opened)
    // the message's newlines and pipes cannot add rows or a second marker
    expect(md).not.toMatch(/^\| injected/m)
    expect((md.match(/<!--/g) ?? []).length).toBe(1)
    const rows = md.split('\n').filter(l => l.startsWith('| <code>'))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect([5, 6, 8]).toContain(borders(row))
    expect(md).toContain(HOSTILE.replace('<', '&lt;').slice(0, 6))
  })
})
