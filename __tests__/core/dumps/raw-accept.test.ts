import { jest } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { acceptRaw, type DumpBytes } from '../../../src/core/dumps/raw-accept.js'
import { FocusMatcher } from '../../../src/core/dumps/focus.js'
import { RawFocus } from '../../../src/core/dumps/raw-focus.js'
import { DumpScanner, PREFIX_SAMPLE, type ScannedDump } from '../../../src/core/dumps/scanner.js'
import { LineCheck } from '../../../src/core/line-check/line-check.js'
import { FIXTURES, dumpFiles } from './load-fixture.js'
import { mulberry32 } from '../../helpers/rng.js'
import { mutate } from '../../helpers/mutate-dump.js'

const accept = (b: Buffer): number => acceptRaw(b.toString('latin1'))
const raw = (b: Buffer): DumpBytes => ({
  length: b.length,
  latin1: () => b.toString('latin1'),
  view: () => b
})

/** Every dump GCC 12 wrote for the fixtures: real lines of every kind the tool meets. */
const FIXTURE_NAMES = dumpFiles(FIXTURES)
const real: Buffer[] = FIXTURE_NAMES.map(f => readFileSync(join(FIXTURES, f)))

/** A scanner past its path-prefix samples, as most of a kernel's dumps meet it. */
function warmScanner(names = ['no_such_function'], files: string[] = []): DumpScanner {
  const s = new DumpScanner('t', { names, files })
  for (let i = 0; i < PREFIX_SAMPLE; i++) {
    const own = `warm/w${i}.c`
    const scanned = s.scan(
      `${own}.000i.ipa-clones`,
      `Callgraph clone;g;1;${own};2;3;g.part.0;4;${own};2;3;partial inlining\n`
    )
    expect(scanned.rename).toBeDefined()
  }
  return s
}

describe('acceptRaw', () => {
  it('accepts every dump GCC wrote, counting its lines as the scanner does', () => {
    expect(real.length).toBeGreaterThan(50)
    const scanner = new DumpScanner('t')
    for (const b of real) {
      const scanned = scanner.scan('x.c.000i.ipa-clones', b.toString('utf8'))
      expect(scanned.findings).toEqual([])
      expect(accept(b)).toBe(scanned.lines)
    }
  })

  it('is never laxer than the scanner: what it accepts, the scanner finds nothing in', () => {
    const rnd = mulberry32(7)
    // The fast path is only for dumps the focus does not want, which get no cross-line checks.
    const scanner = new DumpScanner('t', { names: ['no_such_function'], files: [] })
    const withLines = real.filter(b => b.length > 0)
    let accepted = 0
    let refused = 0
    for (let i = 0; i < 4000; i++) {
      const b = mutate(withLines[i % withLines.length], rnd)
      const scanned = scanner.scan('x.c.000i.ipa-clones', b.toString('utf8'))
      const lines = accept(b)
      if (lines >= 0) {
        accepted++
        expect({ findings: scanned.findings, lines: scanned.lines }).toEqual({
          findings: [],
          lines
        })
      } else refused++
    }
    // Both outcomes are exercised, or the property says nothing.
    expect(accepted).toBeGreaterThan(200)
    expect(refused).toBeGreaterThan(200)
  })

  it('leaves to the full scan what it does not spot-check: GCC 7 lines, CR, a BOM', () => {
    const gcc8 = 'Callgraph clone;f;1;a.c;2;3;f.part.0;4;a.c;2;3;partial inlining\n'
    const gcc7 =
      'Callgraph clone;f;1;a.c;2;3;<-;f.part.0;4;a.c;2;3;optimization:;partial inlining\n'
    expect(accept(Buffer.from(gcc8))).toBe(1)
    expect(accept(Buffer.from(gcc7))).toBe(-1)
    expect(accept(Buffer.from(gcc8.replace('\n', '\r\n')))).toBe(-1)
    expect(accept(Buffer.from(`\uFEFF${gcc8}`))).toBe(-1)
    expect(accept(Buffer.from(`\n\n${gcc8}\n`))).toBe(1)
    expect(accept(Buffer.from(''))).toBe(0)
  })
})

describe('acceptRaw with a focus', () => {
  const clone = (name: string, file = 'a.c', reason = 'partial inlining'): string =>
    `Callgraph clone;${name};1;${file};2;3;g.part.0;4;a.c;2;3;${reason}\n`
  const focused = (names: string[], files: string[] = []): ((line: string) => number) => {
    const f = new RawFocus(new FocusMatcher({ names, files }))
    return line => acceptRaw(Buffer.from(line, 'latin1').toString('latin1'), f)
  }

  it('refuses a name field that is a focus name, past one leading star, and nothing else', () => {
    const test = focused(['x', 'a.b', 'y+z'])
    expect(test(clone('x'))).toBe(-1)
    expect(test(clone('*x'))).toBe(-1)
    expect(test(clone('**x'))).toBe(1)
    expect(test(clone('xy'))).toBe(1)
    expect(test(clone('x.part.0'))).toBe(1)
    // Regular-expression characters in a name are the characters themselves.
    expect(test(clone('a.b'))).toBe(-1)
    expect(test(clone('aXb'))).toBe(1)
    expect(test(clone('y+z'))).toBe(-1)
    expect(test(clone('yyz'))).toBe(1)
    expect(test(`Callgraph removal;*x;1;a.c;2;3\n`)).toBe(-1)
    expect(test(`Callgraph removal;w;1;a.c;2;3\n`)).toBe(1)
  })

  it('refuses a file field ending with a focus base name or with what normalizing drops', () => {
    const test = focused([], ['net/core/sock.c'])
    for (const file of ['net/core/sock.c', 'include/sock.c', 'x/sock.c/', 'x\\', 'a/.', 'a/..'])
      expect([file, test(clone('f', file))]).toEqual([file, -1])
    for (const file of ['a.c', 'sock.cc', 'sock.c.h', 'sock/x.c'])
      expect([file, test(clone('f', file))]).toEqual([file, 1])
  })

  it('holds the line to what the scanner accepts: a star alone, a carriage return at the end', () => {
    const plain = (line: string): number => acceptRaw(line)
    expect(plain(clone('*'))).toBe(-1)
    expect(plain(clone('**'))).toBe(1)
    expect(plain(clone('f', 'a.c', 'partial\rinlining'))).toBe(1)
    expect(plain(clone('f', 'a.c', 'partial inlining\r'))).toBe(-1)
    expect(plain(`Callgraph removal;w;1;a.c;2;3\r\n`)).toBe(-1)
    expect(plain(`Callgraph removal;w;1;a.c;2;3x\n`)).toBe(1)
    expect(plain(`Callgraph removal;w;1;a.c;2;\n`)).toBe(-1)
    expect(plain(`Callgraph removal;w;1;a.c;2;3;\n`)).toBe(-1)
    expect(plain(clone('f', 'a.c', ''))).toBe(-1)
    expect(plain(clone('f', ''))).toBe(-1)
  })
})

describe('DumpScanner.scanBytes', () => {
  const answer = (s: DumpScanner, path: string, b: Buffer): ScannedDump =>
    s.scanBytes(path, raw(b), () => b.toString('utf8'))

  /** Names and files the fixtures' lines hold: a focus on them finds some dumps and not others. */
  const fields = real
    .flatMap(b => b.toString('utf8').split('\n'))
    .filter(l => l.startsWith('Callgraph clone;'))
    .map(l => l.split(';'))
  const someNames = [...new Set(fields.map(f => f[1].replace(/^\*/, '')))].filter(
    (_, i) => i % 9 === 0
  )
  const someFiles = [...new Set(fields.map(f => f[3]))].filter((_, i) => i % 5 === 0)

  it.each([
    ['a name no dump holds', ['no_such_function'], []],
    ['names the dumps hold', someNames, []],
    ['files the dumps name', [], someFiles],
    ['both', someNames.slice(0, 3), someFiles.slice(0, 2)]
  ])('answers as scan does, for real and damaged dumps alike: focus on %s', (_, names, files) => {
    expect(someNames.length).toBeGreaterThan(3)
    expect(someFiles.length).toBeGreaterThan(2)
    const rnd = mulberry32(11)
    const bytesWay = warmScanner(names, files)
    const textWay = warmScanner(names, files)
    let kept = 0
    for (let i = 0; i < 2000; i++) {
      const base = real[i % real.length]
      const b = i % 4 === 0 ? base : mutate(base, rnd)
      const path = `d${i % 7}/f${i}.c.000i.ipa-clones`
      const scanned = textWay.scan(path, b.toString('utf8'))
      expect(answer(bytesWay, path, b)).toEqual(scanned)
      if (scanned.kept) kept++
    }
    if (names.length + files.length > 1) expect(kept).toBeGreaterThan(50)
  })

  it.each([false, true])(
    'answers as scan does with no focus, read whole by the module where it can (graph: %s)',
    graph => {
      const rnd = mulberry32(19)
      const bytesWay = new DumpScanner('t')
      const textWay = new DumpScanner('t')
      const whole = jest.spyOn(LineCheck.prototype, 'graph')
      let byModule = 0
      let sampled = 0
      try {
        for (let i = 0; i < 1500; i++) {
          const base = real[i % real.length]
          const b = i % 3 === 0 ? base : mutate(base, rnd)
          // The first ones under a foreign top folder: path-prefix samples, as an archive's.
          const path =
            i < 40 ? `top/${FIXTURE_NAMES[i % FIXTURE_NAMES.length]}` : `d/f${i}.c.000i.ipa-clones`
          const calls = whole.mock.results.length
          const fast = bytesWay.scanBytes(path, raw(b), () => b.toString('utf8'), graph)
          if (whole.mock.results.slice(calls).some(r => r.value !== undefined)) byModule++
          const slow = textWay.scan(path, b.toString('utf8'), graph)
          expect(fast).toEqual(slow)
          if (fast.sampled) sampled++
        }
      } finally {
        whole.mockRestore()
      }
      // Both ways are taken often: a dump the module refuses goes to the line loop.
      expect(byModule).toBeGreaterThan(300)
      expect(byModule).toBeLessThan(1400)
      expect(sampled).toBeGreaterThan(PREFIX_SAMPLE / 2)
    }
  )

  it('answers as scan does from the first dump on, path-prefix samples and their votes included', () => {
    const rnd = mulberry32(3)
    const bytesWay = new DumpScanner('t', { names: someNames.slice(0, 2), files: [] })
    const textWay = new DumpScanner('t', { names: someNames.slice(0, 2), files: [] })
    let sampled = 0
    for (let i = 0; i < 300; i++) {
      const base = real[i % real.length]
      const b = i % 3 === 0 ? mutate(base, rnd) : base
      // Under a foreign top folder, as an archive's dumps: the samples' renames say so.
      const path = `top/${FIXTURE_NAMES[i % FIXTURE_NAMES.length]}`
      const scanned = textWay.scan(path, b.toString('utf8'))
      expect(answer(bytesWay, path, b)).toEqual(scanned)
      if (scanned.sampled) sampled++
    }
    expect(sampled).toBeGreaterThan(PREFIX_SAMPLE / 2)
  })

  it('decodes the dumps a focus name or file may be in, and the path-prefix samples', () => {
    const line =
      'Callgraph clone;sk_free;1;net/core/sock.c;2;3;f;4;net/core/sock.c;9;3;inlining to\n'
    const b = Buffer.from(line)
    const focused = new DumpScanner('t', { names: ['sk_free'], files: [] })
    // The first dumps are samples for the set's path prefix: decoded whatever they hold.
    expect(answer(focused, 'net/core/sock.c.000i.ipa-clones', b).sampled).toBe(true)
    const warm = warmScanner()
    let decoded = 0
    const counting = (p: string, x: Buffer): ScannedDump =>
      warm.scanBytes(p, raw(x), () => {
        decoded++
        return x.toString('utf8')
      })
    expect(counting('net/core/sock.c.000i.ipa-clones', b).kept).toBe(false)
    expect(decoded).toBe(0)
    const named = warmScanner(['sk_free'])
    expect(named.scanBytes('a.c.000i.ipa-clones', raw(b), () => b.toString('utf8')).kept).toBe(true)
    // A file field that normalizes to a focus file without ending with its name is decoded too.
    const focusFile = warmScanner(['no_such_function'], ['net/core/sock.c'])
    for (const spelled of ['net/core/sock.c/', 'net/core/sock.c/.', 'net/core/sock.c/x/..']) {
      const l = `Callgraph clone;g;1;${spelled};2;3;g.part.0;4;a.c;2;3;partial inlining\n`
      const x = Buffer.from(l)
      const text = warmScanner(['no_such_function'], ['net/core/sock.c']).scan(
        'a.c.000i.ipa-clones',
        l
      )
      expect(answer(focusFile, 'a.c.000i.ipa-clones', x)).toEqual(text)
    }
    // A link-stage dump is wanted whole by every query.
    expect(counting('vmlinux.ltrans0.ltrans.000i.ipa-clones', b).kept).toBe(true)
    expect(decoded).toBe(1)
  })
})
