import { RootDetector } from '../../../src/adapters/fs/set-root.js'

function place(paths: string[]): string[] {
  const d = new RootDetector<number>()
  const out: string[] = []
  paths.forEach((p, i) => {
    for (const o of d.offer(p, i)) out[o.item] = o.path
  })
  for (const o of d.finish()) out[o.item] = o.path
  return out
}

describe('RootDetector', () => {
  it('strips the folders before the first kernel directory, from the files before it too', () => {
    expect(
      place([
        'out/linux/.config',
        'out/linux/net/ipv4/tcp.c.000i.ipa-clones',
        './out//linux/net/core/dev.c.000i.ipa-clones',
        'out/linux/modules.order'
      ])
    ).toEqual([
      '.config',
      'net/ipv4/tcp.c.000i.ipa-clones',
      'net/core/dev.c.000i.ipa-clones',
      'modules.order'
    ])
  })

  it('places a second tree of the same input by its own kernel directories', () => {
    expect(
      place([
        'a/net/x.c.000i.ipa-clones',
        'b/c/kernel/y.c.000i.ipa-clones',
        'a/lib/z.c.000i.ipa-clones'
      ])
    ).toEqual(['net/x.c.000i.ipa-clones', 'kernel/y.c.000i.ipa-clones', 'lib/z.c.000i.ipa-clones'])
  })

  it('keeps paths as they are at the tree root, and outside any kernel tree', () => {
    expect(place(['net/x.c.000i.ipa-clones', 'modules.order'])).toEqual([
      'net/x.c.000i.ipa-clones',
      'modules.order'
    ])
    expect(place(['build/src/a.c.000i.ipa-clones'])).toEqual(['build/src/a.c.000i.ipa-clones'])
  })
})
