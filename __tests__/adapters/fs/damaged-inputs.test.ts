import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectInputs } from '../../../src/adapters/fs/collect.js'
import { Collector } from '../../../src/adapters/fs/collector.js'
import { readTar } from '../../../src/adapters/fs/read-tar.js'
import { writeTar, zipBytes } from './archives.js'

const TCP =
  'Callgraph clone;tcp_foo;1;net/ipv4/tcp.c;10;5;tcp_bar;2;net/ipv4/tcp.c;10;5;inlining to\n'

class FakeSet {
  readonly dumps = new Map<string, string>()
  addDump(path: string, text: string): void {
    this.dumps.set(path, text)
  }
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'klp-damaged-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

const dumps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `net/ipv4/f${i}.c.000i.ipa-clones`, body: TCP }))

describe('a directory input with special files at dump paths', () => {
  it('names a FIFO, a socket-like entry and a directory instead of skipping them', async () => {
    const root = join(tmp, 'dir')
    mkdirSync(join(root, 'net/ipv4/dir.c.000i.ipa-clones'), { recursive: true })
    writeFileSync(join(root, 'net/ipv4/tcp.c.000i.ipa-clones'), TCP)
    execFileSync('mkfifo', [join(root, 'net/ipv4/fifo.c.000i.ipa-clones')])
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [root], sink)
    expect([...sink.dumps.keys()]).toEqual(['net/ipv4/tcp.c.000i.ipa-clones'])
    expect(findings.map(f => [f.kind, f.severity, f.file]).sort()).toEqual([
      ['dump-unreadable', 'unresolved', 'net/ipv4/dir.c.000i.ipa-clones'],
      ['dump-unreadable', 'unresolved', 'net/ipv4/fifo.c.000i.ipa-clones']
    ])
    expect(findings.map(f => f.message).join('\n')).toMatch(/a FIFO, not a regular file/)
    expect(findings.map(f => f.message).join('\n')).toMatch(/a directory, not a file/)
  })

  it('refuses a FIFO given as the input itself instead of waiting for a writer', async () => {
    const fifo = join(tmp, 'input.fifo')
    execFileSync('mkfifo', [fifo])
    await expect(collectInputs('s', [fifo], new FakeSet())).rejects.toThrow(
      'not a directory or a regular file'
    )
  })
})

describe('a tar cut at an entry boundary', () => {
  /** The tar's bytes up to the end of its `keep`-th entry: no end-of-archive blocks. */
  function cut(tarBytes: Buffer, keep: number): Buffer {
    let at = 0
    for (let i = 0; i < keep; i++) {
      const size = parseInt(tarBytes.toString('latin1', at + 124, at + 136).trim(), 8)
      at += 512 + Math.ceil(size / 512) * 512
    }
    return tarBytes.subarray(0, at)
  }

  it.each(['tar', 'tar.gz', 'tar.xz'])('is dump-unreadable as .%s', async kind => {
    const whole = join(tmp, `whole-${kind}.tar`)
    await writeTar(whole, dumps(5), false)
    const bytes = readFileSync(whole)
    const complete = new FakeSet()
    expect((await collectInputs('s', [whole], complete)).findings).toEqual([])
    expect(complete.dumps.size).toBe(5)

    const short = cut(bytes, 2)
    const path = join(tmp, `cut.${kind}`)
    const { gzipSync } = await import('node:zlib')
    writeFileSync(
      path,
      kind === 'tar'
        ? short
        : kind === 'tar.gz'
          ? gzipSync(short)
          : execFileSync('xz', ['-c'], { input: short })
    )
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [path], sink)
    expect(sink.dumps.size).toBe(2)
    expect(findings.map(f => [f.kind, f.severity])).toEqual([['dump-unreadable', 'unresolved']])
    expect(findings[0].message).toContain('after "net/ipv4/f1.c.000i.ipa-clones"')
    expect(findings[0].message).toContain('without the two zero blocks')
  })
})

describe('tar entries decompressed only to be skipped', () => {
  it('are bounded: a huge entry of no interest stops the archive before it is read', async () => {
    const path = join(tmp, 'skip.tar')
    await writeTar(path, [{ name: 'vmlinux', body: 'x'.repeat(4096) }, ...dumps(1)], false)
    const collector = new Collector('s', new FakeSet())
    collector.beginInput(path)
    await expect(
      readTar(path, 'tar', collector, {
        entries: 100,
        totalBytes: 1e9,
        entryBytes: 1e9,
        skippedBytes: 1000
      })
    ).rejects.toThrow(/refusing to decompress them only to skip them/)
  })

  it('are bounded: zero blocks no entry accounts for stop the archive', async () => {
    const path = join(tmp, 'zeros.tar.gz')
    const tarPath = join(tmp, 'zeros-inner.tar')
    await writeTar(tarPath, dumps(1), false)
    const { gzipSync } = await import('node:zlib')
    // 24 MiB of zero blocks after the archive, past the 8 MiB allowed with these limits (64 MiB by
    // default; never less than the streams may read ahead).
    const body = Buffer.concat([readFileSync(tarPath), Buffer.alloc(24 * 1024 * 1024)])
    writeFileSync(path, gzipSync(body))
    const collector = new Collector('s', new FakeSet())
    collector.beginInput(path)
    const limits = { entries: 100, totalBytes: 1e9, entryBytes: 1e9, skippedBytes: 1 << 20 }
    await expect(readTar(path, 'tar.gz', collector, limits)).rejects.toThrow(
      /no entry accounts for/
    )
    // The same archive without the zeros reads clean under the same limits.
    writeFileSync(path, gzipSync(readFileSync(tarPath)))
    const clean = new Collector('s', new FakeSet())
    clean.beginInput(path)
    await readTar(path, 'tar.gz', clean, limits)
    expect(clean.findings).toEqual([])
  })
})

describe('a zip whose central directory is damaged', () => {
  it('makes the nameless entry dump-unreadable', async () => {
    const bytes = Buffer.from(
      zipBytes({
        'net/ipv4/tcp.c.000i.ipa-clones': TCP,
        'net/ipv4/udp.c.000i.ipa-clones': TCP
      })
    )
    const sig = Buffer.from([0x50, 0x4b, 0x01, 0x02])
    const last = bytes.lastIndexOf(sig)
    // The record's name length read as zero and its name as extra data (what two bytes inserted
    // before it do): the directory still walks to its declared end.
    const damaged = Buffer.from(bytes)
    damaged.writeUInt16LE(
      damaged.readUInt16LE(last + 28) + damaged.readUInt16LE(last + 30),
      last + 30
    )
    damaged.writeUInt16LE(0, last + 28)
    const path = join(tmp, 'damaged.zip')
    writeFileSync(path, damaged)
    const sink = new FakeSet()
    const { findings } = await collectInputs('s', [path], sink)
    expect([...sink.dumps.keys()]).toEqual(['net/ipv4/tcp.c.000i.ipa-clones'])
    expect(findings.map(f => [f.kind, f.severity])).toEqual([['dump-unreadable', 'unresolved']])
    expect(findings[0].message).toContain('empty name')
  })
})
