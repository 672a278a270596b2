import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { acceptRaw, RawLineTest } from '../../../src/core/dumps/raw-accept.js'
import { LineCheck, LineFocus, ROOM, lineCheck } from '../../../src/core/line-check/line-check.js'
import { LINE_CHECK_WASM } from '../../../src/core/line-check/line-check-wasm.js'
import { FIXTURES, dumpFiles } from '../dumps/load-fixture.js'
import { mulberry32 } from '../../helpers/rng.js'
import { mutate } from '../../helpers/mutate-dump.js'

const check = lineCheck() as LineCheck
const real: Buffer[] = dumpFiles(FIXTURES).map(f => readFileSync(join(FIXTURES, f)))

/** The regular expression's answer and the module's, for the same bytes and focus. */
function both(b: Buffer, names: string[] = [], bases: string[] = []): [number, number] {
  const test = new RawLineTest(names, bases)
  return [acceptRaw(b.toString('latin1'), test), check.check(b, test.lineFocus())]
}

const clone = (name: string, file = 'a.c', reason = 'partial inlining'): string =>
  `Callgraph clone;${name};1;${file};2;3;g.part.0;4;z.h;2;3;${reason}\n`

describe('the line check module', () => {
  it('is what line-check.wat assembles to', () => {
    const run = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], {
      encoding: 'utf8'
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('runs here (WebAssembly with SIMD), so the tests below test it', () => {
    expect(check).toBeInstanceOf(LineCheck)
  })
})

describe('LineCheck.check against acceptRaw', () => {
  it('accepts every dump GCC wrote, with the same line count', () => {
    expect(real.length).toBeGreaterThan(50)
    for (const b of real) {
      const [regex, wasm] = both(b)
      expect(regex).toBeGreaterThanOrEqual(0)
      expect(wasm).toBe(regex)
    }
  })

  it.each([
    ['no focus', [], []],
    ['focus names', ['f', 'g.part.0', 'do_one_initcall', 'abcdefgh', 'abcdefghi'], []],
    ['focus files', [], ['a.c', 'route.c', 'x', 'longer_than_eight.c']],
    ['both', ['f', 'main'], ['a.c', 'h']]
  ])('is never laxer on damaged dumps, and refuses no more: %s', (_, names, bases) => {
    const rnd = mulberry32(23)
    const withLines = real.filter(b => b.length > 0)
    const counts = { accepted: 0, refused: 0, onlyWasmRefused: 0 }
    for (let i = 0; i < 6000; i++) {
      const b = mutate(withLines[i % withLines.length], rnd)
      const [regex, wasm] = both(b, names, bases)
      if (regex < 0) {
        expect(wasm).toBe(-1)
        counts.refused++
      } else if (wasm < 0) counts.onlyWasmRefused++
      else {
        expect(wasm).toBe(regex)
        counts.accepted++
      }
    }
    expect(counts.accepted).toBeGreaterThan(300)
    expect(counts.refused).toBeGreaterThan(300)
    // A bloom filter's false positive sends a dump to the full scan: rare, never wrong.
    expect(counts.onlyWasmRefused).toBeLessThanOrEqual(counts.accepted / 100)
  })

  it('agrees on random lines built from the grammar pieces', () => {
    const rnd = mulberry32(5)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
    const fields = [
      '',
      '*',
      '**',
      'f',
      '*f',
      '0',
      '12',
      '1x',
      'x1',
      'a.c',
      'a/',
      'a\\',
      'a/.',
      '..',
      'route.c',
      'xroute.c',
      'abcdefgh',
      'abcdefghi',
      '*abcdefghi',
      '\r',
      'a\r',
      'é',
      '\t'
    ]
    const names = ['f', 'abcdefgh', 'abcdefghi']
    const bases = ['route.c', 'h']
    for (let i = 0; i < 20000; i++) {
      const n = pick([5, 6, 11, 12, 13])
      const head = pick(['Callgraph clone', 'Callgraph removal', 'Callgraph clon', 'x'])
      const line = [head, ...Array.from({ length: n }, () => pick(fields))].join(';')
      const text = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => line).join(
        pick(['\n', '\n\n', '\r\n'])
      )
      const b = Buffer.from(rnd() < 0.5 ? text : `${text}\n`, 'latin1')
      for (const [ns, bs] of [
        [[], []],
        [names, bases]
      ]) {
        const [regex, wasm] = both(b, ns, bs)
        expect([text, wasm]).toEqual([text, regex])
      }
    }
  })

  it('refuses a focus name of any length, past one star, and a file ending with a base', () => {
    for (let len = 1; len <= 24; len++) {
      const name = 'abcdefghijklmnopqrstuvwxyz'.slice(0, len)
      const focus = new LineFocus([name], [])
      expect(check.check(Buffer.from(clone(name)), focus)).toBe(-1)
      expect(check.check(Buffer.from(clone(`*${name}`)), focus)).toBe(-1)
      expect(check.check(Buffer.from(clone(`${name}_`)), focus)).toBe(1)
      const base = `${name}.c`
      const files = new LineFocus([], [base])
      expect(check.check(Buffer.from(clone('f', `dir/${base}`)), files)).toBe(-1)
      expect(check.check(Buffer.from(clone('f', base)), files)).toBe(-1)
      expect(check.check(Buffer.from(clone('f', `${base}.h`)), files)).toBe(1)
    }
  })

  it('hashes only names as long as a focus name, all of 255 or more characters alike', () => {
    const focus = new LineFocus(['sk_free', 'x'.repeat(300)], [])
    const bits = [...focus.nameLengths].flatMap((b, i) =>
      [0, 1, 2, 3, 4, 5, 6, 7].filter(k => b & (1 << k)).map(k => i * 8 + k)
    )
    expect(bits).toEqual([7, 255])
    for (const len of [254, 255, 256, 300, 1000]) {
      const name = 'y'.repeat(len)
      const long = new LineFocus([name], [])
      expect(check.check(Buffer.from(clone(name)), long)).toBe(-1)
      expect(check.check(Buffer.from(clone(`*${name}`)), long)).toBe(-1)
      expect(both(Buffer.from(clone('z'.repeat(len))), [name])).toEqual([1, 1])
    }
    expect(check.check(Buffer.from(clone('x'.repeat(300))), focus)).toBe(-1)
    expect(check.check(Buffer.from(clone('sk_free')), focus)).toBe(-1)
    expect(check.check(Buffer.from(clone('sk_fre')), focus)).toBe(1)
  })

  it('hashes whole names and file tails: names that share their ends do not collide', () => {
    // Names of one length with the same first and last eight bytes, as GCC's clones often are.
    const names = new LineFocus(['trace_event_get_offsets_foo.constprop.0'], [])
    expect(check.check(Buffer.from(clone('trace_event_get_offsets_foo.constprop.0')), names)).toBe(
      -1
    )
    expect(check.check(Buffer.from(clone('trace_event_get_offsets_bar.constprop.0')), names)).toBe(
      1
    )
    // A file that shares a base name's last eight bytes without ending with it.
    const files = new LineFocus([], ['tcp_output.c'])
    expect(check.check(Buffer.from(clone('f', 'net/ipv4/tcp_output.c')), files)).toBe(-1)
    expect(check.check(Buffer.from(clone('f', 'kernel/trace/trace_output.c')), files)).toBe(1)
  })

  it('hashes a file tail only past a third-last byte a base has; every one for a short base', () => {
    const focus = new LineFocus([], ['route.c'])
    const bits = [...focus.tails].flatMap((b, i) =>
      [0, 1, 2, 3, 4, 5, 6, 7].filter(k => b & (1 << k)).map(k => i * 8 + k)
    )
    expect(bits).toEqual(['e'.charCodeAt(0)])
    expect(both(Buffer.from(clone('f', 'net/ipv4/route.c')), [], ['route.c'])).toEqual([-1, -1])
    expect(both(Buffer.from(clone('f', 'net/ipv4/routf.c')), [], ['route.c'])).toEqual([1, 1])
    // A base of one or two bytes ends files whose third-last byte is anything (`clone`'s second
    // node is in z.h).
    for (const bases of [['c'], ['.c'], ['.c', 'route.c'], ['route.c', 'h']]) {
      expect(new LineFocus([], bases).tails.every(b => b === 0xff)).toBe(true)
      for (const file of ['x.c', 'net/ipv4/route.c', 'ab.h', 'h'])
        expect(both(Buffer.from(clone('f', file)), [], bases)).toEqual(
          bases.some(b => file.endsWith(b) || 'z.h'.endsWith(b)) ? [-1, -1] : [1, 1]
        )
    }
  })

  it('drops focus strings no field can be, and refuses every file for an empty base', () => {
    const removal = Buffer.from('Callgraph removal;a;1;f;1;1\n')
    // A name holding `;` never equals a field: neither check refuses the line for it.
    expect(both(removal, ['a;1'])).toEqual([1, 1])
    expect(both(removal, ['a\n'])).toEqual([1, 1])
    // Every file ends with an empty base name: every line is refused.
    expect(both(removal, [], [''])).toEqual([-1, -1])
    expect(both(removal, [], ['x', ''])).toEqual([-1, -1])
    expect(both(Buffer.from(''), [], [''])).toEqual([0, 0])
  })

  it('takes a focus of thousands of names without refusing every line', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `fn_${i}`)
    const focus = new LineFocus(names, [])
    expect(check.check(Buffer.from(clone('fn_4999')), focus)).toBe(-1)
    let refused = 0
    for (let i = 0; i < 2000; i++)
      if (check.check(Buffer.from(clone(`other_${i}`)), focus) < 0) refused++
    expect(refused).toBeLessThan(20)
  })

  it('counts lines up to an unterminated last one, and skips empty ones', () => {
    const line = clone('f')
    expect(check.check(Buffer.from(''))).toBe(0)
    expect(check.check(Buffer.from('\n\n'))).toBe(0)
    expect(check.check(Buffer.from(line.trimEnd()))).toBe(1)
    expect(check.check(Buffer.from(`\n${line}\n${line}`))).toBe(2)
    expect(check.check(Buffer.from(`${line};`))).toBe(-1)
  })
})

describe('LineCheck memory', () => {
  it('grows for a large dump and keeps what was read before growing', () => {
    const line = clone('f')
    const big = Buffer.from(line.repeat(Math.ceil((3 << 20) / line.length)))
    const before = 1 << 20
    big.copy(check.input(before), 0, 0, before)
    const grown = check.input(big.length)
    expect(Buffer.from(grown.subarray(0, before)).equals(big.subarray(0, before))).toBe(true)
    big.copy(grown, before, before)
    expect(check.check(grown)).toBe(big.length / line.length)
    // Bytes from elsewhere are copied in first.
    expect(check.check(big)).toBe(big.length / line.length)
  })
})

describe("the module's reads past a dump", () => {
  /** Valid lines of exactly `length` bytes (a last name as long as it takes), and their count. */
  function linesOf(length: number, terminated: boolean): [Buffer, number] {
    const bare = clone('').length
    const full = clone('helper_name')
    const copies = Math.floor((length - bare - 1) / full.length)
    const last = clone('n'.repeat(length - copies * full.length - bare + (terminated ? 0 : 1)))
    const text = full.repeat(copies) + (terminated ? last : last.trimEnd())
    return [Buffer.from(text), copies + 1]
  }

  it('stay within the ROOM bytes LineCheck leaves after it, wherever the dump ends', () => {
    // A bare instance, so that a dump can end exactly ROOM bytes before the memory does, at
    // every offset from a block's start: a read further past it traps.
    const bytes = Uint8Array.from(atob(LINE_CHECK_WASM), c => c.charCodeAt(0))
    const wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as {
      memory: WebAssembly.Memory
      check: (...args: number[]) => number
    }
    const size = wasm.memory.buffer.byteLength
    for (const terminated of [true, false])
      for (let length = 200; length < 264; length++) {
        const [text, lines] = linesOf(length, terminated)
        // An unterminated last line gets its newline written after it: in the room too.
        const off = size - ROOM - length - (terminated ? 0 : 1)
        text.copy(Buffer.from(wasm.memory.buffer, off, length))
        expect(wasm.check(off, length, 0, 0, 0, 12, 0)).toBe(lines)
      }
  })
})
