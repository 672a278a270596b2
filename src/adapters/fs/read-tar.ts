import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { createGunzip } from 'node:zlib'
import tar from 'tar-stream'
import xz from 'xz-decompress'
import { CMD_HEAD_BYTES, roleOf } from './classify.js'
import type { Collector } from './collector.js'
import { unsafeEntryName } from './entry-name.js'
import { Budget, LIMITS, type Limits } from './limits.js'

function source(path: string, kind: 'tar' | 'tar.gz' | 'tar.xz'): Readable[] {
  const file = createReadStream(path, { highWaterMark: 1024 * 1024 })
  if (kind === 'tar.gz') return [file, createGunzip({ chunkSize: 256 * 1024 })]
  if (kind === 'tar.xz') {
    const web = Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>
    const unxz = new xz.XzReadableStream(web) as unknown as WebReadableStream<Uint8Array>
    return [Readable.fromWeb(unxz)]
  }
  return [file]
}

/** Reading to the end is how a tar stream moves on to the next entry. */
async function drain(entry: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of entry) void _
}

/** Streams a tar (plain, gzip or xz) and feeds the files of interest; nothing touches the disk. */
export async function readTar(
  path: string,
  kind: 'tar' | 'tar.gz' | 'tar.xz',
  collector: Collector,
  limits: Limits = LIMITS
): Promise<void> {
  const budget = new Budget(path, limits)
  const extract = tar.extract()
  const feeding = pipeline([...source(path, kind), extract] as unknown as [
    Readable,
    NodeJS.WritableStream
  ])
  // Reported through the iterator below; this only keeps the rejection from going unhandled.
  feeding.catch(() => undefined)
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header
      const size = entry.header.size
      budget.take(size)
      if (type === 'directory') {
        await drain(entry)
        continue
      }
      const role = roleOf(name)
      if (type !== 'file' && type !== 'contiguous-file') {
        // Links and devices are refused whatever their name: a link named like a dump could
        // alias another entry, and nothing from the archive is ever materialised or executed.
        collector.refuse(name, `it is a ${type ?? 'special'} entry`)
        await drain(entry)
        continue
      }
      const unsafe = unsafeEntryName(name)
      if (unsafe) {
        collector.refuse(name, unsafe)
        await drain(entry)
        continue
      }
      if (!role) {
        await drain(entry)
        continue
      }
      if (size > limits.entryBytes) {
        collector.refuse(
          name,
          `it is ${size} bytes, over the ${limits.entryBytes}-byte limit per file`
        )
        await drain(entry)
        continue
      }
      const over = budget.hold(role === 'cmd' ? Math.min(size, CMD_HEAD_BYTES) : size)
      if (over) {
        collector.refuse(name, over)
        await drain(entry)
        continue
      }
      const chunks: Buffer[] = []
      let kept = 0
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        if (role === 'cmd' && kept >= CMD_HEAD_BYTES) continue
        chunks.push(chunk)
        kept += chunk.length
      }
      collector.add(name, Buffer.concat(chunks).toString('utf8'))
    }
    await feeding
  } catch (error) {
    extract.destroy()
    const message = (error as Error).message
    if (message.startsWith(path)) throw error
    throw new Error(`${path}: cannot read ${kind} archive: ${message}`, { cause: error })
  }
}
