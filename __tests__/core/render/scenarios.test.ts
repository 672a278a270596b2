import { renderMarkdown } from '../../../src/core/render/markdown.js'
import { expectOutput } from './outputs.js'
import { affected, changed, dumpSet, makeReport } from './reports.js'
import { groupedMissing, heldLayoutChange, layoutChange, routeFlowKey } from './scenarios.js'
import { renderText } from '../../../src/core/render/text.js'

const MARKER = '<!-- klp-affected:default -->'
const FOOTER = { commit: '3f9c2d41e0b7a5c6', runUrl: 'https://github.com/acme/klp/actions/runs/42' }

describe('rendered scenarios', () => {
  it('the route fix: chains read back to the changed function, sympos only where needed, csv snippet', () => {
    const md = renderMarkdown(routeFlowKey(), { marker: MARKER, ...FOOTER })
    expect(md).toContain(
      '| `ip_do_redirect` | `vmlinux` |   | ← inlined `__build_flow_key.constprop.0` ← clone of `__build_flow_key` (changed) |'
    )
    expect(md).toContain('| `vti_err` | `ip_vti` | 2 |')
    expect(md).toContain('<details><summary>Declarations to add (patched_funcs.csv)</summary>')
    expect(md).toContain('ip_vti vti_err,2 klpp_vti_err')
    expect(md).toContain('vmlinux __build_flow_key.constprop.0 klpp___build_flow_key_constprop_0')
    expectOutput('route-flow-key.md', md)
  })

  it('a layout change says it cannot be livepatched as it is, before anything else', () => {
    const md = renderMarkdown(layoutChange(), { marker: MARKER, ...FOOTER })
    expect(md).toContain(
      "❌ **fail** — This fix changes `struct net_device`'s layout: it cannot be livepatched as it is."
    )
    expect(md).toContain('<details><summary>Layout (4)</summary>')
    expectOutput('layout.md', md)
  })

  it('names the type the fix reshapes, and the types holding it on one line after it', () => {
    const report = heldLayoutChange()
    const md = renderMarkdown(report, { marker: MARKER, ...FOOTER })
    expect(md).toContain(
      "❌ **fail** — This fix changes `struct device`'s layout: it cannot be livepatched as it is."
    )
    const items = md.split('\n').filter(l => l.startsWith('- **type-change**'))
    expect(items).toHaveLength(2)
    expect(items[0]).toMatch(/^- \*\*type-change\*\* `include\/linux\/device.h:672`/)
    expect(items[1]).toContain(
      '14 types hold a reshaped type by value, so their layouts change with it (unresolved, each): `struct holder_00`'
    )
    expect(items[1]).toContain('`struct holder_11` and 2 more.')
    // The text report too; the JSON keeps every finding.
    const text = renderText(report)
    expect(text).toContain('type-change: 14 types hold a reshaped type by value')
    expect(text.match(/holds struct device/g)).toBeNull()
    expect(report.findings).toHaveLength(15)
  })

  it('many missing functions from several changed functions are grouped', () => {
    const md = renderMarkdown(groupedMissing(), { marker: MARKER, ...FOOTER })
    expect(md).toContain('From `tcp_gso_segment` (5):')
    expect(md.match(/\| Function \| Object \| Why \|/g)).toHaveLength(3)
    expectOutput('grouped.md', md)
  })

  it('functions that are each their own group share one table after the real groups', () => {
    // A header's layout change: hundreds of functions changed themselves, a few with containers.
    const own = Array.from({ length: 12 }, (_, i) => `user_${String(i).padStart(2, '0')}`)
    const md = renderMarkdown(
      makeReport({
        sets: [dumpSet('x86_64')],
        changed: [...own, 'sff_intr'].map((n, i) => changed(n, 'drivers/ata/x.c', 10 * (i + 1))),
        affected: [
          ...own.map(n => affected(n, 'drivers/ata/x.c', [])),
          affected('sff_intr', 'drivers/ata/x.c', [['inlined-into', 'bmdma_intr']]),
          affected('sff_intr', 'drivers/ata/x.c', [['inlined-into', 'sff_intr_all']])
        ],
        declared: []
      }),
      { marker: MARKER, ...FOOTER }
    )
    expect(md.match(/^From .*$/gm)).toEqual([
      'From `sff_intr` (2):',
      'From other functions, one each (12):'
    ])
    expect(md.match(/\| Function \| Object \| Why \|/g)).toHaveLength(2)
    expect(md).toContain('| `user_11` | `vmlinux` | changed by the fix |')
  })
})
