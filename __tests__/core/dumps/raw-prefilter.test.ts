import { FocusMatcher } from '../../../src/core/dumps/focus.js'
import { RawPrefilter, type RawBytes } from '../../../src/core/dumps/raw-prefilter.js'

function bytes(text: string): RawBytes {
  const b = Buffer.from(text, 'utf8')
  return {
    find: (n, from) => b.indexOf(n, from, 'latin1'),
    at: i => (i >= 0 && i < b.length ? b[i] : -1)
  }
}

const may = (names: string[], files: string[], text: string): boolean =>
  new RawPrefilter(new FocusMatcher({ names, files })).mayMention(bytes(text))

describe('RawPrefilter', () => {
  it('finds a name only where a name field can hold it: after ; or ;* and before ;', () => {
    expect(may(['f'], [], 'Callgraph removal;f;1;a.c;1;1\n')).toBe(true)
    expect(may(['f'], [], 'Callgraph removal;*f;1;a.c;1;1\n')).toBe(true)
    expect(may(['f'], [], 'Callgraph removal;xf;1;a.c;1;1\n')).toBe(false)
    expect(may(['f'], [], 'Callgraph removal;g;1;a.c;1;1\nf;')).toBe(false)
    expect(may(['f'], [], '*f;')).toBe(false)
    // Later occurrences are looked at too, and past an invalid UTF-8 byte the offsets still hold.
    expect(
      may(['f'], [], 'Callgraph removal;xf;1;\uFFFDa.c;1;1\nCallgraph removal;f;2;a.c;1;1')
    ).toBe(true)
  })

  it('finds a file by its base name anywhere, however the dump spells the path', () => {
    expect(may([], ['net/ipv4/route.c'], 'Callgraph removal;g;1;./net/ipv4/route.c;1;1\n')).toBe(
      true
    )
    expect(may([], ['net/ipv4/route.c'], 'Callgraph removal;g;1;x/../ipv4\\route.c;1;1')).toBe(true)
    expect(may([], ['net/ipv4/route.c'], 'Callgraph removal;g;1;net/ipv4/tcp.c;1;1\n')).toBe(false)
  })

  it('stands aside (always true) when a needle is not plain ASCII or there are too many', () => {
    expect(may(['caf\u00e9'], [], '')).toBe(true)
    expect(may([], ['dir/\u00e9.c'], '')).toBe(true)
    expect(
      may(
        Array.from({ length: 33 }, (_, i) => `n${i}`),
        [],
        ''
      )
    ).toBe(true)
    expect(
      may(
        Array.from({ length: 32 }, (_, i) => `n${i}`),
        [],
        ''
      )
    ).toBe(false)
  })
})
