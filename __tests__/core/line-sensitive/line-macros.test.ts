import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { lineShiftFindings } from '../../../src/core/diff/line-shift.js'
import { type FileChange, mapChanges } from '../../../src/core/diff/map.js'
import { applyHunks, parsePatch } from '../../../src/core/diff/patch.js'
import { makeLineMacros } from '../../../src/core/line-sensitive/line-macros.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const TREE = join(TEST_DIR, '../../../fixtures/line-shift/tree')

/** The committed 6.1.187 files, read on demand as the pipeline's source reader would. */
const sourceOf = (path: string): string | undefined =>
  existsSync(join(TREE, path)) ? readFileSync(join(TREE, path), 'utf8') : undefined

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

describe('makeLineMacros on real 6.1 headers', () => {
  const macros = makeLineMacros(new Map(), sourceOf)('fs/ext4/block_validity.c')

  it('derives the macros that embed the line from their bodies, through other macros', () => {
    for (const name of [
      'WARN_ON',
      'WARN_ON_ONCE',
      'WARN',
      'BUG_ON',
      'BUG',
      'might_sleep',
      'might_fault',
      'EXT4_ERROR_INODE',
      'EXT4_ERROR_INODE_ERR',
      'ext4_error',
      'dump_mmp_msg'
    ])
      expect(`${name} ${macros.names.has(name)}`).toBe(`${name} true`)
    expect(macros.fromHeaders).toBe(true)
  })

  it('leaves out what does not put a line into the code', () => {
    for (const name of [
      // __COUNTER__, not __LINE__.
      'BUILD_BUG_ON',
      // __UNIQUE_ID's fallback pastes __LINE__ into a name; min() only uses it.
      '__UNIQUE_ID',
      'min',
      // `.line = __LINE__` of the printk index: a static descriptor, not code.
      'pr_info',
      'printk',
      // Takes the caller's line as an argument.
      'ext4_error_inode',
      'might_resched'
    ])
      expect(`${name} ${macros.names.has(name)}`).toBe(`${name} false`)
    expect(macros.pasting.has('__PASTE')).toBe(true)
    expect(macros.pasting.has('__UNIQUE_ID')).toBe(true)
  })
})

/** A change of block_validity.c's release_system_zone that adds a line. */
function blockValidityChange(): FileChange {
  const oldText = sourceOf('fs/ext4/block_validity.c') ?? ''
  const diff = [
    '--- a/fs/ext4/block_validity.c',
    '+++ b/fs/ext4/block_validity.c',
    '@@ -59,4 +59,5 @@ static void release_system_zone(struct ext4_system_blocks *system_blks)',
    ' 	rbtree_postorder_for_each_entry_safe(entry, n,',
    ' 				&system_blks->root, node)',
    ' 		kmem_cache_free(ext4_system_zone_cachep, entry);',
    '+	system_blks->root = RB_ROOT;',
    ' }',
    ''
  ].join('\n')
  const patch = parsePatch(diff, 1).files[0]
  return { patch, path: patch.newPath ?? '', oldText, newText: applyHunks(oldText, patch.hunks) }
}

describe('lineShiftFindings through macros (fs/ext4/block_validity.c)', () => {
  it('names the EXT4_ERROR_INODE_ERR caller below the fix when the headers are there', () => {
    const change = blockValidityChange()
    const mapped = mapChanges(parser, [change])
    expect(mapped.changed.map(c => c.name)).toEqual(['release_system_zone'])
    const findings = lineShiftFindings([change], mapped, sourceOf)
    expect(findings.map(f => [f.kind, f.line, f.functions])).toEqual([
      ['line-shift', 59, ['ext4_protect_reserved_inode']]
    ])
    expect(findings[0].message).toContain('(EXT4_ERROR_INODE_ERR)')
  })

  it('misses it with the changed file alone (the name list fallback cannot know ext4 macros)', () => {
    const change = blockValidityChange()
    expect(lineShiftFindings([change], mapChanges(parser, [change]))).toEqual([])
  })

  it('follows a file-local macro, and ignores WARN in comments and strings', () => {
    const oldText = [
      '#define MY_ERR(x) report((x), __LINE__)',
      'static void report(int x, int line);',
      'int a(int x)',
      '{',
      '\treturn x;',
      '}',
      'int b(int x)',
      '{',
      '\t/* WARN_ON(x) */',
      '\tputs("BUG_ON(x)");',
      '\treturn x;',
      '}',
      'int c(int x)',
      '{',
      '\tMY_ERR(x);',
      '\treturn x;',
      '}',
      ''
    ].join('\n')
    const diff = '--- a/m.c\n+++ b/m.c\n@@ -5,1 +5,2 @@\n \treturn x;\n+\tx++;\n'
    const patch = parsePatch(diff, 1).files[0]
    const change = { patch, path: 'm.c', oldText, newText: applyHunks(oldText, patch.hunks) }
    const findings = lineShiftFindings([change], mapChanges(parser, [change]), sourceOf)
    expect(findings.map(f => f.functions)).toEqual([['c']])
  })
})
