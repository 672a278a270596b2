import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Kernel 6.1.192 files committed as test data, at their tree paths. */
export function kernelFile(path: string): string {
  return readFileSync(join(import.meta.dirname, '../../../fixtures/kernel-src', path), 'utf8')
}
