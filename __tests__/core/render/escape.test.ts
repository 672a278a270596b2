import {
  code,
  codeSpan,
  escapeMarkdown,
  escapeText,
  terminalSafe
} from '../../../src/core/render/escape.js'

describe('escapeMarkdown', () => {
  it('neutralises HTML, table and Markdown syntax', () => {
    expect(escapeMarkdown('x</details><img src=x onerror=alert(1)>|')).toBe(
      'x&lt;/details&gt;&lt;img src=x onerror=alert(1)&gt;&#124;'
    )
    expect(escapeMarkdown('*a* _b_ [c](d) `e` ~f~ #g @h \\')).toBe(
      '&#42;a&#42; &#95;b&#95; &#91;c&#93;(d) &#96;e&#96; &#126;f&#126; &#35;&#8203;g &#64;&#8203;h &#92;'
    )
    expect(escapeMarkdown('a\nb\r\nc')).toBe('a b c')
    expect(escapeMarkdown('&lt;')).toBe('&amp;lt;')
  })

  it('wraps code in an element, not backticks', () => {
    expect(code('tcp_rcv_established')).toBe('<code>tcp&#95;rcv&#95;established</code>')
  })
})

describe('hostile text', () => {
  it('breaks mentions and references outside code, which GitHub links after decoding entities', () => {
    expect(escapeMarkdown('@octocat #1')).toBe('&#64;&#8203;octocat &#35;&#8203;1')
    expect(code('@x#1')).toBe('<code>&#64;x&#35;1</code>')
  })

  it('escapes the dollar signs GitHub renders as math', () => {
    expect(escapeMarkdown('$x^2$ $$y$$')).toBe('&#36;x^2&#36; &#36;&#36;y&#36;&#36;')
    expect(code('$a$')).toBe('<code>&#36;a&#36;</code>')
  })

  it('shows control characters instead of passing CSI and OSC sequences on', () => {
    const osc52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007'
    expect(terminalSafe(`a${osc52}b\u001b[2Jc\rd\u009be\u202ef\tg\nh`)).toBe(
      'a\\x1b]52;c;ZWNobyBwd25lZA==\\x07b\\x1b[2Jc\\x0dd\\x9be\\u202ef\tg\nh'
    )
    expect(escapeMarkdown('x\u001b[31my')).toBe('x&#92;x1b&#91;31my')
    expect(terminalSafe('tcp_v4_rcv net/ipv4/tcp.c')).toBe('tcp_v4_rcv net/ipv4/tcp.c')
  })
})

describe('codeSpan and escapeText', () => {
  it('keeps names readable in backticks and falls back to <code> for anything else', () => {
    expect(codeSpan('__build_flow_key.constprop.0')).toBe('`__build_flow_key.constprop.0`')
    expect(codeSpan('net/ipv4/route.c:812')).toBe('`net/ipv4/route.c:812`')
    expect(codeSpan('a|b`c')).toBe('<code>a&#124;b&#96;c</code>')
  })

  it('escapes only what Markdown needs', () => {
    expect(escapeText('tcp_input.c calls __kfree_skb')).toBe('tcp_input.c calls \\_\\_kfree_skb')
    expect(escapeText('costs $5 and $6 [x](y) *a* <b> |')).toBe(
      'costs \\$5 and \\$6 \\[x\\](y) \\*a\\* &lt;b&gt; \\|'
    )
    // mentions and issue references go into code spans, where GitHub links neither
    expect(escapeText('ask @octocat about #123')).toBe('ask `@octocat` about `#123`')
    expect(escapeText('a#b e@mail &amp; & x')).toBe('a\\#b e@mail &amp;amp; & x')
    expect(escapeText('a\nb')).toBe('a b')
  })
})
