import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PARSES_FOLDER, openParseCache } from '../../../src/adapters/fs/parse-cache.js'

let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klp-parse-cache-'))
})

afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Every file under `root`, relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => join(e.parentPath, e.name).slice(root.length + 1))
    .sort()
}

describe('openParseCache', () => {
  it('answers a later run with what an earlier one saved, for the same text only', () => {
    const first = openParseCache(dir)
    expect(first.store.get('int a;')).toBeUndefined()
    first.store.set('int a;', '{"b":[],"d":[1]}')
    first.store.set('int b;', '{"b":[],"d":[2]}')
    expect(first.made).toBe(2)
    expect(first.flush()).toEqual([])
    const second = openParseCache(dir)
    expect(second.store.get('int a;')).toBe('{"b":[],"d":[1]}')
    expect(second.store.get('int b;')).toBe('{"b":[],"d":[2]}')
    expect(second.store.get('int a; ')).toBeUndefined()
    expect(second.hits).toBe(2)
    expect(second.flush()).toEqual([])
  })

  it('does not read a cut or edited file, and says so', () => {
    const first = openParseCache(dir)
    first.store.set('int a;', '{"b":[],"d":[]}')
    first.store.set('int b;', '{"b":[],"d":[]}')
    first.flush()
    const [a, b] = filesUnder(join(dir, PARSES_FOLDER)).map(f => join(dir, PARSES_FOLDER, f))
    writeFileSync(a, readFileSync(a, 'utf8').replace('"d":[]', '"d":[7]'))
    writeFileSync(b, readFileSync(b, 'utf8').slice(0, 30))
    const second = openParseCache(dir)
    expect(second.store.get('int a;')).toBeUndefined()
    expect(second.store.get('int b;')).toBeUndefined()
    expect(second.hits).toBe(0)
    const notes = second.flush()
    expect(notes.map(n => [n.kind, n.severity])).toEqual([['parse-cache', 'info']])
    expect(notes[0].message).toMatch(
      /2 cached parse\(s\) .* were damaged: the files were parsed again/
    )
  })

  it('removes the parses of another engine when it saves its own', () => {
    const other = join(dir, PARSES_FOLDER, '0123456789abcdef', 'ab')
    mkdirSync(other, { recursive: true })
    writeFileSync(join(other, 'ab00'), 'klp-affected parse 0123456789abcdef x\n{}')
    const cache = openParseCache(dir)
    cache.store.set('int a;', '{"b":[],"d":[]}')
    cache.flush()
    const engines = readdirSync(join(dir, PARSES_FOLDER))
    expect(engines).toHaveLength(1)
    expect(engines[0]).not.toBe('0123456789abcdef')
  })

  it('gives a note, not an error, when the folder cannot be written', () => {
    // A file where the parses folder should be: nothing below it can be made.
    writeFileSync(join(dir, PARSES_FOLDER), 'not a folder')
    const cache = openParseCache(dir)
    expect(cache.store.get('int a;')).toBeUndefined()
    cache.store.set('int a;', '{"b":[],"d":[]}')
    const notes = cache.flush()
    expect(notes.map(n => [n.kind, n.severity])).toEqual([['parse-cache', 'info']])
    expect(notes[0].message).toMatch(/could not be written/)
    expect(readdirSync(dir)).toEqual([PARSES_FOLDER])
  })

  it('counts as damaged a file under another text name, a folder, a FIFO, a body refused', () => {
    const first = openParseCache(dir)
    for (const t of ['int a;', 'int b;', 'int c;', 'int d;']) first.store.set(t, '{"b":[],"d":[]}')
    first.flush()
    const fileOf = (text: string): string => {
      const key = createHash('sha256').update(text).digest('hex')
      const [found] = filesUnder(join(dir, PARSES_FOLDER)).filter(f => f.endsWith(key))
      return join(dir, PARSES_FOLDER, found)
    }
    const [a, b, c] = ['int a;', 'int b;', 'int c;'].map(fileOf)
    // b's entry copied over a's: a well-formed file, for another text.
    writeFileSync(a, readFileSync(b))
    rmSync(b)
    mkdirSync(b)
    rmSync(c)
    expect(spawnSync('mkfifo', [c]).status).toBe(0)
    const second = openParseCache(dir)
    expect(second.store.get('int a;')).toBeUndefined()
    expect(second.store.get('int b;')).toBeUndefined()
    // A plain read of a FIFO would wait for a writer forever.
    expect(second.store.get('int c;')).toBeUndefined()
    // The locator refused what d's file held: it parses the text and stores it again.
    expect(second.store.get('int d;')).toBe('{"b":[],"d":[]}')
    second.store.set('int d;', '{"b":[],"d":[]}')
    expect(second.hits).toBe(0)
    const notes = second.flush()
    expect(notes[0].message).toMatch(/^parse cache: 4 cached parse\(s\) .* were damaged/)
  })

  it('writes every parse it can and says how many it could not', () => {
    const first = openParseCache(dir)
    first.store.set('int a;', '{"b":[],"d":[]}')
    first.flush()
    const [a] = filesUnder(join(dir, PARSES_FOLDER)).map(f => join(dir, PARSES_FOLDER, f))
    // A folder where a's entry goes: renaming onto it fails; b's entry must still be written.
    rmSync(a)
    mkdirSync(join(a, 'x'), { recursive: true })
    const second = openParseCache(dir)
    expect(second.store.get('int a;')).toBeUndefined()
    second.store.set('int a;', '{"b":[],"d":[1]}')
    second.store.set('int b;', '{"b":[],"d":[2]}')
    const notes = second.flush()
    expect(notes.map(n => n.message)).toEqual([
      expect.stringMatching(/^parse cache: 1 cached parse\(s\) .* were damaged/),
      expect.stringMatching(/^parse cache: 1 of 2 parse\(s\) could not be written to /)
    ])
    expect(openParseCache(dir).store.get('int b;')).toBe('{"b":[],"d":[2]}')
  })
})
