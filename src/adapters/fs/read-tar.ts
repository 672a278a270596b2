import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { createGunzip } from 'node:zlib'
import tar from 'tar-stream'
import xz from 'xz-decompress'
import { CMD_HEAD_BYTES, entryRole } from './classify.js'
import type { Collector } from './collector.js'
import { unsafeEntryName } from './entry-name.js'
import { Budget, LIMITS, type Limits } from './limits.js'
import { TarGuard } from './tar-guard.js'

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

/** Zero blocks and padding beyond what the entries account for; real tars pad to 10 KB records. */
const TAR_SLACK = 64 * 1024 * 1024
/** The guard sees the bytes before the entry loop accounts for them: the streams' buffers. */
const READ_AHEAD = 8 * 1024 * 1024

/** Streams a tar (plain, gzip or xz) and feeds the files of interest; nothing touches the disk. */
export async function readTar(
  path: string,
  kind: 'tar' | 'tar.gz' | 'tar.xz',
  collector: Collector,
  limits: Limits = LIMITS
): Promise<void> {
  const budget = new Budget(path, limits)
  const extract = tar.extract()
  const guard = new TarGuard(
    Math.max(READ_AHEAD, Math.min(TAR_SLACK, limits.skippedBytes ?? LIMITS.skippedBytes))
  )
  const feeding = pipeline([...source(path, kind), guard, extract] as unknown as [
    Readable,
    NodeJS.WritableStream
  ])
  const skip = async (entry: AsyncIterable<unknown>, size: number): Promise<void> => {
    budget.skip(size)
    await drain(entry)
  }
  let last: string | undefined
  // Reported through the iterator below; this only keeps the rejection from going unhandled.
  feeding.catch(() => undefined)
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header
      const size = entry.header.size ?? 0
      budget.take(size)
      guard.account(size)
      last = name
      if (type === 'directory') {
        await drain(entry)
        continue
      }
      const role = entryRole(name)
      if (type !== 'file' && type !== 'contiguous-file') {
        // Links and devices are refused whatever their name: a link named like a dump could
        // alias another entry, and nothing from the archive is ever materialised or executed.
        collector.refuse(name, `it is a ${type ?? 'special'} entry`)
        await skip(entry, size)
        continue
      }
      const unsafe = unsafeEntryName(name)
      if (unsafe) {
        collector.refuse(name, unsafe)
        await skip(entry, size)
        continue
      }
      // A generated source over the limits is as absent: a search that wants it says so.
      if (
        !role ||
        (role === 'source' && (size > limits.entryBytes || !collector.wantsSource(size)))
      ) {
        await skip(entry, size)
        continue
      }
      if (size > limits.entryBytes) {
        collector.refuse(
          name,
          `it is ${size} bytes, over the ${limits.entryBytes}-byte limit per file`
        )
        await skip(entry, size)
        continue
      }
      const over = budget.hold(role === 'cmd' ? Math.min(size, CMD_HEAD_BYTES) : size)
      if (over) {
        collector.refuse(name, over)
        await skip(entry, size)
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
    if (!guard.endsCleanly()) {
      collector.unreadable(
        '(end of archive)',
        `it ends ${last === undefined ? 'before any entry' : `after ${JSON.stringify(last)}`} ` +
          'without the two zero blocks that end a tar: it was cut, and any dump after that point is missing'
      )
    }
  } catch (error) {
    extract.destroy()
    const message = (error as Error).message
    if (message.startsWith(path)) throw error
    throw new Error(`${path}: cannot read ${kind} archive: ${message}`, { cause: error })
  }
}
