import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { mapChanges } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** A one-file diff from `before` to `after` (whole-file hunk), mapped with `before` as the tree. */
function mapped(before: string, after: string) {
  const a = before.split('\n').slice(0, -1)
  const b = after.split('\n').slice(0, -1)
  const body = [...a.map(l => `-${l}`), ...b.map(l => `+${l}`)].join('\n')
  const diff = `diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,${a.length} +1,${b.length} @@\n${body}\n`
  const { files } = parsePatch(diff, 1)
  return mapChanges(parser, [{ patch: files[0], path: 'x.c', oldText: before, newText: null }])
}

/** `before` with one line replaced: a diff of that line alone (the others are context). */
function mappedLine(before: string, from: string, to: string) {
  const lines = before.split('\n').slice(0, -1)
  const at = lines.indexOf(from)
  if (at < 0) throw new Error(`no line ${from}`)
  const body = lines.map((l, i) => (i === at ? `-${l}\n+${to}` : ` ${l}`)).join('\n')
  const diff = `diff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -1,${lines.length} +1,${lines.length} @@\n${body}\n`
  const { files } = parsePatch(diff, 1)
  return mapChanges(parser, [{ patch: files[0], path: 'x.c', oldText: before, newText: null }])
}

const names = (r: ReturnType<typeof mapChanges>) => r.changed.map(c => c.name).sort()
const macroFinding = (r: ReturnType<typeof mapChanges>) =>
  r.findings.find(f => f.kind === 'macro-change')

describe('a changed #define reaches', () => {
  it('the functions spelling a macro defined through it', () => {
    const src = [
      '#define LIMIT 10',
      '#define FLAGS (LIMIT | 0x100)',
      'int o1(int a) { return a > LIMIT; }',
      'int o2(int a) { return a & FLAGS; }',
      'int o3(int a) { return a; }',
      ''
    ].join('\n')
    const r = mappedLine(src, '#define LIMIT 10', '#define LIMIT 12')
    expect(names(r)).toEqual(['o1', 'o2'])
    expect(macroFinding(r)?.severity).toBe('warning')
  })

  it('the functions of a macro that pastes its name, and of one that generates them', () => {
    const src = [
      '#define REG_A 5',
      '#define REG(n) REG_##n',
      '#define GEN(n) static int get_##n(int v) { return v * REG_A; }',
      'GEN(one)',
      'int p1(int a) { return a + REG(A); }',
      'int p2(int a) { return get_one(a); }',
      'int p3(int a) { return a; }',
      ''
    ].join('\n')
    const r = mappedLine(src, '#define REG_A 5', '#define REG_A 7')
    expect(names(r)).toEqual(['get_one', 'p1'])
  })

  it('the directives inside a function and its header, not only its code', () => {
    const src = [
      '#define USE_FAST 1',
      '#define val_t int',
      'int m1(int a)',
      '{',
      '#if USE_FAST',
      '\treturn a * 2;',
      '#else',
      '\treturn a;',
      '#endif',
      '}',
      'static val_t vt(int a) { return a / 3; }',
      'int m2(int a) { return a; }',
      ''
    ].join('\n')
    expect(names(mappedLine(src, '#define USE_FAST 1', '#define USE_FAST 0'))).toEqual(['m1'])
    expect(names(mappedLine(src, '#define val_t int', '#define val_t unsigned int'))).toEqual([
      'vt'
    ])
  })

  it('the users of a macro whose definition an #if change moves in or out of the build', () => {
    const src = [
      '#define FAST 1',
      '#ifdef FAST',
      '#define STEP 2',
      '#else',
      '#define STEP 1',
      '#endif',
      'int i1(int a) { return a + STEP; }',
      'int i3(int a) { return a; }',
      ''
    ].join('\n')
    const r = mappedLine(src, '#ifdef FAST', '#ifndef FAST')
    expect(names(r)).toEqual(['i1'])
    expect(r.findings.some(f => /moves no unchanged code/.test(f.message))).toBe(false)
  })

  it('later functions when it is defined inside a function body', () => {
    const src = [
      'int l1(int a)',
      '{',
      '#define LOCALM 3',
      '\treturn a + LOCALM;',
      '}',
      'int l2(int a) { return a * LOCALM; }',
      ''
    ].join('\n')
    expect(names(mappedLine(src, '#define LOCALM 3', '#define LOCALM 4'))).toEqual(['l1', 'l2'])
  })

  it('headers included below it, which may read it (pr_fmt, DEBUG, a template): unresolved', () => {
    const src = [
      '#define pr_fmt(fmt) "reboot: " fmt',
      '#include <linux/printk.h>',
      'void halt(void) { pr_emerg("System halted\\n"); }',
      ''
    ].join('\n')
    const r = mappedLine(src, src.split('\n')[0], '#define pr_fmt(fmt) "reboot2: " fmt')
    expect(macroFinding(r)).toMatchObject({ severity: 'unresolved' })
    expect(macroFinding(r)?.message).toContain('above #include <linux/printk.h>')
    const debug = mapped(src, `#define DEBUG\n${src}`)
    expect(macroFinding(debug)).toMatchObject({ severity: 'unresolved' })
    // Below every include, only this file can read it.
    const below = ['#include <linux/printk.h>', '#define LIM 3', 'int f(void) { return LIM; }', '']
    const r2 = mappedLine(below.join('\n'), '#define LIM 3', '#define LIM 4')
    expect(macroFinding(r2)).toMatchObject({ severity: 'warning' })
  })

  it('an #ifdef only when it is added or removed, and says so for uses outside functions', () => {
    const src = [
      'extern int printk(const char *fmt, ...);',
      'int dbg1(int a)',
      '{',
      '#ifdef DEBUG',
      '\tprintk("%d", a);',
      '#endif',
      '\treturn a;',
      '}',
      ''
    ].join('\n')
    expect(names(mapped(src, `#define DEBUG\n${src}`))).toEqual(['dbg1'])
    const data = [
      '#define VAL 10',
      'enum { E_X = VAL, E_Y };',
      'int d1(int a) { return a + E_Y; }',
      ''
    ].join('\n')
    const r = mappedLine(data, '#define VAL 10', '#define VAL 11')
    expect(macroFinding(r)).toMatchObject({ severity: 'unresolved' })
    expect(macroFinding(r)?.message).toMatch(/used outside functions \(line 2/)
    // A value change leaves `#ifndef VAL` as it reads: the guard is no use of the value.
    const guarded = [
      '#ifndef VAL',
      '#define VAL 10',
      '#endif',
      'int g(int a) { return a + VAL; }',
      ''
    ]
    const g = mappedLine(guarded.join('\n'), '#define VAL 10', '#define VAL 11')
    expect(names(g)).toEqual(['g'])
    expect(macroFinding(g)?.severity).toBe('warning')
  })
})

describe('a definition whose header changes', () => {
  const src = [
    'extern int state;',
    'static __attribute__((__noinline__)) void set_flag(int on)',
    '{',
    '\tstate = on ? 1 : 0;',
    '}',
    'void api_flag(int v) { set_flag(v & 0x100); }',
    'int other(int v) { return v; }',
    ''
  ].join('\n')
  const line = 'static __attribute__((__noinline__)) void set_flag(int on)'

  it('makes its callers in the file changed (they pass the argument differently)', () => {
    const r = mappedLine(src, line, line.replace('int on', '_Bool on'))
    expect(names(r)).toEqual(['api_flag', 'set_flag'])
    expect(r.findings.find(f => f.kind === 'prototype-change')).toMatchObject({
      severity: 'warning',
      functions: ['api_flag']
    })
  })

  it('is unresolved when other files can call it', () => {
    const global = src.replace('static __attribute', '__attribute')
    const r = mappedLine(
      global,
      line.replace('static ', ''),
      line.replace('static ', '').replace('void', 'int')
    )
    expect(r.findings.find(f => f.kind === 'prototype-change')).toMatchObject({
      severity: 'unresolved'
    })
  })

  // mm/page_alloc.c (6.1.187) drops `static` from prep_compound_head for a caller in another
  // file; a hostile review's case: a function made global overrides another file's __weak
  // default, whose callers then reach it at the next link, the signature alike or not.
  it('is unresolved when the fix makes it global: it may override a __weak definition', () => {
    for (const post of [
      line.replace('static ', ''),
      line.replace('static ', '').replace('int on', 'long on')
    ]) {
      const r = mappedLine(src, line, post)
      expect(names(r)).toEqual(['api_flag', 'set_flag'])
      expect(r.findings.find(f => f.kind === 'prototype-change')).toMatchObject({
        severity: 'unresolved',
        message: expect.stringContaining('(a __weak default) reach this one now') as unknown,
        functions: ['api_flag']
      })
    }
  })

  // mm/page_alloc.c's prep_compound_tail gains a parameter (6.1.190): a caller elsewhere that
  // passes the old count no longer compiles, so it changes in the fix's own text.
  it('is a warning when other files can call it but the parameter count changes, or the call passes alike', () => {
    const plain = 'void api(u64 v, int on)'
    const global = `${plain}\n{\n\tstate = on;\n}\nint user(int v) { api(v, 1); return v; }\n`
    const recounted = mappedLine(global, plain, 'void api(u64 v, int on, bool all)')
    expect(recounted.findings.find(f => f.kind === 'prototype-change')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('cannot pass 2 arguments to its 3 parameters') as unknown
    })
    const widened = mappedLine(global, plain, 'void api(unsigned long v, int on)')
    expect(widened.findings.find(f => f.kind === 'prototype-change')).toMatchObject({
      severity: 'warning',
      message: expect.stringContaining('pass and receive alike') as unknown
    })
    const narrowed = mappedLine(global, plain, 'void api(u32 v, int on)')
    expect(narrowed.findings.find(f => f.kind === 'prototype-change')?.severity).toBe('unresolved')
  })

  it('leaves the callers alone when only the body changes', () => {
    const r = mappedLine(src, '\tstate = on ? 1 : 0;', '\tstate = on ? 2 : 0;')
    expect(names(r)).toEqual(['set_flag'])
    expect(r.findings.find(f => f.kind === 'prototype-change')).toBeUndefined()
  })
})

describe('a function defined by a macro the engine does not expand', () => {
  it('is mapped by its guessed name with an unresolved finding (the macro decides the names)', () => {
    const src = [
      'DEFINE_IDTENTRY_SYSVEC(sysvec_error_interrupt)',
      '{',
      '\tack_APIC_irq();',
      '}',
      'SYSCALL_DEFINE1(close, unsigned int, fd)',
      '{',
      '\treturn fd;',
      '}',
      ''
    ].join('\n')
    const r = mappedLine(src, '\tack_APIC_irq();', '\tack_APIC_irq(1);')
    expect(names(r)).toEqual(['sysvec_error_interrupt'])
    expect(r.findings.find(f => f.kind === 'unmapped-hunk')).toMatchObject({
      severity: 'unresolved',
      functions: ['sysvec_error_interrupt']
    })
    const known = mappedLine(src, '\treturn fd;', '\treturn fd + 1;')
    expect(known.findings.find(f => f.kind === 'unmapped-hunk')).toBeUndefined()
  })
})
