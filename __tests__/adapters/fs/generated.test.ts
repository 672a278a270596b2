import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SetSources } from '../../../src/adapters/fs/generated.js'
import { generatedOf, type AnalysisSet } from '../../../src/core/analysis-set.js'

describe('SetSources: the generated files of one dump set', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'klp-generated-'))
    mkdirSync(join(dir, 'build/include/generated'), { recursive: true })
    writeFileSync(join(dir, 'build/include/generated/autoconf.h'), '#define CONFIG_X 1\n')
    writeFileSync(join(dir, 'build/vmlinux.o'), 'not a source')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('reads a folder from the root its dumps were found under', () => {
    const s = new SetSources()
    s.addFolder(dir, 'build')
    expect(s.readSync('include/generated/autoconf.h', 1000)).toBe('#define CONFIG_X 1\n')
    expect(s.readSync('include/generated/missing.h', 1000)).toBeNull()
    // Only C sources and headers: a dump folder holds objects and kbuild files too.
    expect(s.readSync('vmlinux.o', 1000)).toBeNull()
    expect(s.readSync('include/generated/autoconf.h', 5)).toBe(false)
  })

  it('reserves archive entries within its budget', () => {
    const s = new SetSources(10)
    expect(s.reserve(6)).toBe(true)
    expect(s.reserve(5)).toBe(false)
    expect(s.reserve(4)).toBe(true)
    s.keep('a.c', 'int a;')
    expect(s.readSync('a.c', 100)).toBe('int a;')
    expect(s.readSync('a.c', 3)).toBe(false)
  })

  it('reads nothing where its inputs hold two different copies', () => {
    const s = new SetSources()
    s.keep('a.c', 'int a;')
    s.keep('a.c', 'int a;')
    expect(s.readSync('a.c', 100)).toBe('int a;')
    s.keep('a.c', 'int b;')
    expect(s.readSync('a.c', 100)).toBe(false)
    // An archive's copy and a folder's that differ.
    s.keep('include/generated/autoconf.h', '#define CONFIG_X 2\n')
    s.addFolder(dir, 'build')
    expect(s.readSync('include/generated/autoconf.h', 1000)).toBe(false)
  })

  it('is empty with neither folders nor entries', () => {
    const s = new SetSources()
    expect(s.empty).toBe(true)
    s.addFolder(dir, '')
    expect(s.empty).toBe(false)
  })
})

describe('generatedOf: one file over several sets', () => {
  /** A set carrying `files`, whose TU `t.c` (complete kbuild list) read `reads`. */
  const set = (files: Record<string, string>, reads: string[] | null = []): AnalysisSet =>
    ({
      generated: { readSync: (p: string) => files[p] ?? null },
      set: { hasTu: (tu: string) => tu === 't.c', tus: () => ['t.c'] },
      ...(reads
        ? {
            deps: {
              complete: () => true,
              has: (tu: string) => tu === 't.c',
              tusSeeing: (f: string) => (reads.includes(f) ? ['t.c'] : [])
            }
          }
        : {})
    }) as unknown as AnalysisSet

  it('takes the text every set that may read it carries', () => {
    const sets = [set({ 'a.h': 'x' }), set({}), set({ 'a.h': 'x' })]
    expect(generatedOf(sets, 'a.h', 100)).toBe('x')
    expect(generatedOf(sets, 'b.h', 100)).toBeNull()
  })

  it("does not lend one set's copy to a set that reads the file without carrying it", () => {
    // x86_64 carries its g.c; arm64 read one too (kbuild's list) and carries none.
    expect(generatedOf([set({ 'g.c': 'x86' }), set({}, ['g.c'])], 'g.c', 100)).toBeNull()
    // Without kbuild lists, whether arm64 reads it is not known.
    expect(generatedOf([set({ 'g.c': 'x86' }), set({}, null)], 'g.c', 100)).toBeNull()
  })

  it('reads nothing where two builds generated the file differently', () => {
    expect(generatedOf([set({ 'a.h': 'x86' }), set({ 'a.h': 'arm64' })], 'a.h', 100)).toBe(false)
  })
})
