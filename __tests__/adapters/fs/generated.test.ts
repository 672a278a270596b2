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

  it('keeps archive entries within its budget, and says when one does not fit', () => {
    const s = new SetSources(10)
    expect(s.keep('a.c', 'int a;')).toBe(true)
    expect(s.keep('b.c', 'int bbbbb;')).toBe(false)
    expect(s.readSync('a.c', 100)).toBe('int a;')
    expect(s.readSync('b.c', 100)).toBeNull()
    expect(s.readSync('a.c', 3)).toBe(false)
  })

  it('is empty with neither folders nor entries', () => {
    const s = new SetSources()
    expect(s.empty).toBe(true)
    s.addFolder(dir, '')
    expect(s.empty).toBe(false)
  })
})

describe('generatedOf: one file over several sets', () => {
  const set = (files: Record<string, string>): AnalysisSet =>
    ({
      generated: { readSync: (p: string) => files[p] ?? null }
    }) as unknown as AnalysisSet

  it('takes the text the sets that have the file agree on', () => {
    const sets = [set({ 'a.h': 'x' }), set({}), set({ 'a.h': 'x' })]
    expect(generatedOf(sets, 'a.h', 100)).toBe('x')
    expect(generatedOf(sets, 'b.h', 100)).toBeNull()
  })

  it('reads nothing where two builds generated the file differently', () => {
    expect(generatedOf([set({ 'a.h': 'x86' }), set({ 'a.h': 'arm64' })], 'a.h', 100)).toBe(false)
  })
})
