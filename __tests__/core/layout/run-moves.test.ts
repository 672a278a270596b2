import { movedByRuns } from '../../../src/core/layout/run-moves.js'
import { TypeSizes } from '../../../src/core/layout/type-sizes.js'

const files: Record<string, string> = {
  'include/uapi/asm-generic/int-ll64.h':
    'typedef unsigned char __u8;\ntypedef unsigned short __u16;\ntypedef unsigned int __u32;\ntypedef unsigned long long __u64;',
  'include/asm-generic/int-ll64.h':
    'typedef __u8 u8;\ntypedef __u16 u16;\ntypedef __u32 u32;\ntypedef __u64 u64;'
}
const resolve = new TypeSizes(
  () => Object.keys(files),
  p => files[p]
).resolve

// The first member's attribute keeps the struct from being laid out whole (see gcc-layout.test.ts
// for the same rule against GCC's offsets).
const head = 'int cache ____cacheline_aligned;'

describe('movedByRuns', () => {
  it('moves nothing for a member put into padding, and takes an appended macro member for a size change', () => {
    // 6.1.176's struct device gains `DECLARE_BITMAP(flags, DEV_FLAG_COUNT)` last: no layout of it.
    // The pointer before `a` shows where it starts modulo 8: x fits before b.
    const before = `${head} void *p0; u8 a; u32 b; void *p;`
    const after = `${head} void *p0; u8 a; u8 x; u32 b; void *p; DECLARE_BITMAP(flags, DEV_FLAG_COUNT);`
    const v = movedByRuns(before, after, resolve, 4)
    expect(v).toMatchObject({ moved: [], sizeKept: false, removed: [] })
    expect(v?.added).toContain('x')
    // Appended: nothing old after it to name as where the layout stops being known.
    expect(v?.unsized).toBeUndefined()
  })

  it('takes every member from a run it cannot lay out for moved, naming where', () => {
    const before = `${head} void *p0; u8 a; u32 b; void *p; u16 c; void *q;`
    const after = `${head} void *p0; u8 a; u8 x; u32 b; void *p; MACRO(y); u16 c; void *q;`
    expect(movedByRuns(before, after, resolve, 4)).toEqual({
      moved: ['c', 'q'],
      sizeKept: false,
      removed: [],
      added: ['x', 'y'],
      unsized: 'c'
    })
  })

  it('names a follower a macro declares as its layout does: a flexible array that moves is moved', () => {
    const before = `${head} void *p0; u8 a; u32 b; __DECLARE_FLEX_ARRAY(u64, data);`
    const after = `${head} void *p0; u8 a; u32 x; u32 b; __DECLARE_FLEX_ARRAY(u64, data);`
    // Its name is not the macro's: read as that, it "started at the same bit" in both (neither
    // layout has such a member), and the size was called kept.
    expect(movedByRuns(before, after, resolve, 4)).toMatchObject({
      moved: ['b', 'data'],
      sizeKept: false
    })
  })

  it('judges runs that shift the members up to the next one together, however many', () => {
    // x pushes b along, g is retyped, h follows; c's removal puts d back where it was.
    const before = `${head} void *p0; u8 a; u32 b; u32 g; u32 h; u32 c; u32 d; void *e; long f;`
    const after = `${head} void *p0; u8 a; u32 x; u32 b; u16 g; u32 h; u32 d; void *e; long f;`
    expect(movedByRuns(before, after, resolve, 4)).toEqual({
      moved: ['b', 'g', 'h'],
      sizeKept: true,
      removed: ['c'],
      added: ['x']
    })
  })

  it('says nothing when the first change cannot be laid out (the caller moves everything after it)', () => {
    const before = `${head} u8 a; u32 b; void *p;`
    const after = `${head} u8 a; MACRO(x); u32 b; void *p;`
    expect(movedByRuns(before, after, resolve, 4)).toBeUndefined()
  })
})
