import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { collectInputs } from '../../../src/adapters/fs/collect.js'
import { loadDumpSet } from '../../../src/adapters/fs/load-dumps.js'
import { readTar } from '../../../src/adapters/fs/read-tar.js'
import { Collector } from '../../../src/adapters/fs/collector.js'
import { CORPUS_ARCHIVE, corpusDir } from '../../helpers/corpus.js'
import { zipSync, type Zippable } from 'fflate'
import { writeTar, zipBytes } from './archives.js'

const TCP =
  'Callgraph clone;tcp_foo;net/ipv4/tcp.c;10;5;tcp_foo.constprop;net/ipv4/tcp.c;10;5;constprop;\n'
const CMD =
  'cmd_net/ipv4/tcp.o := gcc -D__KERNEL__ -c -o net/ipv4/tcp.o net/ipv4/tcp.c\n\nsource_net/ipv4/tcp.o := net/ipv4/tcp.c\n\ndeps_net/ipv4/tcp.o := \\\n  include/linux/types.h \\\n'

class FakeSet {
  readonly dumps = new Map<string, string>()
  addDump(path: string, text: string): void {
    this.dumps.set(path, text)
  }
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'klp-load-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

function put(root: string, files: Record<string, string>): string {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), body)
  }
  return root
}

const TREE = {
  '.config': 'CONFIG_LIVEPATCH=y\n',
  'modules.order': 'net/netfilter/xt_LOG.ko\n',
  'net/netfilter/modules.order': 'net/netfilter/xt_LOG.ko\n',
  'net/ipv4/tcp.c.000i.ipa-clones': TCP,
  'net/ipv4/udp.c.000i.ipa-clones': '',
  'net/netfilter/xt_LOG.mod': 'net/netfilter/xt_LOG.o\n',
  'net/ipv4/.tcp.o.cmd': CMD,
  '.vmlinux.cmd': 'cmd_vmlinux := sh scripts/link-vmlinux.sh\n',
  'net/ipv4/.built-in.a.cmd':
    'cmd_net/ipv4/built-in.a := rm -f net/ipv4/built-in.a;  printf "net/ipv4/%s " tcp.o udp.o | xargs ar cDPrST net/ipv4/built-in.a\n',
  'System.map': 'ffffffff81000000 T tcp_foo\n',
  'net/ipv4/tcp.o': 'ELF binary, never read',
  README: 'not ours'
}

function expectTree(
  sink: FakeSet,
  kbuild: Awaited<ReturnType<typeof collectInputs>>['kbuild']
): void {
  expect([...sink.dumps.keys()].sort()).toEqual([
    'net/ipv4/tcp.c.000i.ipa-clones',
    'net/ipv4/udp.c.000i.ipa-clones'
  ])
  expect(sink.dumps.get('net/ipv4/tcp.c.000i.ipa-clones')).toBe(TCP)
  expect([...kbuild.mods.keys()]).toEqual(['net/netfilter/xt_LOG.mod'])
  expect(kbuild.modulesOrder).toBe('net/netfilter/xt_LOG.ko\n')
  expect(kbuild.config).toBe('CONFIG_LIVEPATCH=y\n')
  expect([...kbuild.cmds.keys()]).toEqual(['net/ipv4/.tcp.o.cmd'])
  // Only the lines the flag check reads are kept.
  expect(kbuild.cmds.get('net/ipv4/.tcp.o.cmd')).not.toContain('types.h')
  expect(kbuild.cmds.get('net/ipv4/.tcp.o.cmd')).toContain('source_net/ipv4/tcp.o')
  expect([...kbuild.symbols.keys()]).toEqual(['System.map'])
  // Which objects an archive links in: vmlinux's closure (core/kbuild/linked.ts).
  expect([...kbuild.archives.keys()]).toEqual(['net/ipv4/.built-in.a.cmd'])
}

describe('loading from a directory', () => {
  it('collects dumps and kbuild files relative to the tree root, under any leading folders', async () => {
    const root = put(
      join(tmp, 'dir1'),
      Object.fromEntries(Object.entries(TREE).map(([k, v]) => [`out/linux/${k}`, v]))
    )
    const sink = new FakeSet()
    const progress: string[] = []
    const { kbuild, findings } = await collectInputs('x86_64', [root], sink, m => progress.push(m))
    expectTree(sink, kbuild)
    expect(findings).toEqual([])
  })

  it('keeps the paths of an input that is not a kernel tree as they are (the dumps place themselves)', async () => {
    const root = put(join(tmp, 'oot'), {
      'src/net.c.000i.ipa-clones': TCP,
      'src/util.c.000i.ipa-clones': '',
      'src/modules.order': 'src/oot.ko\n'
    })
    const sink = new FakeSet()
    const { kbuild } = await collectInputs('oot', [root], sink)
    // Not `net.c`: the common folder src/ is where the sources are, not a foreign prefix.
    expect([...sink.dumps.keys()].sort()).toEqual([
      'src/net.c.000i.ipa-clones',
      'src/util.c.000i.ipa-clones'
    ])
    expect(kbuild.modulesOrder).toBe('src/oot.ko\n')
  })

  it('refuses symlinked dumps and keeps the first of duplicated files', async () => {
    const a = put(join(tmp, 'dir2a'), { 'net/ipv4/tcp.c.000i.ipa-clones': TCP })
    const b = put(join(tmp, 'dir2b'), { 'net/ipv4/tcp.c.000i.ipa-clones': 'other' })
    symlinkSync('/etc/passwd', join(a, 'net/ipv4/evil.c.000i.ipa-clones'))
    symlinkSync('/etc', join(a, 'source'))
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [a, b], sink)
    expect(sink.dumps.get('net/ipv4/tcp.c.000i.ipa-clones')).toBe(TCP)
    expect(sink.dumps.size).toBe(1)
    expect(findings.map(f => [f.kind, f.file])).toEqual([
      ['archive-refused', 'net/ipv4/evil.c.000i.ipa-clones'],
      ['dump-duplicate', 'net/ipv4/tcp.c.000i.ipa-clones']
    ])
  })

  it('takes an identical copy from a second input as such, and a different one as unresolved', async () => {
    const a = put(join(tmp, 'dup-a'), {
      'net/ipv4/tcp.c.000i.ipa-clones': TCP,
      'modules.order': 'm\n'
    })
    const b = put(join(tmp, 'dup-b'), {
      'net/ipv4/tcp.c.000i.ipa-clones': TCP,
      'modules.order': 'm\n'
    })
    const c = put(join(tmp, 'dup-c'), {
      'net/ipv4/tcp.c.000i.ipa-clones': TCP.replace('tcp_', 'tcq_')
    })
    const same = await collectInputs('s', [a, b], new FakeSet())
    expect(same.findings.map(f => [f.kind, f.severity, f.file])).toEqual([
      ['dump-duplicate', 'info', 'modules.order'],
      ['dump-duplicate', 'info', 'net/ipv4/tcp.c.000i.ipa-clones']
    ])
    const differ = await collectInputs('s', [a, c], new FakeSet())
    expect(differ.findings.map(f => [f.kind, f.severity, f.file])).toEqual([
      ['dump-duplicate', 'unresolved', 'net/ipv4/tcp.c.000i.ipa-clones']
    ])
    expect(differ.findings[0].message).toContain('with different contents')
  })

  it('refuses a path twice in one zip, whatever its content', async () => {
    const bytes = Buffer.from(
      zipSync({
        'net/ipv4/tcp.c.000i.ipa-clones': new TextEncoder().encode(TCP),
        'net/ipv4/tcq.c.000i.ipa-clones': new TextEncoder().encode(TCP)
      })
    )
    // Rename the second entry in its local and central headers: a zip fflate would not write.
    for (let at = bytes.indexOf('tcq.c'); at >= 0; at = bytes.indexOf('tcq.c', at + 1))
      bytes.write('tcp.c', at)
    const path = join(tmp, 'twice.zip')
    writeFileSync(path, bytes)
    const { findings } = await collectInputs('s', [path], new FakeSet())
    expect(findings.map(f => [f.kind, f.severity, f.file])).toEqual([
      ['dump-duplicate', 'unresolved', 'net/ipv4/tcp.c.000i.ipa-clones']
    ])
    expect(findings[0].message).toContain('twice in')
  })

  it('refuses a zip whose end record counts fewer entries than its central directory holds', async () => {
    const files = ['a', 'b', 'c'].map(n => [`lib/${n}.c.000i.ipa-clones`, new Uint8Array()])
    const bytes = Buffer.from(zipSync(Object.fromEntries(files) as Zippable))
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    bytes.writeUInt16LE(2, eocd + 8)
    bytes.writeUInt16LE(2, eocd + 10)
    const path = join(tmp, 'short-count.zip')
    writeFileSync(path, bytes)
    await expect(collectInputs('s', [path], new FakeSet())).rejects.toThrow(
      /3 entries in it, 2 in the end record/
    )
  })

  it('reports progress every 1,000 files', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 2100; i++) files[`lib/f${i}.c.000i.ipa-clones`] = ''
    const root = put(join(tmp, 'many'), files)
    const progress: string[] = []
    await collectInputs('big', [root], new FakeSet(), m => progress.push(m))
    expect(progress).toEqual(['big: 1000 files read', 'big: 2000 files read'])
  })

  it('throws a clear error for a missing path or a file that is no archive', async () => {
    await expect(collectInputs('s', [join(tmp, 'nope')], new FakeSet())).rejects.toThrow(
      `${join(tmp, 'nope')}: no such file or directory`
    )
    const junk = join(tmp, 'junk.zip')
    writeFileSync(junk, 'this is not an archive at all')
    await expect(collectInputs('s', [junk], new FakeSet())).rejects.toThrow(junk)
  })
})

describe('loading from archives', () => {
  const inBuild = Object.entries(TREE).map(([name, body]) => ({ name: `build/${name}`, body }))

  it.each([
    ['tar.gz', true],
    ['tar', false]
  ])('streams a .%s', async (ext, gzip) => {
    const path = join(tmp, `ok.${ext}`)
    await writeTar(path, [{ name: 'build/', type: 'directory' }, ...inBuild], gzip)
    const sink = new FakeSet()
    const { kbuild, findings } = await collectInputs('s', [path], sink)
    expectTree(sink, kbuild)
    expect(findings).toEqual([])
  })

  it('reads a .zip by its central directory', async () => {
    const path = join(tmp, 'ok.zip')
    writeFileSync(path, zipBytes(Object.fromEntries(inBuild.map(e => [e.name, e.body]))))
    const sink = new FakeSet()
    const { kbuild, findings } = await collectInputs('s', [path], sink)
    expectTree(sink, kbuild)
    expect(findings).toEqual([])
  })

  it('refuses escaping names, links and devices in a tar, and goes on', async () => {
    const path = join(tmp, 'evil.tar.gz')
    await writeTar(
      path,
      [
        { name: '../escape.c.000i.ipa-clones', body: 'x' },
        { name: '/abs.c.000i.ipa-clones', body: 'x' },
        { name: 'net/../../up.c.000i.ipa-clones', body: 'x' },
        { name: 'net/link.c.000i.ipa-clones', type: 'symlink', linkname: '/etc/shadow' },
        {
          name: 'net/hard.c.000i.ipa-clones',
          type: 'link',
          linkname: 'net/ipv4/tcp.c.000i.ipa-clones'
        },
        { name: 'dev/tty', type: 'character-device' },
        { name: 'net/ipv4/tcp.c.000i.ipa-clones', body: TCP }
      ],
      true
    )
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [path], sink)
    expect([...sink.dumps.keys()]).toEqual(['net/ipv4/tcp.c.000i.ipa-clones'])
    expect(findings.map(f => [f.kind, f.severity, f.file])).toEqual([
      ['archive-refused', 'unresolved', '../escape.c.000i.ipa-clones'],
      ['archive-refused', 'unresolved', '/abs.c.000i.ipa-clones'],
      ['archive-refused', 'unresolved', 'net/../../up.c.000i.ipa-clones'],
      ['archive-refused', 'unresolved', 'net/link.c.000i.ipa-clones'],
      ['archive-refused', 'unresolved', 'net/hard.c.000i.ipa-clones'],
      ['archive-refused', 'unresolved', 'dev/tty']
    ])
  })

  it('refuses symlinks, drive letters and lying sizes in a zip', async () => {
    const bytes = Buffer.from(
      zipBytes(
        {
          'C:/win.c.000i.ipa-clones': 'x',
          'net/ipv4/tcp.c.000i.ipa-clones': TCP,
          'net/ipv4/bomb.c.000i.ipa-clones': 'a'.repeat(100000)
        },
        { 'net/ipv4/link.c.000i.ipa-clones': '/etc/passwd' }
      )
    )
    // Make the central directory claim the big entry unpacks to 10 bytes.
    let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
    while (at >= 0) {
      const nameLen = bytes.readUInt16LE(at + 28)
      if (bytes.toString('utf8', at + 46, at + 46 + nameLen).includes('bomb'))
        bytes.writeUInt32LE(10, at + 24)
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    }
    const path = join(tmp, 'evil.zip')
    writeFileSync(path, bytes)
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [path], sink)
    expect([...sink.dumps.keys()]).toEqual(['net/ipv4/tcp.c.000i.ipa-clones'])
    expect(findings.map(f => f.file).sort()).toEqual([
      'C:/win.c.000i.ipa-clones',
      'net/ipv4/bomb.c.000i.ipa-clones',
      'net/ipv4/link.c.000i.ipa-clones'
    ])
    expect(findings.every(f => f.kind === 'archive-refused')).toBe(true)
  })

  it('refuses a zip entry whose bytes do not match its CRC-32', async () => {
    const good =
      'Callgraph clone;tcp_foo;1;net/ipv4/tcp.c;10;5;tcp_bar;2;net/ipv4/tcp.c;10;5;inlining to\n'
    // Stored (level 0), so the damage reaches the dump text instead of failing the inflate: one
    // digit of an order becomes another and the line would still scan as valid.
    const z: Zippable = {
      'net/ipv4/tcp.c.000i.ipa-clones': [new TextEncoder().encode(good), { level: 0 }],
      'net/ipv4/udp.c.000i.ipa-clones': [new TextEncoder().encode(good), { level: 0 }]
    }
    const bytes = Buffer.from(zipSync(z))
    const at = bytes.indexOf(';1;net/ipv4/tcp.c')
    bytes[at + 1] = '7'.charCodeAt(0)
    const path = join(tmp, 'flipped.zip')
    writeFileSync(path, bytes)
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [path], sink)
    expect([...sink.dumps.keys()]).toEqual(['net/ipv4/udp.c.000i.ipa-clones'])
    expect(findings.map(f => [f.kind, f.severity, f.file])).toEqual([
      ['archive-refused', 'unresolved', 'net/ipv4/tcp.c.000i.ipa-clones']
    ])
    expect(findings[0].message).toMatch(/CRC-32 mismatch/)
  })

  it('stops an archive that unpacks past the caps with an error naming it', async () => {
    const path = join(tmp, 'wide.tar')
    await writeTar(
      path,
      Array.from({ length: 10 }, (_, i) => ({
        name: `lib/f${i}.c.000i.ipa-clones`,
        body: 'y'.repeat(100)
      })),
      false
    )
    const collector = new Collector('s', new FakeSet())
    collector.beginInput(path)
    await expect(
      readTar(path, 'tar', collector, { entries: 5, totalBytes: 1e9, entryBytes: 1e9 })
    ).rejects.toThrow(`${path}: more than 5 entries`)
    const again = new Collector('s', new FakeSet())
    again.beginInput(path)
    await expect(
      readTar(path, 'tar', again, { entries: 100, totalBytes: 500, entryBytes: 1e9 })
    ).rejects.toThrow(/unpacks to more than 500 bytes/)
  })

  it('throws naming a truncated archive', async () => {
    const path = join(tmp, 'trunc.tar.gz')
    await writeTar(path, inBuild, true)
    const { readFileSync } = await import('node:fs')
    writeFileSync(path, readFileSync(path).subarray(0, 200))
    await expect(collectInputs('s', [path], new FakeSet())).rejects.toThrow(
      `${path}: cannot read tar.gz archive`
    )
  })
})

describe('modules.order', () => {
  const tree = (top: boolean): string =>
    put(join(tmp, `orders-${top}`), {
      ...(top ? { 'out/linux/modules.order': 'net/a.ko\n' } : {}),
      'out/linux/net/modules.order': 'net/b.ko\n',
      'out/linux/drivers/modules.order': 'drivers/c.ko\n',
      'out/linux/net/x.c.000i.ipa-clones': ''
    })

  it('is the top-level one when the tree has it (the per-folder ones are not read)', async () => {
    const { kbuild, findings } = await loadDumpSet('x86_64', [tree(true)])
    expect(kbuild.modulesOrder).toBe('net/a.ko\n')
    expect(findings).toEqual([])
  })

  it('is the union of the per-folder ones when it has none', async () => {
    const { kbuild } = await loadDumpSet('x86_64', [tree(false)])
    expect(kbuild.modulesOrder?.split('\n').sort()).toEqual(['', 'drivers/c.ko', 'net/b.ko'])
  })
})

describe('the corpus', () => {
  const dir = corpusDir()
  ;(dir ? it : it.skip)('loads the same set from the directory and the .tar.xz', async () => {
    const fromDir = await loadDumpSet('x86_64', [dir as string])
    const fromXz = await loadDumpSet('x86_64', [CORPUS_ARCHIVE])
    for (const loaded of [fromDir, fromXz]) {
      expect(loaded.set.dumpCount).toBe(2711)
      expect(loaded.kbuild.mods.size).toBe(16)
      expect(loaded.kbuild.modulesOrder?.split('\n')).toContain('net/netfilter/xt_LOG.ko')
      expect(loaded.kbuild.config).toContain('CONFIG_LIVEPATCH=y')
      expect(loaded.findings).toEqual([])
      expect(loaded.set.hasTu('net/ipv4/tcp.c')).toBe(true)
    }
    expect(fromXz.set.lineCount).toBe(fromDir.set.lineCount)
    expect(fromXz.set.tus()).toEqual(fromDir.set.tus())
  })
})
