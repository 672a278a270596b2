import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

/** Kernel 6.1.192 files committed as test data, at their tree paths. */
export function kernelFile(path: string): string {
  return readFileSync(join(TEST_DIR, '../../../fixtures/kernel-src', path), 'utf8')
}
