import { open, type FileHandle } from 'node:fs/promises'
import { promisify } from 'node:util'
import { crc32, inflateRaw } from 'node:zlib'
import { CMD_HEAD_BYTES, entryRole } from './classify.js'
import type { Collector } from './collector.js'
import { unsafeEntryName } from './entry-name.js'
import { Budget, LIMITS, type Limits } from './limits.js'
import { inOrder } from './ordered.js'

const inflate = promisify(inflateRaw)
const INFLATES_IN_FLIGHT = 8

interface ZipEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
  /** CRC-32 of the uncompressed data, from the central directory. */
  crc: number
  /** Unix file type bits when the archiver was a Unix one, else 0. */
  unixType: number
}

async function readAt(fh: FileHandle, offset: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length)
  const { bytesRead } = await fh.read(buf, 0, length, offset)
  if (bytesRead < length) throw new Error('unexpected end of file')
  return buf
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at)
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error('zip64 field out of range')
  return Number(v)
}

/** The central directory is authoritative (local headers may defer sizes to a data descriptor). */
async function centralDirectory(fh: FileHandle, fileSize: number): Promise<ZipEntry[]> {
  const tailLen = Math.min(fileSize, 22 + 0xffff)
  const tail = await readAt(fh, fileSize - tailLen, tailLen)
  let eocd = -1
  for (let i = tailLen - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('no end-of-central-directory record (truncated or not a zip)')
  let count = tail.readUInt16LE(eocd + 10)
  let cdSize = tail.readUInt32LE(eocd + 12)
  let cdOffset = tail.readUInt32LE(eocd + 16)
  const locator = eocd - 20
  if (locator >= 0 && tail.readUInt32LE(locator) === 0x07064b50) {
    const rec = await readAt(fh, u64(tail, locator + 8), 56)
    if (rec.readUInt32LE(0) !== 0x06064b50) throw new Error('bad zip64 end-of-central-directory')
    count = u64(rec, 32)
    cdSize = u64(rec, 40)
    cdOffset = u64(rec, 48)
  }
  if (cdOffset + cdSize > fileSize) throw new Error('central directory beyond end of file')
  const cd = await readAt(fh, cdOffset, cdSize)
  const entries: ZipEntry[] = []
  let at = 0
  // The directory is walked to its declared size, not to the entry count: writers without zip64
  // wrap the 16-bit count past 65,535 entries, and trusting it would drop the dumps beyond it.
  while (at < cd.length) {
    if (at + 46 > cd.length || cd.readUInt32LE(at) !== 0x02014b50) {
      throw new Error('corrupt central directory')
    }
    const madeBy = cd.readUInt16LE(at + 4) >> 8
    const nameLen = cd.readUInt16LE(at + 28)
    const extraLen = cd.readUInt16LE(at + 30)
    const commentLen = cd.readUInt16LE(at + 32)
    let compressedSize = cd.readUInt32LE(at + 20)
    let size = cd.readUInt32LE(at + 24)
    let localOffset = cd.readUInt32LE(at + 42)
    const extra = cd.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen)
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e)
      const len = extra.readUInt16LE(e + 2)
      if (id === 0x0001) {
        // Only the fields whose 32-bit slot is saturated are present, in this order.
        let f = e + 4
        if (size === 0xffffffff) {
          size = u64(extra, f)
          f += 8
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(extra, f)
          f += 8
        }
        if (localOffset === 0xffffffff) localOffset = u64(extra, f)
      }
      e += 4 + len
    }
    entries.push({
      name: cd.toString('utf8', at + 46, at + 46 + nameLen),
      method: cd.readUInt16LE(at + 10),
      flags: cd.readUInt16LE(at + 8),
      compressedSize,
      size,
      localOffset,
      crc: cd.readUInt32LE(at + 16),
      unixType: madeBy === 3 ? (cd.readUInt32LE(at + 38) >>> 16) & 0o170000 : 0
    })
    at += 46 + nameLen + extraLen + commentLen
  }
  if (at !== cd.length || entries.length % 0x10000 !== count % 0x10000) {
    throw new Error(
      `corrupt central directory: ${entries.length} entries in it, ${count} in the end record`
    )
  }
  return entries
}

/** A local header is at least this long: its signature and fixed fields. */
const LOCAL_HEADER = 30

/**
 * Every entry's local header and data must lie apart from the others' and before the central
 * directory. Entries sharing or overlapping their data (the "non-recursive zip bomb": a 105 KB file
 * that declares gigabytes by pointing many entries into one deflate stream) are refused as a
 * whole, as unzip does ("overlapped components"). The extent used is a lower bound (header without
 * name and extra fields), so a well-formed zip never trips it.
 */
function refuseOverlaps(entries: ZipEntry[], fileSize: number): void {
  const sorted = entries
    .map(e => ({ start: e.localOffset, end: e.localOffset + LOCAL_HEADER + e.compressedSize, e }))
    .sort((a, b) => a.start - b.start)
  for (let i = 0; i < sorted.length; i++) {
    const cur = sorted[i]
    const next = sorted[i + 1]
    if (cur.end > fileSize)
      throw new Error(`entry ${JSON.stringify(cur.e.name)} extends past the end of the file`)
    if (next && next.start < cur.end)
      throw new Error(
        `entries ${JSON.stringify(cur.e.name)} and ${JSON.stringify(next.e.name)} overlap ` +
          '(invalid zip with overlapped components; possible zip bomb): refusing it'
      )
  }
}

async function entryData(fh: FileHandle, e: ZipEntry, limit: number): Promise<Buffer> {
  const local = await readAt(fh, e.localOffset, 30)
  if (local.readUInt32LE(0) !== 0x04034b50) throw new Error('bad local header')
  const start = e.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28)
  const raw = await readAt(fh, start, e.compressedSize)
  // The declared size was checked against the budget; inflating past it means the header lies.
  const data = e.method === 0 ? raw : await inflate(raw, { maxOutputLength: Math.max(e.size, 1) })
  // A stored entry has no deflate stream to fail on, and a flipped bit in a dump line could still
  // scan as a valid line with another name or number: the CRC is what catches a damaged upload.
  if (data.length !== e.size) throw new Error(`${data.length} bytes, ${e.size} declared`)
  if (crc32(data) >>> 0 !== e.crc >>> 0) throw new Error('CRC-32 mismatch (damaged archive)')
  return data.subarray(0, limit)
}

/** Reads a zip by random access: the central directory, then only the entries of interest. */
export async function readZip(
  path: string,
  collector: Collector,
  limits: Limits = LIMITS
): Promise<void> {
  const budget = new Budget(path, limits)
  let fh: FileHandle | undefined
  try {
    fh = await open(path, 'r')
    const handle = fh
    const { size } = await fh.stat()
    const wanted: ZipEntry[] = []
    const entries = await centralDirectory(fh, size)
    refuseOverlaps(entries, size)
    for (const e of entries) {
      budget.take(e.size)
      // No writer stores a nameless entry; a damaged directory record (bytes inserted or lost)
      // decodes as one, and skipping it would drop whatever file it was (`unzip -l` warns).
      if (e.name === '') {
        collector.unreadable(
          `(entry at offset ${e.localOffset})`,
          'its central-directory record has an empty name (damaged zip): the file it holds is unknown'
        )
        continue
      }
      if (e.name.endsWith('/')) continue
      const unsafe = unsafeEntryName(e.name)
      const role = entryRole(e.name)
      if (e.unixType !== 0 && e.unixType !== 0o100000) {
        collector.refuse(
          e.name,
          e.unixType === 0o120000 ? 'it is a symlink' : 'it is not a regular file'
        )
      } else if (unsafe) collector.refuse(e.name, unsafe)
      else if (!role) continue
      else if (role === 'source' && (e.size > limits.entryBytes || !collector.wantsSource(e.size)))
        // A generated source over the limits is as absent: a search that wants it says so.
        continue
      else if (e.flags & 1) collector.refuse(e.name, 'it is encrypted')
      else if (e.method !== 0 && e.method !== 8) {
        collector.refuse(
          e.name,
          `compression method ${e.method} is not supported (deflate or store only)`
        )
      } else if (e.size > limits.entryBytes) {
        collector.refuse(
          e.name,
          `it is ${e.size} bytes, over the ${limits.entryBytes}-byte limit per file`
        )
      } else {
        const over = budget.hold(role === 'cmd' ? Math.min(e.size, CMD_HEAD_BYTES) : e.size)
        if (over) collector.refuse(e.name, over)
        else wanted.push(e)
      }
    }
    await inOrder(
      wanted,
      INFLATES_IN_FLIGHT,
      e => entryData(handle, e, entryRole(e.name) === 'cmd' ? CMD_HEAD_BYTES : e.size),
      (e, r) => {
        if (r.ok) collector.add(e.name, r.value.toString('utf8'))
        else collector.refuse(e.name, `it does not unpack: ${(r.error as Error).message}`)
      }
    )
  } catch (error) {
    const message = (error as Error).message
    if (message.startsWith(path)) throw error
    throw new Error(`${path}: cannot read zip archive: ${message}`, { cause: error })
  } finally {
    await fh?.close()
  }
}
