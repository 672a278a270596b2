/**
 * Characters that could start Markdown syntax, close or open HTML, split a table cell or mention
 * someone become HTML entities. Entities (not backslashes) because the same text lands in table
 * cells, list items and raw HTML blocks such as `<details>`, where backslash escapes are not
 * honoured.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '~': '&#126;',
  '#': '&#35;',
  '@': '&#64;',
  // GitHub renders `$...$` and `$$...$$` as math.
  $: '&#36;'
}

const SPECIAL = /[&<>"'|`*_[\]\\~#@$]/g

/**
 * GitHub decodes entities before it links mentions and references, so `&#64;octocat` still pings
 * and `&#35;1` still links: outside code a zero-width space after the sign breaks both (the way
 * Dependabot quotes release notes). Inside `<code>` nothing is linked and the name stays copyable.
 */
const LINK_SIGN = /&#(?:35|64);/g

/** Escapes text for Markdown and inline HTML; newlines become spaces so a value stays on its line. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(LINK_SIGN, sign => `${sign}&#8203;`)
}

function escapeInline(text: string): string {
  return terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')).replace(
    SPECIAL,
    c => ENTITIES[c]
  )
}

/**
 * Inline code that is safe anywhere: a `<code>` element with escaped content, because a backtick
 * span would show entities literally and cannot be escaped for every content.
 */
export function code(text: string): string {
  return `<code>${escapeInline(text)}</code>`
}

/**
 * C0 and C1 controls other than tab and newline, DEL, and the bidirectional overrides. Dump names,
 * paths and quoted lines come from untrusted artifacts and PRs: a CSI or OSC sequence (OSC 52 writes
 * the clipboard) must not reach a terminal or a CI log, nor a `\r` overwrite what was printed, nor a
 * bidi override reorder a line.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Text for a terminal or a log: each control character becomes its visible `\xHH`/`\uHHHH` form. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, c => {
    const n = c.charCodeAt(0)
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16)}`
  })
}

/** GitHub limits comment bodies in characters and job summaries in bytes: UTF-8 bytes bound both. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length
}

/**
 * Names and paths that need no escaping inside a backtick span (identifiers, clone suffixes,
 * `file:line`, `obj:sym,pos`). Anything else falls back to `code()`: a backtick span cannot hold
 * every content, and GFM splits table cells on `|` even inside spans.
 */
const PLAIN_CODE = /^[\w./+:,=-]+( [\w./+:,=-]+)*$/

/** Inline code as readers and email clients want it: a backtick span, `<code>` only when needed. */
export function codeSpan(text: string): string {
  return PLAIN_CODE.test(text) ? `\`${text}\`` : code(text)
}

/**
 * Prose for Markdown: newlines become spaces, and only what could change the rendering is
 * touched. Backslash escapes for syntax characters (`\*`, `\[`, `\$` for math); `_` only where it
 * could open or close emphasis, so `tcp_input.c` stays readable in notification emails; HTML
 * characters as entities; `@user` and `#123` in backticks, where GitHub links no mention or issue.
 */
export function escapeText(text: string): string {
  const flat = terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
  let out = ''
  for (const part of flat.split(/((?:^|(?<=[^\w]))[@#]\w[\w./-]*)/)) {
    if (/^[@#]\w/.test(part)) {
      out += PLAIN_CODE.test(part.slice(1)) ? `\`${part}\`` : escapeProse(part)
    } else {
      out += escapeProse(part)
    }
  }
  return out
}

function escapeProse(text: string): string {
  return text.replace(/[\\`*[\]|~$<>&#]|_+/g, (m, offset: number) => {
    if (m[0] === '_') {
      const before = text[offset - 1] ?? ''
      const after = text[offset + m.length] ?? ''
      return /\w/.test(before) && /\w/.test(after) ? m : m.replace(/_/g, '\\_')
    }
    if (m === '<') return '&lt;'
    if (m === '>') return '&gt;'
    if (m === '&') return /^&(#\d|#x|[a-z])/i.test(text.slice(offset)) ? '&amp;' : '&'
    return `\\${m}`
  })
}
