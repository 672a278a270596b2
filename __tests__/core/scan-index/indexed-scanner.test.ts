import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DumpScanner, type ScannedDump } from '../../../src/core/dumps/scanner.js'
import { scanTuGraph } from '../../../src/core/dumps/compact-graph.js'
import type { DumpBytes } from '../../../src/core/dumps/raw-accept.js'
import type { DumpFocus } from '../../../src/core/dumps/focus.js'
import type { IndexedDump } from '../../../src/core/scan-index/entry.js'
import { encodeScanIndex, parseScanIndex } from '../../../src/core/scan-index/format.js'
import { IndexedScanner } from '../../../src/core/scan-index/indexed-scanner.js'
import type { RawBytes } from '../../../src/core/dumps/raw-prefilter.js'
import { classifyDumpPath } from '../../../src/core/dumps/dump-path.js'
import { FIXTURES, dumpFiles } from '../dumps/load-fixture.js'
import { createHash } from 'node:crypto'

const digest = (t: string): string => createHash('sha256').update(t).digest('hex')

/** What the adapter gives the prefilter: the file's bytes. */
function bytesOf(text: string): RawBytes {
  const b = Buffer.from(text, 'utf8')
  return {
    find: (n, from) => b.indexOf(n, from, 'latin1'),
    at: i => (i >= 0 && i < b.length ? b[i] : -1)
  }
}

/** Every GCC fixture dump, at its path under fixtures/gcc (several builds, so several TUs per name). */
const dumps = dumpFiles(FIXTURES).map(path => ({
  path,
  text: readFileSync(join(FIXTURES, path), 'utf8')
}))

const GARBAGE = 'Callgraph clone;broken'

/** Damage that makes lines fail to scan, lines that contradict the dump, or both. */
const damages: Record<string, (text: string) => string> = {
  none: t => t,
  'one bad line': t => t.replace('\n', `\n${GARBAGE}\n`),
  '25 bad lines': t =>
    t
      .split('\n')
      .map((l, i) => (i % 2 === 1 && i < 52 ? `${GARBAGE}${i}\n${l}` : l))
      .join('\n') + `\n${GARBAGE}`.repeat(25),
  reordered: t => {
    const l = t.split('\n').filter(x => x !== '')
    return l.length < 3 ? t : [l[0], ...l.slice(2), l[1]].join('\n') + '\n'
  },
  // One order naming two symbols: a cross-line error per copied line, 25 of them, among bad lines.
  'contradictions and bad lines': t => {
    const lines = t.split('\n').filter(x => x !== '')
    const out: string[] = []
    lines.forEach((l, i) => {
      out.push(l)
      if (i < 25) out.push(l.replace(/^(Callgraph (?:clone|removal);\*?)([^;]+)/, '$1$2_other'))
      if (i % 3 === 0 && i < 30) out.push(`${GARBAGE}${i}`)
    })
    return out.join('\n')
  },
  'invalid UTF-8': t => t.replace(/;([a-z])/, ';\uFFFD$1'),
  'BOM and CRLF': t => `\uFEFF${t.replace(/\n/g, '\r\n')}`,
  empty: () => '',
  'BOM only': () => '\uFEFF'
}

/**
 * Focus choices: none, a name no dump has, and from a few dumps spread over the fixtures a name as a
 * clone's origin, one as the clone, the file of its node and the dump's own file.
 */
function focuses(files: Array<{ path: string; text: string }>): Array<DumpFocus | undefined> {
  const out: Array<DumpFocus | undefined> = [undefined, { names: ['no_such_function'], files: [] }]
  const step = Math.max(1, Math.floor(files.length / 6))
  for (let i = 0; i < files.length; i += step) {
    const { path, text } = files[i]
    const first = /^Callgraph clone;\*?([^;]+);\d+;([^;]+);\d+;\d+;\*?([^;]+);/m.exec(text)
    if (first) {
      out.push({ names: [first[1]], files: [] }, { names: [first[3]], files: [] })
      out.push({ names: [], files: [first[2]] })
    }
    out.push({ names: [], files: [path.replace(/\.\d+i\.ipa-clones$/, '')] })
  }
  return out
}

/** What the adapter gives the line check: the file's bytes, where it read them. */
function dumpBytesOf(text: string): DumpBytes {
  const b = Buffer.from(text, 'utf8')
  return { length: b.length, latin1: () => b.toString('latin1'), view: () => b }
}

function strip(s: ScannedDump): ScannedDump {
  // DumpScanner sets `rename: undefined` where the index leaves it out: the same to its reader.
  return JSON.parse(JSON.stringify(s)) as ScannedDump
}

describe('IndexedScanner answers as DumpScanner does', () => {
  for (const [damage, apply] of Object.entries(damages)) {
    it(`on every fixture dump, ${damage}, for every focus, cold and from the index`, () => {
      const files = dumps.map(d => ({ path: d.path, text: apply(d.text) }))
      for (const focus of focuses(dumps)) {
        // A run over all dumps in path order, so prefix sampling counts as in a set.
        const ref = new DumpScanner('L', focus)
        const cold = new IndexedScanner('L', focus)
        const warm = new IndexedScanner('L', focus)
        const entries = new Map<string, IndexedDump>()
        for (const f of files) {
          const made = cold.scan(f.path, f.text, `h:${f.path}`)
          entries.set(f.path, made.made as IndexedDump)
          expect(strip(made.scanned)).toEqual(strip(ref.scan(f.path, f.text)))
        }
        // The entries go through the file format, as from one run to the next.
        const parsed = parseScanIndex(encodeScanIndex(entries, 'v', digest), 'v', digest)
        if (!parsed.ok) throw new Error(parsed.reason)
        const ref2 = new DumpScanner('L', focus)
        for (const f of files) {
          const entry = parsed.index.lookup(f.path) as IndexedDump
          // Ruled out by the summary (the adapter then reads nothing), or by the bytes.
          const read =
            !warm.ruledOut(f.path, entry) && warm.needsText(f.path, entry, bytesOf(f.text))
          const answer = read
            ? warm.scan(f.path, f.text, entry.hash, entry)
            : { scanned: warm.fromEntry(f.path, entry) }
          expect(answer).not.toHaveProperty('made')
          expect(strip(answer.scanned)).toEqual(strip(ref2.scan(f.path, f.text)))
        }
      }
    })
  }

  for (const [damage, apply] of Object.entries(damages)) {
    it(`answers on the bytes as from the text, ${damage}, for every focus (scanBytes)`, () => {
      const files = dumps.map(d => ({ path: d.path, text: apply(d.text) }))
      let read = 0
      let graphs = 0
      for (const focus of focuses(dumps)) {
        const entries = new Map<string, IndexedDump>()
        const cold = new IndexedScanner('L', focus)
        for (const f of files)
          entries.set(f.path, cold.scan(f.path, f.text, 'h').made as IndexedDump)
        for (const graph of [true, false]) {
          // The adapter's order: the module's answer where it has one, else the text's.
          const bytes = new IndexedScanner('L', focus)
          const text = new IndexedScanner('L', focus)
          for (const f of files) {
            const entry = entries.get(f.path) as IndexedDump
            const fast = bytes.scanBytes(f.path, entry, dumpBytesOf(f.text), graph)
            const slow =
              !bytes.ruledOut(f.path, entry) && text.needsText(f.path, entry, bytesOf(f.text))
                ? text.scan(f.path, f.text, entry.hash, entry).scanned
                : text.fromEntry(f.path, entry)
            const got = fast?.scanned ?? bytes.scan(f.path, f.text, entry.hash, entry).scanned
            expect(strip(got)).toEqual(strip(slow))
            if (fast) read++
            // A graph only with a kept dump (its text is the one read), and the one the text gives.
            expect(fast?.graph !== undefined).toBe(fast !== undefined && fast.scanned.kept)
            if (fast?.graph) {
              graphs++
              expect(graph).toBe(true)
              expect(fast.graph).toEqual(scanTuGraph(f.text))
            }
          }
        }
      }
      // Undamaged dumps mostly answer on their bytes (damaged ones go to the text).
      if (damage === 'none') expect([read > 500, graphs >= 5]).toEqual([true, true])
    })
  }

  it('leaves to the text what the module cannot tell (scanBytes undefined)', () => {
    const d = dumps.find(x => /Callgraph clone;/.test(x.text)) as { path: string; text: string }
    const name = (/^Callgraph clone;\*?([^;]+);/m.exec(d.text) as RegExpExecArray)[1]
    const entry = new IndexedScanner('L').scan(d.path, d.text, 'h').made as IndexedDump
    const at = (f: DumpFocus | undefined, text = d.text, graph = true, path = d.path) =>
      new IndexedScanner('L', f).scanBytes(path, entry, dumpBytesOf(text), graph)
    expect(at({ names: [name], files: [] })?.scanned.kept).toBe(true)
    // Kept, but no room for the graph: the text path reads it.
    expect(at({ names: [name], files: [] }, d.text, false)).toBeUndefined()
    // Nothing names the focus: from the entry, whether or not a graph could be read.
    expect(at({ names: ['no_such_function'], files: [] }, d.text, false)?.scanned.kept).toBe(false)
    // No focus, the dump of a focus file, a focus the bytes cannot stand for, a byte past ASCII.
    expect(at(undefined)).toBeUndefined()
    expect(at({ names: [], files: [d.path.replace(/\.\d+i\.ipa-clones$/, '')] })).toBeUndefined()
    expect(at({ names: ['caf\u00e9'], files: [] })).toBeUndefined()
    expect(
      at({ names: [name], files: [] }, d.text.replace(/;([a-z])/, ';\u00e9$1'))
    ).toBeUndefined()
  })

  it('rules out by bytes only dumps whose lines cannot name the focus', () => {
    const d = dumps.find(x => /Callgraph clone;/.test(x.text)) as { path: string; text: string }
    const name = (/^Callgraph clone;\*?([^;]+);/m.exec(d.text) as RegExpExecArray)[1]
    const entry = new IndexedScanner('L').scan(d.path, d.text, 'h').made as IndexedDump
    const other = (f: DumpFocus): boolean =>
      new IndexedScanner('L', f).needsText(d.path, entry, bytesOf(d.text))
    expect(other({ names: ['no_such_function'], files: [] })).toBe(false)
    expect(other({ names: [name], files: [] })).toBe(true)
    // A name that is only part of another name, or a file only in a name, is no reason to decode.
    expect(other({ names: [name.slice(1)], files: [] })).toBe(false)
    expect(other({ names: [], files: ['nowhere/x.c'] })).toBe(false)
    // A needle the byte search cannot stand for (not ASCII) decodes every dump.
    expect(other({ names: ['caf\u00e9'], files: [] })).toBe(true)
    expect(other({ names: Array.from({ length: 40 }, (_, i) => `n${i}`), files: [] })).toBe(true)
  })

  it('rules out by the summary only dumps whose lines name no focus symbol or file', () => {
    let ruledOut = 0
    let absent = 0
    for (const d of dumps) {
      const entry = new IndexedScanner('L').scan(d.path, d.text, 'h').made as IndexedDump
      const names = new Set<string>()
      const files = new Set<string>()
      for (const m of d.text.matchAll(/^Callgraph (?:clone|removal);\*?([^;]+);\d+;([^;]+);/gm)) {
        names.add(m[1])
        files.add(m[2])
      }
      for (const m of d.text.matchAll(/;\d+;\d+;\*?([^;]+);\d+;([^;]+);\d+;\d+;[^;]*$/gm)) {
        names.add(m[1])
        files.add(m[2])
      }
      // Every name and file the dump holds keeps it (the property the adapter relies on).
      for (const n of names)
        expect(new IndexedScanner('L', { names: [n], files: [] }).ruledOut(d.path, entry)).toBe(
          false
        )
      for (const f of files)
        expect(
          new IndexedScanner('L', { names: [], files: [f] }).ruledOut('x.c.000i.ipa-clones', entry)
        ).toBe(false)
      // Names it lacks: most are ruled out (a Bloom filter may say "maybe", rarely).
      // (Link-stage dumps are read whatever the focus: not counted.)
      const tu = classifyDumpPath(d.path).stage === 'tu'
      for (let i = 0; i < (entry.empty || !tu ? 0 : 20); i++) {
        const n = `absent_${i}_${d.path.length}`
        absent++
        if (
          new IndexedScanner('L', { names: [n], files: [`nowhere/${n}.c`] }).ruledOut(d.path, entry)
        )
          ruledOut++
      }
    }
    expect(ruledOut / absent).toBeGreaterThan(0.95)
  })

  it('does not rule out what it must read whole, nor by a summary that cannot tell', () => {
    const d = dumps.find(x => /Callgraph clone;/.test(x.text)) as { path: string; text: string }
    const entry = new IndexedScanner('L').scan(d.path, d.text, 'h').made as IndexedDump
    const own = d.path.replace(/\.\d+i\.ipa-clones$/, '')
    expect(
      new IndexedScanner('L', { names: ['x_absent'], files: [] }).ruledOut(d.path, entry)
    ).toBe(true)
    // Its own file's dump, no focus at all: read as before.
    expect(new IndexedScanner('L', { names: [], files: [own] }).ruledOut(d.path, entry)).toBe(false)
    expect(new IndexedScanner('L').ruledOut(d.path, entry)).toBe(false)
    // An empty dump has nothing to read: answered from its entry, kept with no text, as a read
    // of it answers (a kernel build has hundreds, the `.mod.c` ones).
    const empty = new IndexedScanner('L').scan('e.c.000i.ipa-clones', '', 'h').made as IndexedDump
    const focused = (): IndexedScanner =>
      new IndexedScanner('L', { names: ['x_absent'], files: [] })
    expect(focused().ruledOut('e.c.000i.ipa-clones', empty)).toBe(true)
    expect(focused().fromEntry('e.c.000i.ipa-clones', empty)).toEqual(
      focused().scan('e.c.000i.ipa-clones', '', 'h', empty).scanned
    )
    expect(focused().fromEntry('e.c.000i.ipa-clones', empty).kept).toBe(true)
  })
})
