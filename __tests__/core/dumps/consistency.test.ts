import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES, dumpFiles, fixtureSet, setOf } from './load-fixture.js'

const recursion = readFileSync(
  join(FIXTURES, 'recursion', dumpFiles(join(FIXTURES, 'recursion'))[0]),
  'utf8'
)
  .split('\n')
  .filter(l => l !== '')

const findingsOf = (text: string, focus?: string) =>
  setOf(
    { 'recursion.c.000i.ipa-clones': text },
    'mem',
    focus === undefined ? undefined : { names: [focus], files: [] }
  ).findings.map(f => [f.kind, f.line, f.message])

describe('dump lines that parse alone but contradict the dump', () => {
  it('every real GCC fixture is consistent', () => {
    // out-of-tree holds two builds of one source (make's build/ and cmake's cmake/); exact and each
    // objects case hold the base and the patched build (pre/, post/): one set each.
    const builds = (s: string): string[] =>
      s === 'out-of-tree'
        ? ['out-of-tree/build', 'out-of-tree/cmake']
        : s === 'exact'
          ? ['exact/pre', 'exact/post']
          : s === 'objects'
            ? readdirSync(join(FIXTURES, s))
                .filter(c => !c.endsWith('.sh'))
                .flatMap(c => [`${s}/${c}/pre`, `${s}/${c}/post`])
            : [s]
    for (const scenario of readdirSync(FIXTURES).flatMap(builds))
      expect([scenario, fixtureSet(scenario).findings.filter(f => f.kind !== 'lto-build')]).toEqual(
        [scenario, []]
      )
  })

  // Line 2 creates the same-name copy sum/3 that line 3 inlines: moved to the end, it comes after its use.
  const reordered = [recursion[0], ...recursion.slice(2), recursion[1]].join('\n')

  it.each([[undefined], ['sum']])(
    'a clone used before the line that creates it (focus %s)',
    focus => {
      const f = findingsOf(reordered, focus)
      expect(f).toHaveLength(1)
      expect(f[0][0]).toBe('dump-malformed-line')
      expect(f[0][1]).toBe(recursion.length)
      expect(f[0][2]).toContain('already used at line 2')
    }
  )

  it('one order naming two symbols', () => {
    const lines = [...recursion]
    lines[4] = lines[4].replace('clone;sum;3;', 'clone;sun;3;')
    const f = findingsOf(lines.join('\n'))
    expect(f.map(x => x[1])).toEqual([5])
    expect(f[0][2]).toContain('order 3 names sun here but sum at line 2')
  })

  it('one order naming two files', () => {
    const lines = [...recursion]
    lines[4] = lines[4].replace(';3;recursion.c;', ';3;recursiom.c;')
    const f = findingsOf(lines.join('\n'))
    expect(f.map(x => x[1])).toEqual([5])
    expect(f[0][2]).toContain('one order is one file')
  })

  it('invalid UTF-8 in a field (U+FFFD after decoding)', () => {
    const lines = [...recursion]
    lines[3] = lines[3].replace('recursion.c', 'recurs\ufffdon.c')
    const f = findingsOf(lines.join('\n'))
    expect(f.map(x => x[1])).toEqual([4])
    expect(f[0][2]).toContain('invalid UTF-8')
  })

  it('a dump outside the focus is not read, so it is not checked', () => {
    expect(findingsOf(reordered, 'unrelated_name')).toEqual([])
  })
})
