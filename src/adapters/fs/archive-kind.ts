import { open } from 'node:fs/promises'

export type ArchiveKind = 'zip' | 'tar' | 'tar.gz' | 'tar.xz'

/** Artifact names say little (`dumps (3).zip`), so the magic bytes decide, the name only for old tars. */
export async function sniffArchive(path: string): Promise<ArchiveKind> {
  const fh = await open(path, 'r')
  const head = Buffer.alloc(512)
  let n: number
  try {
    n = (await fh.read(head, 0, 512, 0)).bytesRead
  } finally {
    await fh.close()
  }
  const starts = (...bytes: number[]): boolean => bytes.every((b, i) => head[i] === b)
  if (starts(0x1f, 0x8b)) return 'tar.gz'
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'tar.xz'
  if (starts(0x50, 0x4b) && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip'
  if (n >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar'
  if (/\.tar$/i.test(path) && n >= 512) return 'tar'
  if (starts(0x28, 0xb5, 0x2f, 0xfd))
    throw new Error(`${path}: zstd archives are not supported; use .tar.xz, .tar.gz or .zip`)
  if (starts(0x42, 0x5a, 0x68))
    throw new Error(`${path}: bzip2 archives are not supported; use .tar.xz, .tar.gz or .zip`)
  throw new Error(`${path}: not a directory, .zip, .tar, .tar.gz/.tgz or .tar.xz archive`)
}
