import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { zipSync, type Zippable } from 'fflate'
import tar from 'tar-stream'

export interface TarItem {
  name: string
  body?: string
  type?: 'file' | 'symlink' | 'link' | 'character-device' | 'directory'
  linkname?: string
}

/** Writes a tar (gzip when asked) with whatever headers a hostile artifact could carry. */
export async function writeTar(path: string, items: TarItem[], gzip: boolean): Promise<void> {
  const pack = tar.pack()
  for (const it of items) {
    pack.entry({ name: it.name, type: it.type ?? 'file', linkname: it.linkname }, it.body ?? '')
  }
  pack.finalize()
  const stages = gzip
    ? [pack, createGzip(), createWriteStream(path)]
    : [pack, createWriteStream(path)]
  await pipeline(stages as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream])
}

/** fflate writes Unix modes when asked, so symlink entries look like `zip -y` made them. */
export function zipBytes(
  files: Record<string, string>,
  symlinks: Record<string, string> = {}
): Uint8Array {
  const z: Zippable = {}
  for (const [name, body] of Object.entries(files)) z[name] = new TextEncoder().encode(body)
  for (const [name, target] of Object.entries(symlinks)) {
    z[name] = [new TextEncoder().encode(target), { os: 3, attrs: (0o120777 << 16) >>> 0 }]
  }
  return zipSync(z)
}
