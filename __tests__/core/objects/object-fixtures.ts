import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parsePatch } from '../../../src/core/diff/patch.js'
import { compareObjects } from '../../../src/core/objects/compare.js'
import { lineShiftTest } from '../../../src/core/objects/line-shift-test.js'
import type { ObjectComparison } from '../../../src/core/objects/model.js'
import { readObject } from '../../../src/adapters/objects/readelf.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

/** fixtures/gcc/objects: one folder per case, its tree before (pre/) and after (post/) a fix. */
export const OBJECT_CASES = resolve(TEST_DIR, '../../../fixtures/gcc/objects')

export function hasTool(tool: string, arg = '--version'): boolean {
  try {
    execFileSync(tool, [arg], { stdio: 'pipe' })
    return true
  } catch {
    return false
  }
}

/** The fix of a case as `diff -u pre post` of its one source, for the line-shift test. */
function fixOf(dir: string, source: string): string {
  try {
    execFileSync('diff', ['-u', join(dir, 'pre', source), join(dir, 'post', source)])
    return ''
  } catch (error) {
    return String((error as { stdout: Buffer }).stdout)
  }
}

/** Compares a case's pre and post object (under `root`, the committed fixtures by default). */
export async function compareCase(name: string, root = OBJECT_CASES): Promise<ObjectComparison> {
  const dir = join(root, name)
  const source = readdirSync(join(dir, 'pre')).find(f => f.endsWith('.c')) as string
  const object = source.replace(/\.c$/, '.o')
  const patch = parsePatch(fixOf(dir, source), 0)
  return compareObjects(
    source,
    await readObject(join(dir, 'pre', object)),
    await readObject(join(dir, 'post', object)),
    lineShiftTest(
      patch.files.map(f => ({ hunks: f.hunks, oldText: readText(join(dir, 'pre', source)) }))
    )
  )
}

export function verdicts(c: ObjectComparison): Record<string, string> {
  return Object.fromEntries(c.symbols.map(s => [`${s.kind} ${s.name}`, s.verdict]))
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}
