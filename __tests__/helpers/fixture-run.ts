import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'

/** The pipeline on a GCC fixture folder: its dumps, its `fix.patch`, itself as the source tree. */
export function runFixture(dir: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dir] }],
    diff: readFileSync(join(dir, 'fix.patch'), 'utf8'),
    source: dir,
    livepatch: [],
    policy: ['missing']
  })
}
