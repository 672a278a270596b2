import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Policy, Report } from '../../../src/core/model.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/** The pipeline on a real GCC fixture under fixtures/gcc/: its dumps and tree, its fix.patch. */
export function runFixture(name: string, policy: Policy): Promise<Report> {
  const dir = join(FIXTURES, name)
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff: readFileSync(join(dir, 'fix.patch'), 'utf8'),
    source: dir,
    livepatch: [],
    policy
  })
}
