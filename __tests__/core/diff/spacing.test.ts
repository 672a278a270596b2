import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { respacedCalls, stringifies } from '../../../src/core/diff/spacing.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

describe('respacedCalls', () => {
  it.each<[string, string, string[]]>([
    ['f(v>c);', 'f(v > c);', ['f']],
    ['f(g(v>c));', 'f(g(v > c));', ['f', 'g']],
    ['f(g(a,b));', 'f(g(a, b));', ['f']],
    ['f((a ,b));', 'f((a,b));', ['f']],
    ['f((v>c));', 'f((v > c));', ['f']],
    ['if (v>c) x();', 'if (v > c) x();', []],
    ['x = (v>c);', 'x = (v > c);', []],
    ['f( a,\n\tb );', 'f(a,\n b);', []],
    ['f(a,b);', 'f(a, b);', []],
    ['f(v>c);', 'f(v>=c);', []],
    ['asm volatile("nop" : : "r"(x));', 'asm volatile("nop" : : "r" (x));', []]
  ])('%j -> %j: %j', (a, b, want) => {
    expect(respacedCalls(a, b)).toEqual(want)
  })
})

describe('stringifies', () => {
  // Linux 6.1's include/linux/stringify.h, and a macro of its own built on it.
  const bodies: Record<string, string[]> = {
    __stringify_1: ['(x...)\t#x'],
    __stringify: ['(x...)\t__stringify_1(x)'],
    WARN_MSG: ['(c) pr_warn("%s\\n", __stringify(c))'],
    PASTE: ['(a, b) a##b'],
    MAX: ['(a, b) ((a) > (b) ? (a) : (b))']
  }
  const of = (n: string): string[] | undefined => bodies[n]
  it.each([
    ['__stringify', true],
    ['WARN_MSG', true],
    ['PASTE', false],
    ['MAX', false],
    ['memcpy', false]
  ])('%s: %s', (name, want) => {
    expect(stringifies(name, of)).toBe(want)
  })
})

describe('whitespace in a macro argument that is made a string (checked with GCC 12)', () => {
  const c = (arg: string): string =>
    `#define STR(x) #x\nchar note[16];\nint foo_check(int v)\n{\n\t__builtin_memcpy(note, STR(${arg}), sizeof(STR(${arg})));\n\treturn MAX(${arg}, 0);\n}\n`

  it('a stringified argument respaced changes the function', () => {
    const m = mapPair(parser, 'k.c', c('v>1'), c('v > 1'), { includes: tree })
    expect(m.changed.map(x => x.name)).toEqual(['foo_check'])
    expect(kinds(m)).toEqual(['macro-change warning'])
  })

  it('an argument of a function or of a macro that does not stringify it: comment-only', () => {
    const f = (arg: string): string => `int foo_check(int v)\n{\n\treturn bar(${arg}, 0);\n}\n`
    const m = mapPair(parser, 'k.c', f('v>1'), f('v > 1'), { includes: tree })
    expect(m.changed).toEqual([])
    expect(kinds(m)).toEqual(['comment-only info'])
  })

  it('without the tree, a name that may be a header macro is unresolved', () => {
    const f = (arg: string): string => `int foo_check(int v)\n{\n\treturn bar(${arg}, 0);\n}\n`
    const m = mapPair(parser, 'k.c', f('v>1'), f('v > 1'))
    expect(kinds(m)).toEqual(['macro-change unresolved'])
  })
})

const tree = { sourceOf: (): undefined => undefined, arches: ['x86'] }
