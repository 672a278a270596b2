import { code, escapeMarkdown } from '../../../src/core/render/escape.js'

describe('escapeMarkdown', () => {
  it('neutralises HTML, table and Markdown syntax', () => {
    expect(escapeMarkdown('x</details><img src=x onerror=alert(1)>|')).toBe(
      'x&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;&#124;'
    )
    expect(escapeMarkdown('*a* _b_ [c](d) `e` ~f~ #g @h \\')).toBe(
      '&#42;a&#42; &#95;b&#95; &#91;c&#93;(d) &#96;e&#96; &#126;f&#126; &#35;g &#64;h &#92;'
    )
    expect(escapeMarkdown('a\nb\r\nc')).toBe('a b c')
    expect(escapeMarkdown('&lt;')).toBe('&amp;lt;')
  })

  it('wraps code in an element, not backticks', () => {
    expect(code('tcp_rcv_established')).toBe('<code>tcp&#95;rcv&#95;established</code>')
  })
})
