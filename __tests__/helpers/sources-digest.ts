import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/**
 * The first 16 hex digits of the SHA-256 of these files of src/core, in order: what a schema
 * number stored in a cache is pinned to (the test fails until the schema is bumped with them).
 */
export function coreSourcesDigest(files: string[]): string {
  const digest = createHash('sha256')
  for (const f of files)
    digest.update(readFileSync(fileURLToPath(new URL(`../../src/core/${f}`, import.meta.url))))
  return digest.digest('hex').slice(0, 16)
}
