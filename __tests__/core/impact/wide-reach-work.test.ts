import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { UseIndex } from '../../../src/core/impact/uses.js'
import { headerImpact } from '../../helpers/header-impact.js'

/**
 * A wide header's layout change is searched in every TU that sees it; the TUs share most files and
 * each adds member names of its own (`struct local_i { struct obj *own_i; }`). The work must grow
 * with the files, not with TUs times files: each file is parsed once and read a bounded number of
 * times however many TUs include it (wide-header fixes once took 30 minutes for lockdep.h).
 */
const TUS = 40
const SHARED = 24

const header = (b: string): string => `struct obj {\n\tint a;\n\t${b} b;\n\tint c;\n\tint d;\n};\n`

function tree(accessors = false): Map<string, string> {
  const files = new Map<string, string>()
  files.set('include/linux/wide.h', header('short'))
  const shared: string[] = []
  for (let k = 0; k < SHARED; k++) {
    const path = `include/linux/h${k}.h`
    shared.push(`#include <linux/h${k}.h>`)
    files.set(
      path,
      `#include <linux/wide.h>\nstruct holder${k} {\n\tstruct obj *p${k};\n\tint n${k};\n};\n` +
        `static inline int h${k}_get(struct holder${k} *h)\n{\n\treturn h->p${k}->c + h->n${k};\n}\n` +
        `static inline int h${k}_other(struct holder${k} *h)\n{\n\treturn h->n${k};\n}\n` +
        // An accessor and a macro over it: names that reach the moved members without the type's.
        (accessors
          ? `static inline struct obj *obj${k}(struct holder${k} *h)\n{\n\treturn h->p${k};\n}\n` +
            `#define OBJ${k}(h) obj${k}(h)\n`
          : '')
    )
  }
  for (let i = 0; i < TUS; i++) {
    files.set(
      `lib/u${i}.c`,
      `${shared.join('\n')}\nstruct local${i} {\n\tstruct obj *own${i};\n};\n` +
        `int u${i}_d(struct local${i} *l)\n{\n\treturn l->own${i}->d;\n}\n` +
        `int u${i}_plain(struct local${i} *l)\n{\n\treturn l != 0;\n}\n`
    )
  }
  return files
}

// `short b` widened to `long`: c and d move (to `int` they would not, and only b's users would be
// searched, exactly).
const PATCH = `--- a/include/linux/wide.h
+++ b/include/linux/wide.h
@@ -1,6 +1,6 @@
 struct obj {
 \tint a;
-\tshort b;
+\tlong b;
 \tint c;
 \tint d;
 };
`

const CHANGE = {
  patch: PATCH,
  path: 'include/linux/wide.h',
  before: header('short'),
  after: header('long')
}

function analyse(parser: Parser, files: Map<string, string>) {
  const tus = [...files.keys()].filter(p => p.endsWith('.c'))
  return headerImpact(parser, CHANGE, path => files.get(path), tus)
}

describe('wide-header layout reach: work per file, not per TU and file', () => {
  let parser: Parser
  beforeAll(async () => {
    parser = await loadCParser()
  })

  it('asks each file about each reaching name once, not once per TU', () => {
    const files = tree(true)
    const spells = Object.getOwnPropertyDescriptor(UseIndex.prototype, 'spells')!
    const ask = spells.value as (this: UseIndex, path: string, name: string) => boolean
    let asked = 0
    UseIndex.prototype.spells = function (this: UseIndex, path: string, name: string) {
      asked++
      return ask.call(this, path, name)
    }
    try {
      const result = analyse(parser, files)
      // Every accessor's user is found, through the accessor or through its macro.
      const layout = result.layout.map(t => t.name)
      for (let k = 0; k < SHARED; k++) expect(layout).toContain(`h${k}_get`)
      for (let i = 0; i < TUS; i++) expect(layout).toContain(`u${i}_d`)
    } finally {
      Object.defineProperty(UseIndex.prototype, 'spells', spells)
    }
    // Each file is asked about each name (accessors, macros, members) about once: 7,950 questions
    // here. Asking again in each TU made 78,540, growing with TUs x names x files (lockdep.h).
    expect(asked).toBeLessThan(16_000)
  })

  it('parses each file once and reads it a bounded number of times', () => {
    const files = tree()
    const reads = new Map<string, number>()
    let parses = 0
    const counting = new Proxy(parser, {
      get(target, prop, receiver) {
        if (prop === 'parse')
          return (...args: Parameters<Parser['parse']>) => {
            parses++
            return target.parse(...args)
          }
        const value = Reflect.get(target, prop, receiver) as unknown
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value
      }
    })
    const tus = [...files.keys()].filter(p => p.endsWith('.c'))
    const sourceOf = (path: string): string | undefined => {
      reads.set(path, (reads.get(path) ?? 0) + 1)
      return files.get(path)
    }
    const result = headerImpact(counting, CHANGE, sourceOf, tus)

    // The search itself is whole: every path through a member is found, and only those.
    const layout = result.layout.map(t => t.name).sort()
    expect(layout).toEqual(
      [
        ...Array.from({ length: SHARED }, (_, k) => `h${k}_get`),
        ...Array.from({ length: TUS }, (_, i) => `u${i}_d`)
      ].sort()
    )
    // Both images of the header, then each file of the tree at most once (a TU's new member names
    // once made every shared header parsed again: 1,119 parses here).
    expect(parses).toBeLessThanOrEqual(files.size + 2)
    // A few reads per kind of question, the same for a header all TUs share as for one TU's own
    // file (each TU's names once read every shared header again: 128 reads each here).
    const most = Math.max(...reads.values())
    expect(most).toBeLessThanOrEqual(12)
    expect(reads.get('include/linux/h0.h')).toBe(reads.get('lib/u0.c'))
  })
})
