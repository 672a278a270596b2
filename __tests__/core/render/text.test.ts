import { renderText } from '../../../src/core/render/text.js'
import { expectOutput } from './outputs.js'
import { missingFunctions, reportOnly, reviewAndUnresolved } from './reports.js'

describe('renderText', () => {
  it('draws one chain tree per changed function with aligned statuses', () => {
    const text = renderText(missingFunctions())
    const lines = text.split('\n')
    expect(lines[0]).toBe('klp-affected 0.1.0: FAIL')
    const start = lines.findIndex(l => l.startsWith('skb_release_data (net/core/skbuff.c)'))
    expect(lines.slice(start, start + 5)).toEqual([
      'skb_release_data (net/core/skbuff.c) modified                    covered',
      '  -> inlined into skb_release_all [vmlinux]                      inlined away (no symbol)',
      '     -> inlined into __kfree_skb [vmlinux]                       MISSING',
      '  -> cloned as skb_release_data.constprop.0 (constprop) [vmlinux] MISSING',
      ''
    ])
    expect(text).toContain('tcp_validate_incoming (net/ipv4/tcp_input.c) modified')
    expect(text).toMatch(/Unresolved|Info \(1\):/)
    expect(text).toContain('Extra declarations, not affected in any dump set (2):')
    expectOutput('missing.txt', text)
  })

  it('shows per-set statuses when the sets disagree', () => {
    const text = renderText(reviewAndUnresolved())
    expect(text).toContain('-> cloned as skb_release_data.constprop.0 (constprop) [vmlinux]')
    expect(text).toMatch(/covered \(x86_64\)\n/)
    expect(text).toContain('Unresolved (2):')
    expectOutput('review-unresolved.txt', text)
  })

  it('says missing is not judged without a declaration', () => {
    const text = renderText(reportOnly())
    expect(text).toContain('no livepatch declaration given')
    expect(text).toContain('Must patch (5):')
    expect(text).toContain('must patch')
  })
})
