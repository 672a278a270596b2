import { movedMembers } from '../../../src/core/layout/moved.js'
import { TypeSizes } from '../../../src/core/layout/type-sizes.js'

const files: Record<string, string> = {
  'include/linux/types.h': 'struct list_head { struct list_head *next, *prev; };'
}
const resolve = new TypeSizes(
  () => Object.keys(files),
  p => files[p]
).resolve

// The last member has an attribute: the struct is never laid out whole here.
const tail = 'struct list_head link; int irq ____cacheline_aligned;'
const body = (middle: string): string => `void *regs; int page_size; ${middle} ${tail}`

describe('movedMembers', () => {
  it('an int into the hole before a pointer moves the members up to it', () => {
    expect(
      movedMembers(
        body('int shift; int count; void *clk;'),
        body('unsigned int mask; int shift; int count; void *clk;'),
        resolve
      )
    ).toEqual({ moved: ['count', 'shift'], sizeKept: true, removed: [], added: ['mask'] })
  })

  it('with no hole the offsets never meet: the rest cannot be laid out, so no answer', () => {
    expect(
      movedMembers(body('int shift; void *clk;'), body('long mask; int shift; void *clk;'), resolve)
    ).toBeUndefined()
  })

  it('a member removed, retyped in place, or inside an anonymous union is followed', () => {
    expect(
      movedMembers(
        body('int gone; int shift; union { int u; long l; }; void *clk;'),
        body('int shift; union { int u; long l; }; void *clk;'),
        resolve
      )
    ).toBeUndefined()
    expect(
      movedMembers(
        body('int shift; short count; void *clk;'),
        body('int shift; unsigned short count; void *clk;'),
        resolve
      )
    ).toEqual({ moved: ['count'], sizeKept: true, removed: [], added: [] })
    expect(
      movedMembers(
        body('char c; union { int u; short s; }; void *clk;'),
        body('char c; char d; union { int u; short s; }; void *clk;'),
        resolve
      )
    ).toEqual({ moved: [], sizeKept: true, removed: [], added: ['d'] })
  })

  it('a member more aligned than any laid out may grow the struct: the size is not shown kept', () => {
    expect(
      movedMembers(
        'int a; int b; int c; int d; int irq ____cacheline_aligned;',
        'int a; long x; int b; int c; int d; int irq ____cacheline_aligned;',
        resolve
      )
    ).toBeUndefined()
    expect(
      movedMembers(
        'int a; int b; char c; char tail[4];',
        'int a; short n; int b; char c; char tail[4];',
        resolve
      )
    ).toEqual({ moved: ['b', 'c', 'tail'], sizeKept: false, removed: [], added: ['n'] })
  })
})
