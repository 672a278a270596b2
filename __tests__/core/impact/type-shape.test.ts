import { compareShapes, shapeOf } from '../../../src/core/impact/type-shape.js'
import { Units } from '../../../src/core/impact/units.js'
import { HeaderDeps } from '../../../src/core/impact/deps.js'

const change = (a: string, b: string): ReturnType<typeof compareShapes> =>
  compareShapes(shapeOf(a), shapeOf(b))

describe('type shapes', () => {
  it('reads members of every declarator form', () => {
    const s = shapeOf(
      'struct s { int a, b[4]; unsigned f : 3; int (*fn)(int x); union { long u1; char *u2; }; struct { int i; } named; }'
    )
    expect(s.kind === 'struct' && s.members.map(m => m.names)).toEqual([
      ['a', 'b'],
      ['f'],
      ['fn'],
      ['u1', 'u2'],
      ['i', 'named']
    ])
  })

  it('names a member a macro declares by the argument that names it, an unnamed bitfield nothing', () => {
    const s = shapeOf(
      'struct s { DECLARE_BITMAP(flags, DEV_FLAG_COUNT); __DECLARE_FLEX_ARRAY(u8, data); BITS3(f); struct_group(stats, u64 rx; u64 tx;); u16 :4; unsigned int :0; unsigned g:2; u32 band:3, ack_frame_id:13, :2; }'
    )
    expect(s.kind === 'struct' && s.members.map(m => m.names)).toEqual([
      ['flags'],
      ['data'],
      ['f'],
      ['stats', 'rx', 'tx'],
      // Unnamed bitfields declare nothing.
      [],
      [],
      ['g'],
      // Only the first declarator of a list has the type (mac80211.h's ieee80211_tx_info).
      ['band', 'ack_frame_id']
    ])
  })

  it('names a member by its declarator, not by the attributes after it', () => {
    // include/scsi/scsi_host.h (6.1): read as `__attribute__`, the moved `hostdata` went unsearched.
    const s = shapeOf(
      'struct Scsi_Host { struct device *dma_dev; unsigned long hostdata[]\n\t\t__attribute__ ((aligned (sizeof(unsigned long)))); spinlock_t lock ____cacheline_aligned_in_smp; u64 stamp __aligned(8), other; struct { int i; } __packed inner; struct { int j; } __aligned(4); }'
    )
    expect(s.kind === 'struct' && s.members.map(m => m.names)).toEqual([
      ['dma_dev'],
      ['hostdata'],
      ['lock'],
      ['stamp', 'other'],
      ['i', 'inner'],
      ['j']
    ])
  })

  it('tells appended, moved and resized members apart; comments and spacing are the same', () => {
    expect(change('struct s { int a; int b; }', 'struct s {\n\tint a;\n\tint  b;\n}')).toEqual({
      kind: 'same',
      moved: []
    })
    expect(change('struct s { int a; }', 'struct s { int a; int b; }')).toMatchObject({
      kind: 'appended',
      at: 'b'
    })
    expect(
      change('struct s { int a; int b; int c; }', 'struct s { long a; int b; int c; }')
    ).toEqual({ kind: 'moved', moved: ['a', 'b', 'c'], at: 'a' })
    // A union keeps every member at offset 0: only the changed one moves.
    expect(change('union u { int a; int b; }', 'union u { long a; int b; }')).toEqual({
      kind: 'moved',
      moved: ['a'],
      at: 'a'
    })
  })

  it('renumbers only the enumerators whose value changes', () => {
    expect(change('enum e { A, B, C = 10, D }', 'enum e { A, X, B, C = 10, D }')).toEqual({
      kind: 'renumbered',
      moved: ['B'],
      at: 'X'
    })
    expect(change('enum e { A, B }', 'enum e { A, B, C, }')).toEqual({
      kind: 'appended',
      moved: []
    })
    expect(change('typedef void (*cb)(int);', 'typedef void (*cb)(int, int);').kind).toBe(
      'function-typedef'
    )
  })

  it('tells an enumerator renamed at the same value from one renumbered', () => {
    expect(change('enum e { A, B, C }', 'enum e { X, B, C }')).toEqual({
      kind: 'renumbered',
      moved: ['A'],
      at: 'X',
      renamed: [{ from: 'A', to: 'X' }]
    })
    // X takes A's place with another value; A and B trade places (both still there).
    expect(change('enum e { A, B }', 'enum e { X = 3, B }').renamed).toBeUndefined()
    expect(change('enum e { A, B }', 'enum e { B, A }').renamed).toBeUndefined()
  })

  it("does not call an enumerator appended past int's range, or below zero, harmless", () => {
    // The enum's type widens (a member of it moves) or turns signed (comparisons change).
    for (const value of ['0x100000000ULL', '-1', '1u', 'FOO', '0x80000000']) {
      expect([value, change('enum e { A, B }', `enum e { A, B, C = ${value} }`).kind]).toEqual([
        value,
        'unknown'
      ])
    }
    expect(change('enum e { A = 0x7ffffffe }', 'enum e { A = 0x7ffffffe, B }').kind).toBe(
      'appended'
    )
    expect(change('enum e { A = 0x7fffffff }', 'enum e { A = 0x7fffffff, B }').kind).toBe('unknown')
    expect(change('enum e { A, B }', 'enum e { A, B, C = 010, D = 0x20 }').kind).toBe('appended')
  })
})

describe('units', () => {
  const files: Record<string, string> = {
    'a/one.c': '#include <x.h>\n#include "local.h"\n',
    'a/local.h': '',
    'include/x.h': '#include <y.h>\n',
    'include/y.h': '',
    'b/two.c': '#include <y.h>\n'
  }
  const textOf = (p: string): string | undefined => files[p]

  it('walks the include closure over the source when there are no deps', () => {
    const units = new Units({ tus: ['a/one.c', 'b/two.c', 'gen/three.c'], textOf })
    expect(units.unit('a/one.c')?.files).toEqual([
      'a/one.c',
      'include/x.h',
      'a/local.h',
      'include/y.h'
    ])
    expect(units.seeing('include/y.h')).toEqual({
      tus: ['a/one.c', 'b/two.c'],
      unknown: ['gen/three.c']
    })
  })

  it("prefers kbuild's list where a TU has one", () => {
    const deps = new HeaderDeps()
    deps.add('source_b/two.o := b/two.c\ndeps_b/two.o := \\\n  include/x.h \\\n\nb/two.o: x\n')
    const units = new Units({ tus: ['a/one.c', 'b/two.c'], deps, textOf })
    expect(units.unit('b/two.c')).toMatchObject({ files: ['b/two.c', 'include/x.h'], from: 'deps' })
    expect(units.seeing('include/x.h').tus).toEqual(['a/one.c', 'b/two.c'])
  })

  it('does not take a header no #include line reaches for one no TU sees, without kbuild lists', () => {
    // `#include CFG_HDR`, `-include`, an -I folder: the #include lines alone cannot tell.
    const guessed = new Units({ tus: ['a/one.c', 'b/two.c'], textOf })
    expect(guessed.seeing('include/cfg.h')).toEqual({ tus: [], unknown: ['a/one.c', 'b/two.c'] })
    expect(guessed.seeing('include/y.h').unknown).toEqual([])
    // With every TU's kbuild list, no TU seeing it is an answer.
    const deps = new HeaderDeps()
    for (const tu of ['a/one', 'b/two'])
      deps.add(`source_${tu}.o := ${tu}.c\ndeps_${tu}.o := \\\n  include/y.h \\\n\n${tu}.o: x\n`)
    const listed = new Units({ tus: ['a/one.c', 'b/two.c'], deps, textOf })
    expect(listed.seeing('include/cfg.h')).toEqual({ tus: [], unknown: [] })
  })
})
