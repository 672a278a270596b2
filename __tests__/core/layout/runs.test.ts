import { readFileSync } from 'node:fs'
import { resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareLayouts } from '../../../src/core/layout/kept.js'
import { compareRuns } from '../../../src/core/layout/runs.js'
import { layoutOf } from '../../../src/core/layout/struct-layout.js'
import { TypeSizes } from '../../../src/core/layout/type-sizes.js'

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const fixture = (name: string): string =>
  readFileSync(resolvePath(TEST_DIR, '../../../fixtures/layout', name), 'utf8')

const files: Record<string, string> = {
  'include/uapi/asm-generic/int-ll64.h':
    'typedef unsigned char __u8;\ntypedef unsigned short __u16;',
  'include/asm-generic/int-ll64.h': 'typedef __u8 u8;\ntypedef __u16 u16;',
  'include/linux/types.h': 'struct list_head { struct list_head *next, *prev; };'
}
const resolve = new TypeSizes(
  () => Object.keys(files),
  p => files[p]
).resolve

// A member with an attribute: the struct cannot be laid out whole, as struct net_device.
const around = (run: string, before = 'struct list_head link;'): string =>
  `struct dev { ${members(run, before)} };`
const members = (run: string, before = 'struct list_head link;'): string =>
  `unsigned long state; ${before} ${run} bool dismantle; int irq ____cacheline_aligned;`

describe('compareRuns', () => {
  it('lays out struct net_device as 6.1.190 changes it: reg_state from an enum:8 to a u8', () => {
    const before = fixture('net_device-6.1.187.h')
    const after = fixture('net_device-6.1.190.h')
    const body = (t: string): string => t.slice(t.indexOf('{') + 1, t.lastIndexOf('}'))
    // The whole struct cannot be laid out (cacheline-aligned members, #ifdef, macro sizes).
    expect(layoutOf(body(before), 'struct', resolve, 4)).toBeUndefined()
    expect(compareRuns(body(before), body(after), resolve, 4)).toEqual({
      retyped: [],
      removed: [],
      added: []
    })
    expect(compareLayouts(before, after, resolve)).toMatchObject({ kept: true, moved: [] })
  })

  it('keeps a run whose members stay in place, wherever it starts', () => {
    const v = compareLayouts(around('enum { A = 0, B } s:8;'), around('u8 s;'), resolve)
    expect(v).toMatchObject({ kept: true, moved: [], retyped: [], removed: [], added: [] })
    expect(v?.before).toBeUndefined()
  })

  it('calls a run retyped when the same bits change signedness', () => {
    expect(compareRuns(members('int s:8;'), members('u8 s;'), resolve, 4)).toEqual({
      retyped: ['s'],
      removed: [],
      added: []
    })
  })

  it('says nothing when the run grows, follows a bitfield, or changes alignment alone', () => {
    expect(compareRuns(members('u8 s;'), members('u16 s;'), resolve, 4)).toBeUndefined()
    // After a bitfield the run may start mid-byte: where is unknown.
    const afterBits = (run: string): string => members(run, 'unsigned int flag:1;')
    expect(
      compareRuns(afterBits('enum { A } s:8;'), afterBits('u8 s;'), resolve, 4)
    ).toBeUndefined()
    // enum:8 gives the struct 4-byte alignment; no other member is known to give as much.
    const small = (run: string): string =>
      `char name[NAME_LEN]; ${run} char tail; int irq ____cacheline_aligned;`
    expect(compareRuns(small('enum { A } s:8;'), small('u8 s;'), resolve, 4)).toBeUndefined()
  })

  it('does not keep a member that leaves one place and comes back at another', () => {
    // Each move alone keeps the pointer after it where it was: together, x moves.
    const before =
      'void *p; u16 a; u8 x; void *q; int irq ____cacheline_aligned; void *s; u16 c; void *r;'
    const after =
      'void *p; u16 a; void *q; int irq ____cacheline_aligned; void *s; u16 c; u8 x; void *r;'
    expect(compareRuns(before, after, resolve, 4)).toBeUndefined()
    // Each alone is kept: x leaves padding, or a new y goes into it.
    expect(compareRuns(before, before.replace(' u8 x;', ''), resolve, 4)).toMatchObject({
      removed: ['x']
    })
    expect(compareRuns(before, before.replace('u16 c;', 'u16 c; u8 y;'), resolve, 4)).toMatchObject(
      { added: ['y'] }
    )
  })

  // A hostile review's cases (GCC 12 moved members in both).
  it('does not judge a struct whose own #define changes: members spelling it keep their text', () => {
    const struct = (len: number, extra = ''): string =>
      `struct s {\n\tvoid *p;\n\tu16 a;\n${extra}\tvoid *q;\n#define S_LEN ${len}\n\tchar name[S_LEN];\n\tint irq ____cacheline_aligned;\n};`
    expect(compareLayouts(struct(8), struct(8, '\tu8 n;\n'), resolve)).toMatchObject({
      kept: true,
      added: ['n']
    })
    expect(compareLayouts(struct(8), struct(72, '\tu8 n;\n'), resolve)).toBeUndefined()
    // Through another of its #defines; one nothing spells changes nothing.
    const through = (len: number, extra = ''): string =>
      struct(len, extra)
        .replace('char name[S_LEN]', 'char name[S_SIZE]')
        .replace('#define S_LEN', '#define S_SIZE (S_LEN + 1)\n#define S_LEN')
    expect(compareLayouts(through(8), through(72, '\tu8 n;\n'), resolve)).toBeUndefined()
    expect(
      compareLayouts(struct(8), struct(8, '#define S_UNUSED 3\n\tu8 n;\n'), resolve)
    ).toMatchObject({ kept: true })
  })

  it('does not start a window after a member a macro writes (it may be a bitfield)', () => {
    const before = 'void *p; BITS3(f); u8 a:4; u8 b; u16 c; int irq ____cacheline_aligned;'
    const after = 'void *p; BITS3(f); u8 a:4; u8 y:4; u8 b; u16 c; int irq ____cacheline_aligned;'
    expect(compareRuns(before, after, resolve, 4)).toBeUndefined()
  })

  it('judges a window after bitfields from every bit it may start at', () => {
    // Five one-bit flags before y: no window of three neighbours reaches a byte-aligned start.
    const flags = 'u8 a:1; u8 b:1; u8 c:1; u8 d:1; u8 e:1;'
    const body = (y: string): string =>
      `int cache ____cacheline_aligned; ${flags} ${y} u16 next; int irq ____cacheline_aligned;`
    // The same width in a unit of the same size: at the same bit wherever the flags end.
    expect(compareRuns(body('u8 y:1;'), body('bool y:1;'), resolve, 4)).toEqual({
      retyped: ['y'],
      removed: [],
      added: []
    })
    // A second bit moves next where y ends a byte (start at bit 7): not kept.
    expect(compareRuns(body('u8 y:1;'), body('u8 y:1; u8 z:1;'), resolve, 4)).toBeUndefined()
  })
})
