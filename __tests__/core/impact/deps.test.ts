import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { HeaderDeps, parseDeps } from '../../../src/core/impact/deps.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/** lib/.ctype.o.cmd as kbuild 6.1.187 (Debian config, livepatch flags) wrote it, unedited. */
const REAL = readFileSync(join(FIXTURES, '../kbuild/ctype.o.cmd'), 'utf8')

describe('kbuild dependency lists', () => {
  it('reads a real .cmd: the TU first, headers as listed, Kconfig wildcards left out', () => {
    const parsed = parseDeps(REAL)
    expect(parsed?.tu).toBe('lib/ctype.c')
    expect(parsed?.complete).toBe(true)
    expect(parsed?.files.slice(0, 3)).toEqual([
      'lib/ctype.c',
      'include/linux/compiler-version.h',
      'include/linux/kconfig.h'
    ])
    expect(parsed?.files).toContain('include/linux/ctype.h')
    expect(parsed?.files).toContain('arch/x86/include/generated/asm/rwonce.h')
    expect(parsed?.files.some(f => f.includes('wildcard') || f.includes('config/'))).toBe(false)
    // Listed twice by fixdep (compiler_types.h is -include'd and included), kept once.
    expect(parsed?.files.filter(f => f === 'include/linux/compiler_types.h')).toHaveLength(1)
  })

  it('counts a list cut by the read cap as absent, not as a TU that sees nothing', () => {
    const deps = new HeaderDeps()
    const cut = REAL.slice(0, REAL.indexOf('include/linux/types.h'))
    expect(deps.add(cut)).toBe('lib/ctype.c')
    expect(deps.has('lib/ctype.c')).toBe(false)
    expect(deps.filesOf('lib/ctype.c')).toBeUndefined()
    expect(deps.tusSeeing('include/linux/ctype.h')).toEqual([])
    expect(deps.complete()).toBe(false)
    deps.add(REAL)
    expect(deps.complete()).toBe(true)
    expect(deps.tusSeeing('include/linux/ctype.h')).toEqual(['lib/ctype.c'])
    expect(deps.tusSeeing('./include/linux/ctype.h')).toEqual(['lib/ctype.c'])
  })

  it('strips an O= build source prefix and drops the compiler headers; skips assembler and other files', () => {
    const text = [
      'cmd_net/x.o := gcc -c -o net/x.o /src/linux/net/x.c',
      'source_net/x.o := /src/linux/net/x.c',
      'deps_net/x.o := \\',
      '  /src/linux/include/linux/skbuff.h \\',
      '  /usr/lib/gcc/x86_64-linux-gnu/12/include/stddef.h \\',
      '    $(wildcard include/config/NET) \\',
      '  net/x.h \\',
      '',
      'net/x.o: $(deps_net/x.o)'
    ].join('\n')
    expect(parseDeps(text)).toEqual({
      tu: 'net/x.c',
      files: ['net/x.c', 'include/linux/skbuff.h', 'net/x.h'],
      complete: true
    })
    expect(parseDeps(text.replace(/net\/x\.c/g, 'net/x.S'))).toBeUndefined()
    expect(parseDeps('cmd_vmlinux := ld -o vmlinux')).toBeUndefined()
  })

  it('reads CRLF lists alike; a list that ends at the text, or at its blank line, is cut', () => {
    const whole = parseDeps(REAL)
    expect(parseDeps(REAL.replace(/\n/g, '\r\n'))).toEqual(whole)
    const blank = REAL.indexOf('\n\n', REAL.indexOf('deps_'))
    // The blank line that ends the list is only known as such with the newline after it.
    expect(parseDeps(REAL.slice(0, blank + 2))).toEqual(whole)
    expect(parseDeps(REAL.slice(0, blank + 1))?.complete).toBe(false)
    const head = REAL.slice(0, REAL.indexOf('\n', REAL.indexOf('deps_')))
    expect(parseDeps(head)).toEqual({ tu: 'lib/ctype.c', files: ['lib/ctype.c'], complete: false })
  })

  it('answers which TUs see a header across many objects', () => {
    const deps = new HeaderDeps()
    const cmd = (tu: string, headers: string[]): string =>
      [
        `source_${tu.slice(0, -2)}.o := ${tu}`,
        `deps_${tu.slice(0, -2)}.o := \\`,
        ...headers.map(h => `  ${h} \\`),
        '',
        `${tu.slice(0, -2)}.o: $(deps_${tu.slice(0, -2)}.o)`
      ].join('\n')
    deps.add(cmd('a/one.c', ['include/x.h', 'include/y.h']))
    deps.add(cmd('b/two.c', ['include/y.h']))
    expect(deps.size).toBe(2)
    expect(deps.tusSeeing('include/y.h')).toEqual(['a/one.c', 'b/two.c'])
    expect(deps.tusSeeing('include/x.h')).toEqual(['a/one.c'])
    expect(deps.filesOf('b/two.c')).toEqual(['b/two.c', 'include/y.h'])
  })
})
