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
    expect(md).toContain('✅ **pass** — The livepatch declares every function this fix requires.')
    expectOutput('clean-pass.md', md)
  })

  it('renders missing functions with their chains, extras and inlined-away declarations', () => {
    const report = missingFunctions()
    expect(report.result).toBe('fail')
    const md = renderMarkdown(report, {
      marker: MARKER,
      title: 'Livepatch coverage (x86_64)',
      commit: '0123456789abcdef',
      runUrl: 'https://github.com/o/r/actions/runs/1'
    })
    expect(md.split('\n')[4]).toBe('❌ **fail** — Add these 3 functions to the livepatch.')
    expect(md).toContain('#### Missing (3)')
    expect(md).toContain('<details><summary>Extra (2)</summary>')
    expect(md).toContain('<details><summary>Declared but inlined away (1)</summary>')
    // the chain of __kfree_skb goes through a removed container, read back to the changed function
    expect(md).toContain(
      '| `__kfree_skb` | `vmlinux` | ← inlined `skb_release_all` ← inlined `skb_release_data` (changed) |'
    )
    // no entity where a code span does: notification emails show the source
    expect(md).not.toContain('&#95;')
    // the snippet in the format the livepatch uses, collapsed
    expect(md).toContain('<details><summary>Declarations to add (klp_func)</summary>')
    expect(md).toContain(
      '\t{ .old_name = "skb_release_data.constprop.0", .new_func = livepatch_skb_release_data_constprop_0 },'
    )
    expect(md).toContain('`0123456789ab`')
    expect(md).toContain('[run](https://github.com/o/r/actions/runs/1)')
    expectOutput('missing.md', md)
  })

  it('renders review tier and unresolved findings over two sets', () => {
    const md = renderMarkdown(reviewAndUnresolved(), { marker: MARKER })
    expect(md).toContain('<details><summary>Review (2)</summary>')
    expect(md).toContain('<details><summary>Unresolved (2)</summary>')
    expect(md).toContain('`livepatch/livepatch_main.c:52`')
    expectOutput('review-unresolved.md', md)
  })

  it('renders a report without declaration as the list to patch', () => {
    const md = renderMarkdown(reportOnly())
    expect(md).toContain('#### To patch (5)')
    expect(md).toContain('The livepatch must replace these 5 functions')
    expectOutput('report-only.md', md)
  })

  it('cuts at whole rows under maxLength and says where the rest is', () => {
    const full = renderMarkdown(manyMissing(), { marker: MARKER })
    const md = renderMarkdown(manyMissing(), {
      marker: MARKER,
      maxLength: 4000,
      fullReportHint: HINT,
      fullReportUrl: 'https://github.com/o/r/actions/runs/1'
    })
    expect(byteLength(full)).toBeGreaterThan(4000)
    expect(byteLength(md)).toBeLessThanOrEqual(4000)
    expect(md.startsWith(MARKER)).toBe(true)
    expect(md).toContain('❌ **fail** — Add these 60 functions to the livepatch.')
    // the link renders as a link, and the note names what went, least important first
    expect(md).toContain(`[${HINT}](https://github.com/o/r/actions/runs/1)`)
    expect(md).toMatch(/… and \d+ more not shown/)
    expect(md).toMatch(
      /_Left out for length: Missing \(60\): \d+ of 60 rows, Declarations to add, Other findings \(1\)\./
    )
    const rows = md.split('\n').filter(l => l.startsWith('| `'))
    expect(rows.length).toBeGreaterThan(3)
    for (const row of rows) expect(row.endsWith('(changed) |')).toBe(true)
    expect(md).not.toContain('<summary>Other findings')
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
    expect(md).not.toMatch(/<img|<script|<b>|\]\(|~~|\*\*bold|[^`]@octocat/)
    // backtick spans hold only plain names; anything else is an escaped <code> element
    for (const span of md.match(/`[^`]*`/g) ?? []) expect(span).toMatch(/^`[@\w./+:,=-]+`$/)
    expect(md).toContain('x&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;&#124;2')
    // only the renderer's own details elements, balanced
    const opened = (md.match(/<details>/g) ?? []).length
    expect((md.match(/<\/details>/g) ?? []).length).toBe(opened)
    // the message's newlines and pipes cannot add rows or a second marker
    expect(md).not.toMatch(/^\| injected/m)
    expect((md.match(/<!--/g) ?? []).length).toBe(1)
    const rows = md.split('\n').filter(l => l.startsWith('| <code>'))
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(borders(row)).toBe(5)
    expect(md).toContain(HOSTILE.replace('<', '&lt;').slice(0, 6))
  })
})
