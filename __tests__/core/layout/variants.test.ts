import { conditionVariants } from '../../../src/core/layout/variants.js'

describe('conditionVariants', () => {
  it('gives the texts alone when no #if is left', () => {
    const texts = { before: 'struct s { int a; };', after: 'struct s { long a; };' }
    expect(conditionVariants(texts)).toEqual([texts])
  })

  it('takes each undecided condition both ways, the same way in both images', () => {
    const before = 'struct s {\nint a;\n#ifndef ARCH_X\nint b;\n#endif\n};'
    const after = 'struct s {\nint a;\nint n;\n#ifndef ARCH_X\nint b;\n#endif\n};'
    const v = conditionVariants({ before, after })
    expect(v).toHaveLength(2)
    const squash = (t: string): string => t.replace(/\s+/g, ' ').trim()
    expect(v?.map(p => [squash(p.before), squash(p.after)])).toEqual([
      ['struct s { int a; int b; };', 'struct s { int a; int n; int b; };'],
      ['struct s { int a; };', 'struct s { int a; int n; };']
    ])
    // Lines keep their numbers.
    expect(v?.[0].before.split('\n')).toHaveLength(before.split('\n').length)
  })

  it('follows #elif and #else, and nested #if inside a branch not taken', () => {
    const text =
      'struct s {\n#if A\nint a;\n#elif B\nint b;\n#else\nint c;\n#ifdef D\nint d;\n#endif\n#endif\n};'
    const v = conditionVariants({ before: text, after: text })
    const members = new Set(v?.map(p => p.before.replace(/\s+/g, ' ').trim()))
    expect([...members].sort()).toEqual([
      'struct s { int a; };',
      'struct s { int b; };',
      'struct s { int c; int d; };',
      'struct s { int c; };'
    ])
  })

  it('gives up on more than three conditions, or directives that do not pair up', () => {
    const many = ['A', 'B', 'C', 'D'].map(c => `#ifdef ${c}\nint ${c.toLowerCase()};\n#endif`)
    const text = `struct s {\n${many.join('\n')}\n};`
    expect(conditionVariants({ before: text, after: text })).toBeUndefined()
    expect(conditionVariants({ before: 'struct s {\n#endif\n};', after: 'x' })).toBeUndefined()
    expect(conditionVariants({ before: 'struct s {\n#if A\n};', after: 'x' })).toBeUndefined()
  })
})
