import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { makeCallerSearch } from '../../../src/core/source/caller-search.js'

let parser: Parser

beforeAll(async () => {
  parser = await loadCParser()
})

function search(files: Record<string, string | false>, changed: Record<string, string> = {}) {
  return makeCallerSearch({
    parser,
    changed: new Map(Object.entries(changed)),
    sourceOf: path => files[path]
  })
}

describe('makeCallerSearch', () => {
  it('follows macros across the unit, through cycles and long chains', () => {
    const chain = Array.from({ length: 300 }, (_, i) => `#define M${i + 1} M${i}`).join('\n')
    const find = search({
      'lib/u.c': [
        '#include "a.h"',
        '#include <linux/b.h>',
        'int direct(void) { return pick(0); }',
        'int chained(void) { return M300(1); }',
        'int looped(void) { return A(2); }',
        'int none(void) { return other(3); }'
      ].join('\n'),
      'lib/a.h': `#define M0 pick\n${chain}\n`,
      'include/linux/b.h':
        '#define A B\n#define B A + pick(9)\nstatic inline int w(void) { return A; }\n'
    })
    expect(find('lib/u.c', 'pick', [])).toEqual({
      callers: ['chained', 'direct', 'looped', 'w'],
      unsearched: []
    })
  })

  it('names what it could not read: a header the dump names, a quoted .c include', () => {
    const find = search({ 'lib/u.c': '#include "gone.c"\nint f(void) { return pick(1); }\n' })
    expect(find('lib/u.c', 'pick', ['include/linux/named.h'])).toEqual({
      callers: ['f'],
      unsearched: ['lib/gone.c', 'include/linux/named.h']
    })
    expect(find('lib/missing.c', 'pick', [])).toBeUndefined()
  })

  it('names a file that is there but cannot be read, and a quoted include not found', () => {
    const find = search({
      'drivers/x/sub/a.c':
        '#include "big.h"\n#include "xdrv.h"\n#include "nowhere.h"\n#include <generated/autoconf.h>\n' +
        'int f(void) { return pick(1); }\n',
      'drivers/x/sub/big.h': false,
      // Found in a parent folder of the TU, as kbuild's -I$(src) makes it.
      'drivers/x/xdrv.h':
        '#define P(x) \\\r\n  pick(x)\r\nstatic inline int g(void) { return P(2); }\r\n'
    })
    expect(find('drivers/x/sub/a.c', 'pick', [])).toEqual({
      callers: ['f', 'g'],
      unsearched: ['drivers/x/sub/nowhere.h', 'drivers/x/sub/big.h']
    })
  })

  it('stops at a self-include and an include cycle', () => {
    const find = search({
      'lib/u.c': '#include "u.c"\n#include "x.h"\nint f(void) { return g(1); }\n',
      'lib/x.h': '#include "y.h"\n',
      'lib/y.h': '#include "x.h"\nstatic inline int g2(void) { return g(0); }\n'
    })
    expect(find('lib/u.c', 'g', [])?.callers).toEqual(['f', 'g2'])
  })
})
