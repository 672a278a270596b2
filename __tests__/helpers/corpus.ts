import { afterAll } from '@jest/globals'
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

/** The shared kernel corpus beside the project root (also present in CI). */
export const CORPUS_ARCHIVE = resolve(
  TEST_DIR,
  '../../../shared/corpus/linux-6.1.192-x86_64-defconfig.tar.xz'
)

let unpacked: string | undefined

// 73 MB per test file that unpacks it (each file has its own module state): removed once the
// file's tests are done, not left in /tmp (hundreds of runs had filled the disk). Registered as the
// file imports this helper, so it runs after every test of that file.
afterAll(() => {
  if (unpacked) rmSync(unpacked, { recursive: true, force: true })
  unpacked = undefined
})

/**
 * Unpacks the corpus once per test process; undefined (and a message) when it is absent. Where the
 * corpus is expected (`KLP_REQUIRE_CORPUS=1`, which `.ci/run` sets), its absence fails the run
 * instead: 42 tests, the validation suite among them, would otherwise skip behind a warning.
 */
export function corpusDir(): string | undefined {
  if (!existsSync(CORPUS_ARCHIVE)) {
    if (process.env.KLP_REQUIRE_CORPUS === '1') {
      throw new Error(`${CORPUS_ARCHIVE} not found, and KLP_REQUIRE_CORPUS=1 expects it`)
    }
    console.warn(`skipping corpus test: ${CORPUS_ARCHIVE} not found`)
    return undefined
  }
  if (!unpacked) {
    const dir = mkdtempSync(join(tmpdir(), 'klp-corpus-'))
    execFileSync('tar', ['xJf', CORPUS_ARCHIVE, '-C', dir])
    unpacked = dir
  }
  return unpacked
}
