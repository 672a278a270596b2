import { fileURLToPath } from 'node:url'
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { DumpSet } from '../../../src/core/dumps/dump-set.js'
import type { DumpFocus } from '../../../src/core/dumps/focus.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

export const FIXTURES = resolve(TEST_DIR, '../../../fixtures/gcc')

/** Every `*.ipa-clones` below `dir`, relative to it, sorted. */
export function dumpFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ipa-clones')) out.push(relative(dir, p))
    }
  }
  walk(dir)
  return out.sort()
}

/** A finished DumpSet of one scenario under fixtures/gcc (or of any folder of dumps). */
export function loadDir(dir: string, label = 'test', prefix = '', focus?: DumpFocus): DumpSet {
  const set = new DumpSet(label, focus)
  for (const f of dumpFiles(dir)) set.addDump(prefix + f, readFileSync(join(dir, f), 'utf8'))
  set.finish()
  return set
}

export function fixtureSet(scenario: string, label = scenario): DumpSet {
  return loadDir(join(FIXTURES, scenario), label)
}

/** A finished DumpSet from in-memory dumps. */
export function setOf(dumps: Record<string, string>, label = 'mem', focus?: DumpFocus): DumpSet {
  const set = new DumpSet(label, focus)
  for (const [path, text] of Object.entries(dumps)) set.addDump(path, text)
  set.finish()
  return set
}
