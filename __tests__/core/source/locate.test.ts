import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import type { FunctionDef, SourceMap } from '../../../src/core/model.js'
import { findCallers } from '../../../src/core/source/caller-search.js'
import { locateSource } from '../../../src/core/source/locate.js'
import { kernelFile } from './helpers.js'
import { FIXTURES } from '../dumps/load-fixture.js'

let parser: Parser

beforeAll(async () => {
  parser = await loadCParser()
})

function fn(map: SourceMap, name: string): FunctionDef {
  const found = map.functions.filter(f => f.name === name)
  expect(found).toHaveLength(1)
  return found[0]
}

/** Lines that are a lone `{` at column 0: the kernel style's function body openers. */
const braceLines = (text: string): number => text.split('\n').filter(l => l.startsWith('{')).length

describe('locateSource on fs/read_write.c', () => {
  const text = kernelFile('fs/read_write.c')
  let map: SourceMap
  beforeAll(() => {
    map = locateSource(parser, text)
  })

  it('finds every definition: one per column-0 `{` line', () => {
    expect(braceLines(text)).toBe(78)
    expect(map.functions).toHaveLength(78)
  })

  it('names SYSCALL_DEFINE bodies by their __do_sys symbol with every wrapper', () => {
    expect(fn(map, '__do_sys_read')).toEqual({
      name: '__do_sys_read',
      symbols: ['__do_sys_read', '__se_sys_read', '__x64_sys_read', '__ia32_sys_read'],
      startLine: 621,
      endLine: 624,
      bodyLine: 622,
      isStatic: true
    })
    expect(fn(map, '__do_compat_sys_lseek').symbols).toEqual([
      '__do_compat_sys_lseek',
      '__se_compat_sys_lseek',
      '__x64_compat_sys_lseek',
      '__ia32_compat_sys_lseek'
    ])
    // Inside `#if !defined(CONFIG_64BIT) || ...`, with a two-line argument list.
    expect(fn(map, '__do_sys_llseek')).toMatchObject({
      startLine: 325,
      bodyLine: 328,
      endLine: 352
    })
  })

  it('reads multi-line signatures and storage class', () => {
    expect(fn(map, 'generic_file_llseek_size')).toMatchObject({
      startLine: 85,
      bodyLine: 88,
      endLine: 131,
      isStatic: false
    })
    expect(fn(map, 'ksys_lseek')).toMatchObject({ startLine: 293, endLine: 309, isStatic: true })
    expect(fn(map, 'file_ppos')).toMatchObject({ startLine: 597, endLine: 600, isStatic: true })
  })

  it('records EXPORT_SYMBOL lines and the file_operations initialiser as declarations', () => {
    expect(map.declarations).toContainEqual({
      kind: 'global',
      name: 'generic_ro_fops',
      startLine: 28,
      endLine: 33
    })
    expect(map.declarations).toContainEqual({
      kind: 'other',
      name: 'EXPORT_SYMBOL',
      startLine: 67,
      endLine: 67
    })
    expect(map.declarations).toContainEqual({
      kind: 'include',
      name: '<linux/slab.h>',
      startLine: 8,
      endLine: 8
    })
  })
})

describe('locateSource on net/ipv4/tcp.c', () => {
  const text = kernelFile('net/ipv4/tcp.c')
  const map = (): SourceMap => locateSource(parser, text)

  it('finds one function per column-0 `{` line', () => {
    // A grep for `^[A-Za-z].*(` headers followed by `{` finds 114: it misses tcp_poll, whose
    // return type `__poll_t` starts with an underscore.
    expect(braceLines(text)).toBe(115)
    expect(map().functions).toHaveLength(115)
  })

  it('gets names and ranges right for a hand-checked sample', () => {
    const m = map()
    expect(fn(m, 'tcp_poll')).toMatchObject({ isStatic: false })
    expect(fn(m, 'tcp_compute_delivery_rate')).toMatchObject({
      startLine: 395,
      bodyLine: 396,
      isStatic: true
    })
    expect(fn(m, 'tcp_should_autocork')).toMatchObject({ startLine: 696, bodyLine: 698 })
    expect(fn(m, 'tcp_set_state')).toMatchObject({ startLine: 2741 })
    expect(m.macros).toContainEqual({
      name: 'TCP_ZEROCOPY_PAGE_BATCH_SIZE',
      startLine: 2225,
      endLine: 2225
    })
    expect(m.macros).toContainEqual({
      name: 'pr_fmt',
      startLine: 244,
      endLine: 244,
      params: ['fmt']
    })
  })
})

describe('locateSource on headers and generated functions', () => {
  it('finds static inlines and types in include/linux/tcp.h', () => {
    const text = kernelFile('include/linux/tcp.h')
    const m = locateSource(parser, text)
    expect(m.functions).toHaveLength(braceLines(text))
    expect(fn(m, 'tcp_hdr')).toEqual({
      name: 'tcp_hdr',
      symbols: ['tcp_hdr'],
      startLine: 24,
      endLine: 27,
      bodyLine: 25,
      isStatic: true
    })
    const tcpSock = m.declarations.find(d => d.name === 'tcp_sock' && d.kind === 'type')
    expect(tcpSock?.startLine).toBe(175)
    // Both branches of `#ifdef CONFIG_BPF` are recorded.
    expect(m.macros.filter(x => x.name === 'BPF_SOCK_OPS_TEST_FLAG').map(x => x.startLine)).toEqual(
      [397, 399]
    )
  })

  it('resolves token-pasted names of macro-generated sysfs functions', () => {
    const m = locateSource(parser, kernelFile('drivers/base/topology.c'))
    expect(m.macros).toContainEqual({
      name: 'define_id_show_func',
      startLine: 17,
      endLine: 22,
      params: ['name', 'fmt']
    })
    expect(fn(m, 'physical_package_id_show')).toEqual({
      name: 'physical_package_id_show',
      symbols: ['physical_package_id_show'],
      startLine: 61,
      endLine: 61,
      bodyLine: 61,
      isStatic: true,
      generatedBy: 'define_id_show_func'
    })
    // One invocation, two functions.
    expect(m.functions.filter(f => f.startLine === 80).map(f => f.name)).toEqual([
      'thread_siblings_list_read',
      'thread_siblings_read'
    ])
    expect(fn(m, 'topology_add_dev')).toMatchObject({
      startLine: 188,
      endLine: 193,
      isStatic: true
    })
    expect(m.functions.filter(f => f.generatedBy)).toHaveLength(23)
  })

  it('starts a function after a generator called with no `;` before it', () => {
    // tree-sitter reads `SHOW(cnt, long, nr)` as the head of the next definition: a hunk on the
    // call changed show_cnt only, and the call's arguments were read as part of after_show.
    const m = locateSource(
      parser,
      [
        '#define SHOW(name, type, field) type show_##name(struct host *h) { return h->field; }',
        'SHOW(cnt, long, nr)',
        '',
        'int after_show(struct host *h)',
        '{',
        '\treturn h->flags;',
        '}'
      ].join('\n')
    )
    expect(fn(m, 'show_cnt')).toMatchObject({ startLine: 2, endLine: 2, generatedBy: 'SHOW' })
    expect(fn(m, 'after_show')).toMatchObject({ startLine: 3, endLine: 7, bodyLine: 5 })
  })

  it('blanks annotations, handles nested templates, pointer returns and loop macros', () => {
    const text = [
      '#define SHOW(n) static int n##_show(void) { return 0; }',
      '#define SHOW_RO(n) SHOW(n);',
      'static int __init __cold my_init(void)',
      '{',
      '\treturn 0;',
      '}',
      'SHOW_RO(alpha);',
      'static struct page *',
      'grab_page(struct foo *f) __acquires(f->lock)',
      '{',
      '\tfor_each_cpu(i)',
      '\t\tf->n += i;',
      '\treturn NULL;',
      '}',
      'int (*pick_handler(int x))(int)',
      '{',
      '\treturn NULL;',
      '}'
    ].join('\n')
    const m = locateSource(parser, text)
    expect(m.functions.map(f => [f.name, f.startLine, f.endLine])).toEqual([
      ['my_init', 3, 6],
      ['alpha_show', 7, 7],
      ['grab_page', 8, 14],
      ['pick_handler', 15, 18]
    ])
  })

  it('ends a body error recovery leaves open at its lexical end (kernel/sched/fair.c set_skip_buddy)', () => {
    const text = [
      'static void set_skip_buddy(struct sched_entity *se)',
      '{',
      '\tfor_each_sched_entity(se)',
      '\t\tcfs_rq_of(se)->skip = se;',
      '}',
      '',
      'struct env {',
      '\tint a;',
      '};',
      '',
      'static int after(int a)',
      '{',
      '\treturn a + 1;',
      '}'
    ].join('\n')
    const m = locateSource(parser, text)
    expect(m.functions.map(f => [f.name, f.startLine, f.endLine])).toEqual([
      ['set_skip_buddy', 1, 5],
      ['after', 11, 14]
    ])
    // Top-level items inside the body tree-sitter left open are still declarations.
    expect(m.declarations.map(d => [d.kind, d.name, d.startLine, d.endLine])).toEqual([
      ['type', 'env', 7, 9]
    ])
  })
})

describe('findCallers', () => {
  it('lists functions whose body references the callee, not member names', () => {
    const text = kernelFile('fs/read_write.c')
    expect(findCallers(parser, text, 'ksys_read')).toEqual(['__do_sys_read'])
    expect(findCallers(parser, text, 'ksys_lseek')).toEqual([
      '__do_compat_sys_lseek',
      '__do_sys_lseek'
    ])
    // `file->f_op->llseek` is a member access, `vfs_llseek` calls through it.
    expect(
      findCallers(
        parser,
        'int a(void) { return f->llseek(0); }\nint llseek(void) { return 0; }\n',
        'llseek'
      )
    ).toEqual([])
  })

  it('counts a call spelled through macros of the file (real GCC: fixtures/gcc/review-reach)', () => {
    // GCC compiled rt_macro to two calls of pick.isra.0; its body spells only PICK_ALL.
    const text = readFileSync(join(FIXTURES, 'review-reach/kernel/sched/rt.c'), 'utf8')
    expect(findCallers(parser, text, 'pick')).toEqual(['rt_direct', 'rt_macro'])
    expect(
      findCallers(
        parser,
        '#define NOT_IT(x) other(x)\n#define GET(o) ((o)->pick)\n' +
          'int a(struct s *o) { return GET(o) + NOT_IT(1); }\nint pick(void) { return 0; }\n',
        'pick'
      )
    ).toEqual([])
  })
})
