import { createReadStream } from 'node:fs'

/**
 * The diff limit of the pipeline (64 MB), enforced while reading: buffering all of a 3 GiB stdin
 * cost 6.3 GB, and Node decodes a buffer over 2 GiB as '' - a diff of "no file changes" that then
 * passed the length check. Reading stops one byte past the limit.
 */
export const MAX_DIFF_BYTES = 64 << 20

export class InputTooLarge extends Error {}

/** Reads a stream to a UTF-8 string, refusing (and no longer reading) past `limit` bytes. */
export async function readBounded(
  stream: AsyncIterable<Buffer | string> & { destroy?: () => void },
  what: string,
  limit = MAX_DIFF_BYTES
): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    total += buf.length
    if (total > limit) {
      stream.destroy?.()
      throw new InputTooLarge(
        `${what} is over the ${size(limit)} limit (read stopped there): not a livepatch fix`
      )
    }
    chunks.push(buf)
  }
  return Buffer.concat(chunks, total).toString('utf8')
}

/** A file read the same way: a FIFO or a device at the path is bounded too. */
export function readFileBounded(
  path: string,
  what: string,
  limit = MAX_DIFF_BYTES
): Promise<string> {
  return readBounded(createReadStream(path, { highWaterMark: 1 << 20 }), what, limit)
}

function size(bytes: number): string {
  return bytes >= 1 << 20 ? `${bytes >> 20} MB` : `${bytes} bytes`
}
