import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { detectFormat, readDeclarations } from '../../../src/core/livepatch/read.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

const FIXTURES = resolve(TEST_DIR, '../../../fixtures/livepatch')
const fixture = (name: string): { path: string; text: string } => ({
  path: `livepatch/${name}`,
  text: readFileSync(resolve(FIXTURES, name), 'utf8')
})
const brief = (d: { object: string; name: string; sympos?: number }): string =>
  `${d.object}:${d.name}${d.sympos === undefined ? '' : `,${d.sympos}`}`

describe('readDeclarations: upstream samples', () => {
  it('reads livepatch-sample.c: NULL name means vmlinux', () => {
    const r = readDeclarations([fixture('livepatch-sample.c')])
    expect(r.declared).toEqual([
      {
        object: 'vmlinux',
        name: 'cmdline_proc_show',
        newName: 'livepatch_cmdline_proc_show',
        source: 'livepatch/livepatch-sample.c:41'
      }
    ])
    expect(r.findings).toEqual([])
  })

  it('reads module objects and shared funcs arrays', () => {
    const r = readDeclarations([
      fixture('livepatch-shadow-fix1.c'),
      fixture('livepatch-callbacks-demo.c'),
      fixture('test_klp_atomic_replace.c')
    ])
    expect(r.declared.map(brief)).toEqual([
      'livepatch_callbacks_busymod:busymod_work_func',
      'livepatch_shadow_mod:dummy_alloc',
      'livepatch_shadow_mod:dummy_free',
      'vmlinux:meminfo_proc_show'
    ])
    expect(r.findings).toEqual([])
  })
})

describe('readDeclarations: C forms', () => {
  const r = readDeclarations([fixture('livepatch-macros.c'), fixture('livepatch-ip6.c')])

  it('expands local macros, __stringify, positional and designated initializers', () => {
    expect(r.declared.map(brief)).toEqual([
      'vmlinux:tcp_rcv_established',
      'vmlinux:__tcp_transmit_skb,2',
      'vmlinux:skb_release_data',
      'vmlinux:cmdline_proc_show',
      'vmlinux:__x64_sys_ioperm',
      'vmlinux:__arm64_sys_ioperm',
      'ip6_tables:ip6t_do_table',
      '*:orphan_func'
    ])
    const tcp = r.declared[0]
    expect(tcp.newName).toBe('klpp_tcp_rcv_established')
    expect(tcp.source).toBe('livepatch/livepatch-macros.c:13')
  })

  it('records #if conditions and drops #if 0', () => {
    expect(r.declared[4].condition).toBe('IS_ENABLED(CONFIG_X86_64)')
    expect(r.declared[5].condition).toBe('!(IS_ENABLED(CONFIG_X86_64))')
    expect(r.declared.some(d => d.name === 'not_patched')).toBe(false)
  })

  it('reports what it cannot read, with file and line', () => {
    const seen = r.findings.map(f => `${f.kind}/${f.severity} ${f.file}:${f.line}`)
    expect(seen).toEqual([
      'declaration-duplicate/warning livepatch/livepatch-ip6.c:6',
      'declaration-unparsed/warning livepatch/livepatch-macros.c:18',
      'declaration-unparsed/warning livepatch/livepatch-macros.c:20',
      'declaration-unparsed/unresolved livepatch/livepatch-macros.c:25',
      'declaration-unparsed/warning livepatch/livepatch-macros.c:29',
      'declaration-unparsed/unresolved livepatch/livepatch-macros.c:38',
      'declaration-unparsed/unresolved livepatch/livepatch-macros.c:47'
    ])
    expect(r.findings[1].message).toContain('#if IS_ENABLED(CONFIG_X86_64)')
    expect(r.findings[3].message).toContain('some_pointer')
    // "nf-tables" is no module name: the kernel's find_module compares it as written.
    expect(r.findings[5].message).toContain('"nf-tables" names no module')
    expect(r.findings[5].functions).toEqual(['nft_setelem_data_deactivate'])
    expect(r.findings[6].message).toContain('nowhere_funcs')
  })
})

describe('readDeclarations: kGraft', () => {
  it('reads KGR_PATCH, KGR_PATCH_OBJ and position variants', () => {
    const r = readDeclarations([fixture('kgraft_patch.c')])
    expect(r.declared.map(brief)).toEqual([
      'vmlinux:SyS_iopl',
      'vmlinux:capable',
      'ext4:ext4_fill_super',
      'nf_tables:nft_do_chain',
      'vmlinux:do_one_initcall,2',
      'vmlinux:__x64_sys_ioperm'
    ])
    expect(r.declared[5].condition).toBe('defined(CONFIG_X86_64)')
    expect(r.findings.map(f => [f.severity, f.line])).toEqual([
      ['warning', 20],
      ['unresolved', 22]
    ])
    expect(r.findings[0].message).toContain('defined(CONFIG_X86_64)')
  })
})

describe('readDeclarations: line formats', () => {
  it('reads SUSE patched_funcs.csv with sympos and conditions', () => {
    const r = readDeclarations([fixture('patched_funcs.csv')])
    expect(r.declared.map(brief)).toEqual([
      'vmlinux:tcp_rcv_established',
      'vmlinux:skb_release_data.constprop.0',
      'nf_tables:nft_setelem_data_deactivate,2'
    ])
    expect(r.declared[2]).toMatchObject({
      newName: 'klpp_nft_setelem_data_deactivate',
      condition: 'defined(CONFIG_NF_TABLES) && !defined(CONFIG_PPC64)',
      source: 'livepatch/patched_funcs.csv:4'
    })
    // The condition undecided (no .config here): counted, with a warning naming it.
    expect(r.findings.map(f => [f.severity, f.line])).toEqual([
      ['warning', 3],
      ['warning', 4],
      ['unresolved', 5],
      ['unresolved', 6]
    ])
  })

  it('decides the condition of a csv entry as the #if of a C entry: false drops it', () => {
    const r = readDeclarations([fixture('patched_funcs.csv')], c =>
      c.includes('CONFIG_NF_TABLES') ? false : undefined
    )
    expect(r.declared.map(brief)).not.toContain('nf_tables:nft_setelem_data_deactivate,2')
    expect(r.findings.find(f => f.line === 4)).toMatchObject({ severity: 'info' })
  })

  it('reads a plain list: no object means any object', () => {
    const r = readDeclarations([fixture('functions.list')])
    expect(r.declared.map(brief)).toEqual([
      '*:tcp_rcv_established',
      'vmlinux:__tcp_transmit_skb',
      'nf_tables:nft_setelem_data_deactivate,2',
      'ip6_tables:ip6t_do_table'
    ])
    expect(r.findings.map(f => [f.kind, f.severity, f.line])).toEqual([
      ['declaration-unparsed', 'unresolved', 6],
      ['declaration-unparsed', 'unresolved', 7]
    ])
  })

  it('detects formats by content when the name does not tell', () => {
    expect(detectFormat({ path: 'decl', text: 'vmlinux foo klpp_foo\n' })).toBe('suse-csv')
    expect(detectFormat({ path: 'decl', text: 'foo\nvmlinux:bar,2\n' })).toBe('plain')
    expect(detectFormat({ path: 'decl', text: 'static struct klp_func f[] = {};' })).toBe('c')
  })

  it('never throws, and flags files with nothing in them', () => {
    const r = readDeclarations([
      { path: 'a.c', text: 'int main(void) { return 0; }' },
      { path: 'b.c', text: 'static struct klp_func f[] = { { .old_name = "x"' },
      { path: 'c.txt', text: '' }
    ])
    expect(r.declared).toEqual([])
    expect(r.findings.map(f => `${f.file}:${f.severity}`)).toEqual([
      'a.c:unresolved',
      'b.c:unresolved',
      'c.txt:warning'
    ])
  })
})

describe('readDeclarations: what the klp_patch registers', () => {
  const lp = (objs: string): { path: string; text: string } => ({
    path: 'livepatch.c',
    text: [
      'static struct klp_func funcs_v1[] = { { .old_name = "foo_handle", .new_func = a, }, { } };',
      'static struct klp_func funcs_v2[] = { { .old_name = "other_func", .new_func = b, }, { } };',
      'static struct klp_func loose[] = { { .old_name = "bar", .new_func = c, }, { } };',
      'static struct klp_object objs_v1[] = { { .name = NULL, .funcs = funcs_v1, }, { } };',
      'static struct klp_object objs_v2[] = { { .name = NULL, .funcs = funcs_v2, }, { } };',
      `static struct klp_patch patch = { .mod = THIS_MODULE, .objs = ${objs}, };`,
      ''
    ].join('\n')
  })

  it('counts only the objects its .objs names; other arrays are never walked', () => {
    const r = readDeclarations([lp('objs_v2')])
    expect(r.declared.map(d => d.name)).toEqual(['other_func'])
    expect(r.findings.map(f => [f.severity, f.line, f.functions])).toEqual([
      ['warning', 3, ['bar']],
      ['warning', 4, ['foo_handle']]
    ])
  })

  it('keeps every array when .objs is not an array name it can follow', () => {
    const r = readDeclarations([lp('(struct klp_object[]){ { } }')])
    expect(r.declared.map(d => d.name).sort()).toEqual(['bar', 'foo_handle', 'other_func'])
  })
})

describe('readDeclarations: an #if inside an entry', () => {
  it('is unresolved rather than the last spelling winning', () => {
    const r = readDeclarations([
      {
        path: 'livepatch.c',
        text: [
          'static struct klp_func funcs[] = {',
          '\t{',
          '#ifdef CONFIG_X86_64',
          '\t\t.old_name = "other_func",',
          '#else',
          '\t\t.old_name = "foo_handle",',
          '#endif',
          '\t\t.new_func = klpp_foo,',
          '\t},',
          '\t{ .old_name = "bar", .new_func = klpp_bar, },',
          '\t{ }',
          '};',
          'static struct klp_object objs[] = { { .name = NULL, .funcs = funcs, }, { } };',
          ''
        ].join('\n')
      }
    ])
    expect(r.declared.map(d => d.name)).toEqual(['bar'])
    expect(r.findings.map(f => [f.severity, f.line])).toEqual([['unresolved', 4]])
    expect(r.findings[0].message).toContain('#if inside it (defined(CONFIG_X86_64))')
  })
})
