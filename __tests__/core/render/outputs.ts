import { fileURLToPath } from 'node:url'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

const OUTPUTS = resolve(TEST_DIR, '../../__outputs__')

/**
 * Compares a rendered output with the committed file. `UPDATE_OUTPUTS=1` rewrites it; a missing
 * file fails, so CI can never silently accept a new rendering.
 */
export function expectOutput(name: string, actual: string): void {
  const path = resolve(OUTPUTS, name)
  if (process.env.UPDATE_OUTPUTS === '1') {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
    return
  }
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run UPDATE_OUTPUTS=1 npm test and review the file`)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
