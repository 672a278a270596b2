import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { mapChanges, type FileChange } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** A one-file diff from `before` to `after` (whole-file hunk), with `before` as the tree. */
function findings(before: string, after: string, path = 'mm/migrate.c'): string[] {
  const a = before.split('\n').slice(0, -1)
  const b = after.split('\n').slice(0, -1)
  const body = [...a.map(l => `-${l}`), ...b.map(l => `+${l}`)].join('\n')
  const diff = `--- a/${path}\n+++ b/${path}\n@@ -1,${a.length} +1,${b.length} @@\n${body}\n`
  const { files } = parsePatch(diff, 1)
  const m = mapChanges(parser, [{ patch: files[0], path, oldText: before, newText: null }])
  // The whole-file hunk rewrites `user` alike: its comment-only note is not the subject.
  return m.findings
    .filter(f => f.kind !== 'comment-only')
    .map(f => `${f.kind} ${f.severity}: ${f.message.split(':')[0]}`)
}

// The shape of 6.1.192's mm/migrate.c fix (a holdout case): a union used for type punning
// removed with its users, an anonymous enum of flags added, both only this file's.
const USE = 'static int user(int x)\n{\n\treturn x;\n}\n'

describe('an enum local to a .c that the fix adds or removes (diff/local-type.ts)', () => {
  it('is info, with the code using it; a struct or union added, removed or changed stays a type change', () => {
    const before = `union migration_ptr {\n\tvoid *a;\n\tlong b;\n};\nstruct keep { int a; };\n${USE}`
    const after = `enum {\n\tPAGE_WAS_MAPPED = 1,\n};\nstruct keep { int a; long b; };\n${USE}`
    // The union's old data (a folio's fields) may be read through the new code's encoding: a
    // human looks at it, as at the struct that grows.
    expect(findings(before, after)).toEqual([
      'type-change unresolved: keep, migration_ptr changed',
      'type-change info: type an anonymous enum added with the code using it'
    ])
    const named = `enum tp_state {\n\tTP_NEW,\n\tTP_DONE,\n};\n${USE}`
    expect(findings(USE, named)).toEqual([
      'type-change info: type tp_state added with the code using it'
    ])
  })

  it('is a change when the other image still names it, or an enumerator was there before', () => {
    // A renamed member keeps the type: a layout change.
    expect(
      findings(`union u {\n\tvoid *a;\n};\n${USE}`, `union u {\n\tvoid *b;\n};\n${USE}`)
    ).toEqual(['type-change unresolved: u changed'])
    // The enumerator existed before, as a macro: the enum is no new name.
    expect(
      findings(`#define PAGE_WAS_MAPPED 1\n${USE}`, `enum {\n\tPAGE_WAS_MAPPED = 1,\n};\n${USE}`)
    ).toContain('type-change unresolved: (unnamed) changed')
  })

  // include/net/xfrm.h, 6.1.176 -> 6.1.187 (a holdout case): an anonymous enum of offload types
  // added above the struct that gains a bitfield for them.
  it('in a header too: only code the fix writes can name the new constants', () => {
    const after = `enum {\n\tXFRM_DEV_OFFLOAD_UNSPECIFIED,\n\tXFRM_DEV_OFFLOAD_CRYPTO,\n};\n${USE}`
    expect(findings(USE, after, 'include/net/xfrm.h')).toEqual([
      'type-change info: type an anonymous enum added'
    ])
    // An enumerator the header had before, now in a new enum: renumbered or moved, a change.
    const before = `enum {\n\tXFRM_DEV_OFFLOAD_CRYPTO = 1,\n};\n${USE}`
    expect(findings(before, after, 'include/net/xfrm.h')).toEqual([
      'type-change unresolved: (unnamed) changed'
    ])
  })
})

describe('an enum moved between two headers of the fix', () => {
  // A hostile review's case: the constant keeps its name and changes its value, so every user
  // (`use.c`, untouched) compiles otherwise.
  it('is a change, not a new or a removed enum', () => {
    const file = (path: string, before: string, after: string): FileChange => {
      const a = before.split('\n').slice(0, -1)
      const b = after.split('\n').slice(0, -1)
      const body = [...a.map(l => `-${l}`), ...b.map(l => `+${l}`)].join('\n')
      const diff = `--- a/${path}\n+++ b/${path}\n@@ -1,${a.length} +1,${b.length} @@\n${body}\n`
      return { patch: parsePatch(diff, 1).files[0], path, oldText: before, newText: null }
    }
    const m = mapChanges(parser, [
      file('include/a.h', `enum {\n\tBUF_SIZE = 64,\n};\n${USE}`, USE),
      file('include/b.h', USE, `enum {\n\tBUF_SIZE = 128,\n};\n${USE}`)
    ])
    expect(
      m.findings
        .filter(f => f.kind === 'type-change')
        .map(f => `${f.file} ${f.severity}: ${f.message.split(':')[0]}`)
    ).toEqual([
      'include/a.h unresolved: (unnamed) changed',
      'include/b.h unresolved: (unnamed) changed'
    ])
  })
})

describe('a forward declaration the fix adds or removes (diff/forward-decl.ts)', () => {
  // arch/x86/include/asm/nospec-branch.h and include/linux/pinctrl/consumer.h, 6.1.176 -> 6.1.187.
  it('is info: it lays out nothing; a definition beside it stays a type change', () => {
    const proto = 'void handle(struct pt_regs *regs);\n'
    expect(findings(USE, `struct pt_regs;\n${proto}${USE}`, 'include/x.h')).toEqual([
      'prototype-change info: prototype of handle added',
      'type-change info: forward declaration struct pt_regs added'
    ])
    expect(findings(`union gpio_chip;\n${USE}`, USE, 'include/x.h')).toEqual([
      'type-change info: forward declaration union gpio_chip removed'
    ])
    expect(
      findings(USE, `struct pt_regs;\nstruct pt_regs { long ax; };\n${USE}`, 'include/x.h')
    ).toEqual([
      'type-change info: forward declaration struct pt_regs added',
      'type-change unresolved: pt_regs changed'
    ])
  })
})
