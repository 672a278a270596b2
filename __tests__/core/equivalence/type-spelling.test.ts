import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { mapChanges } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'
import {
  canonicalTypeSpelling,
  sameTypeSpelling
} from '../../../src/core/equivalence/type-spelling.js'
import { compareShapes, shapeOf } from '../../../src/core/impact/type-shape.js'

describe('sameTypeSpelling', () => {
  it('equates the fixed-width typedefs with their base types and drops sparse annotations', () => {
    expect(
      sameTypeSpelling(
        'static int pty_write(struct tty_struct *tty, const unsigned char *buf, int c)',
        'static int pty_write(struct tty_struct *tty, const u8 *buf, int c)'
      )
    ).toBe(true)
    expect(sameTypeSpelling('struct sock *nlsk;', 'struct sock __rcu *nlsk;')).toBe(true)
    expect(
      sameTypeSpelling('unsigned x; long int y; __le32 z;', 'unsigned int x; long y; u32 z;')
    ).toBe(true)
    expect(sameTypeSpelling('unsigned\nint x;', 'unsigned int x;')).toBe(true)
    // Identifiers that name Object's own properties are plain identifiers (netdevice.h crashed).
    expect(sameTypeSpelling('x.constructor = toString;', 'x.constructor = toString;')).toBe(true)
    expect(sameTypeSpelling('hasOwnProperty(u8);', 'hasOwnProperty(unsigned char);')).toBe(true)
  })

  it('keeps types that differ apart, and literals as written', () => {
    // Same size, different types: _Generic and typeof tell them apart.
    expect(sameTypeSpelling('u64 x;', 'unsigned long x;')).toBe(false)
    expect(sameTypeSpelling('char c;', 's8 c;')).toBe(false)
    expect(sameTypeSpelling('u8 c;', 'u16 c;')).toBe(false)
    // __user is an attribute under the structleak plugin: not dropped.
    expect(sameTypeSpelling('char __user *p;', 'char *p;')).toBe(false)
    expect(sameTypeSpelling('pr_info("u8");', 'pr_info("unsigned char");')).toBe(false)
    // Tokens, not characters: the same five characters, other operators.
    expect(sameTypeSpelling('return a + ++b;', 'return a++ + b;')).toBe(false)
    expect(sameTypeSpelling('x = a - -b;', 'x = a-- - b;')).toBe(false)
    expect(sameTypeSpelling('return a+++b;', 'return a++ + b;')).toBe(true)
  })

  it('does not judge stringified or pasted spellings, nor include paths', () => {
    expect(canonicalTypeSpelling('#define NAME(t) #t')).toBeUndefined()
    expect(canonicalTypeSpelling('#define CAT(a, b) a##b')).toBeUndefined()
    expect(sameTypeSpelling('#include <linux/u8.h>', '#include <linux/unsigned char.h>')).toBe(
      false
    )
    expect(sameTypeSpelling('#define W u8', '#define W unsigned char')).toBe(true)
    expect(sameTypeSpelling('#define W u8\nint x;', '#define W unsigned char int x;')).toBe(false)
  })
})

describe('same-type-spelling hunks', () => {
  let parser: Parser
  beforeAll(async () => {
    parser = await loadCParser()
  })

  const pre = [
    'static int pty_write(struct tty_struct *tty, const unsigned char *buf, int c)',
    '{',
    '\treturn c + buf[0];',
    '}',
    '',
    'static int pty_room(struct tty_struct *tty)',
    '{',
    '\treturn 0;',
    '}',
    ''
  ].join('\n')

  function mapped(diff: string): ReturnType<typeof mapChanges> {
    const [f] = parsePatch(diff, 1).files
    return mapChanges(parser, [
      { patch: f, path: 'drivers/tty/pty.c', oldText: pre, newText: null }
    ])
  }

  it('reports a parameter respelled from unsigned char to u8 as info, not a changed function', () => {
    const { changed, findings } = mapped(
      [
        '--- a/drivers/tty/pty.c',
        '+++ b/drivers/tty/pty.c',
        '@@ -1,3 +1,3 @@',
        '-static int pty_write(struct tty_struct *tty, const unsigned char *buf, int c)',
        '+static int pty_write(struct tty_struct *tty, const u8 *buf, int c)',
        ' {',
        ' \treturn c + buf[0];',
        ''
      ].join('\n')
    )
    expect(changed).toEqual([])
    expect(findings.map(f => [f.kind, f.severity])).toEqual([['same-type-spelling', 'info']])
  })

  it('still reports a parameter whose type really changes', () => {
    const { changed, findings } = mapped(
      [
        '--- a/drivers/tty/pty.c',
        '+++ b/drivers/tty/pty.c',
        '@@ -1,3 +1,3 @@',
        '-static int pty_write(struct tty_struct *tty, const unsigned char *buf, int c)',
        '+static int pty_write(struct tty_struct *tty, const u16 *buf, int c)',
        ' {',
        ' \treturn c + buf[0];',
        ''
      ].join('\n')
    )
    expect(changed.map(c => c.name)).toEqual(['pty_write'])
    expect(findings.some(f => f.kind === 'same-type-spelling')).toBe(false)
  })
})

describe('struct members compared by canonical spelling', () => {
  it('keeps a struct whose member only gains __rcu, or whose op respells a parameter, the same', () => {
    const before = shapeOf(
      'struct x { struct sock *nlsk; int (*write)(const unsigned char *b); long n; };'
    )
    const after = shapeOf(
      'struct x { struct sock __rcu *nlsk; int (*write)(const u8 *b); long n; };'
    )
    expect(compareShapes(before, after).kind).toBe('same')
  })

  it('still moves the members after a resized one', () => {
    const before = shapeOf('struct x { u8 a; u32 b; };')
    const after = shapeOf('struct x { u16 a; u32 b; };')
    expect(compareShapes(before, after)).toMatchObject({ kind: 'moved', moved: ['a', 'b'] })
  })
})
