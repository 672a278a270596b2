import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { FIXTURES, dumpFiles } from './load-fixture.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

const SCRIPT = resolve(TEST_DIR, '../../../scripts/regen-gcc-fixtures.sh')

function gccMajor(): number | undefined {
  try {
    return Number(execFileSync('gcc', ['-dumpversion'], { encoding: 'utf8' }).trim().split('.')[0])
  } catch {
    return undefined
  }
}

const major = gccMajor()
// The committed dumps come from GCC 12; another GCC takes other decisions, so only 12 is compared.
const live = major === 12 ? it : it.skip
if (major !== 12)
  console.warn(`skipping live GCC test: gcc ${major ?? 'not found'}, fixtures are GCC 12`)

describe('regen-gcc-fixtures.sh', () => {
  live('regenerates exactly the committed dumps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-gcc-'))
    try {
      cpSync(FIXTURES, dir, { recursive: true })
      execFileSync('bash', [SCRIPT], { env: { ...process.env, FIXTURES_DIR: dir }, stdio: 'pipe' })
      const committed = dumpFiles(FIXTURES)
      expect(dumpFiles(dir)).toEqual(committed)
      expect(committed.length).toBeGreaterThanOrEqual(15)
      // The symbol tables made beside them (scenarios with a system-map.want) too.
      const maps = committed.length > 0 ? ['header-ool/System.map', 'header-ool/vmlinux.syms'] : []
      for (const f of [...committed, ...maps])
        expect(`${f}\n${readFileSync(join(dir, f), 'utf8')}`).toBe(
          `${f}\n${readFileSync(join(FIXTURES, f), 'utf8')}`
        )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
