import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

const OUTPUTS = resolve(import.meta.dirname, '../../__outputs__')

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
