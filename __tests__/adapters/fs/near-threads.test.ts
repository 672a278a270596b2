import { jest } from '@jest/globals'
import { EventEmitter } from 'node:events'
import * as realFs from 'node:fs'
import * as realOs from 'node:os'
import { join } from 'node:path'
import { restoreEnvAfterEach } from '../../helpers/env.js'
import { tempDir } from '../../helpers/temp-dir.js'

/**
 * The near-name search of `explain` splits the dumps between this thread and scan threads. A
 * thread that dies must leave its share to this thread, whichever share is awaited first, and
 * never end the run (modelled: four cores, every thread starts and then fails).
 */
let started = 0

jest.unstable_mockModule('node:worker_threads', () => {
  class Worker extends EventEmitter {
    constructor() {
      super()
      started++
    }
    postMessage(): void {
      // Later threads fail first: their failure comes while an earlier one is awaited.
      setTimeout(() => this.emit('error', new Error('thread died')), 50 - started * 10)
    }
    terminate(): Promise<number> {
      return Promise.resolve(1)
    }
  }
  return { Worker, default: { Worker } }
})
jest.unstable_mockModule('node:os', () => {
  const availableParallelism = (): number => 4
  return { ...realOs, default: { ...realOs, availableParallelism }, availableParallelism }
})
jest.unstable_mockModule('node:fs', () => {
  const existsSync = (p: realFs.PathLike): boolean =>
    String(p).endsWith('scan-worker.js') || realFs.existsSync(p)
  return { ...realFs, default: { ...realFs, existsSync }, existsSync }
})

const { nearDumpNames } = await import('../../../src/adapters/fs/dump-names.js')

function dumpsWith(names: Record<string, string>): string {
  const root = tempDir('klp-near-')
  for (const [path, name] of Object.entries(names)) {
    realFs.mkdirSync(join(root, path, '..'), { recursive: true })
    realFs.writeFileSync(
      join(root, path),
      `Callgraph clone;${name};1;net/x.c;1;1;caller;2;net/x.c;5;1;inlining to\n`
    )
  }
  return root
}

restoreEnvAfterEach('KLP_AFFECTED_SCAN_THREADS')

describe('names near a missing one', () => {
  it('searches the share of every thread that fails on this one', async () => {
    const names: Record<string, string> = {}
    for (let k = 0; k < 40; k++) names[`net/d${k}/x${k}.c.000i.ipa-clones`] = `helper_${k}`
    const dumps = dumpsWith(names)
    process.env.KLP_AFFECTED_SCAN_THREADS = '0'
    const alone = await nearDumpNames('helpr_1', [{ label: 'x', paths: [dumps] }])
    process.env.KLP_AFFECTED_SCAN_THREADS = '3'
    started = 0
    const failed = await nearDumpNames('helpr_1', [{ label: 'x', paths: [dumps] }])
    expect(started).toBe(3)
    expect(failed).toEqual(alone)
    expect(alone[0]).toBe('helper_1')
  })

  it('offers only the copy of a dump the load took, not a second copy it ignored', async () => {
    process.env.KLP_AFFECTED_SCAN_THREADS = '0'
    // One input holding two trees, and two inputs of one set: the first copy of a path counts.
    const two = dumpsWith({
      'v1/net/x.c.000i.ipa-clones': 'alpha_one',
      'v2/net/x.c.000i.ipa-clones': 'alpha_onf'
    })
    expect(await nearDumpNames('alpha_ong', [{ label: 'x', paths: [two] }])).toEqual(['alpha_one'])
    const a = dumpsWith({ 'net/x.c.000i.ipa-clones': 'alpha_one' })
    const b = dumpsWith({
      'net/x.c.000i.ipa-clones': 'alpha_onf',
      'net/y.c.000i.ipa-clones': 'alpha_onh'
    })
    expect(await nearDumpNames('alpha_ong', [{ label: 'x', paths: [a, b] }])).toEqual([
      'alpha_one',
      'alpha_onh'
    ])
    // Sets are loaded apart: each set's own copy counts.
    expect(
      await nearDumpNames('alpha_ong', [
        { label: 'x', paths: [a] },
        { label: 'y', paths: [b] }
      ])
    ).toEqual(['alpha_one', 'alpha_onf', 'alpha_onh'])
  })
})
