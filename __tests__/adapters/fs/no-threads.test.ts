import { jest } from '@jest/globals'
import * as realFs from 'node:fs'
import { join } from 'node:path'
import { restoreEnvAfterEach } from '../../helpers/env.js'
import { tempDir } from '../../helpers/temp-dir.js'

/**
 * Out of threads (a container's pids limit, systemd's TasksMax), `new Worker` throws EAGAIN. The
 * scan threads are an optimisation: the load goes on without them, on the main thread, and gives
 * the same set. Modelled: the worker script counts as present, and every Worker fails to start.
 */
let attempts = 0

jest.unstable_mockModule('node:worker_threads', () => {
  class Worker {
    constructor() {
      attempts++
      throw Object.assign(new Error('spawn failed: Resource temporarily unavailable'), {
        code: 'ERR_WORKER_INIT_FAILED'
      })
    }
  }
  return { Worker, default: { Worker } }
})
jest.unstable_mockModule('node:fs', () => {
  const existsSync = (p: realFs.PathLike): boolean =>
    String(p).endsWith('scan-worker.js') || realFs.existsSync(p)
  return { ...realFs, default: { ...realFs, existsSync }, existsSync }
})

const { prewarmScanThread, startScanPool } = await import('../../../src/adapters/fs/scan-pool.js')
const { loadDumpSet } = await import('../../../src/adapters/fs/load-dumps.js')
const { nearDumpNames } = await import('../../../src/adapters/fs/dump-names.js')

function syntheticDumps(): string {
  const dumps = join(tempDir('klp-no-threads-'), 'linux')
  for (let d = 0; d < 3; d++) {
    const dir = join(dumps, `drivers/d${d}`)
    realFs.mkdirSync(dir, { recursive: true })
    for (let k = 0; k < 100; k++) {
      const tu = `drivers/d${d}/f${k}.c`
      const extra = d === 2 && k === 7 ? 'Callgraph clone;broken\n' : ''
      realFs.writeFileSync(
        join(dir, `f${k}.c.000i.ipa-clones`),
        `Callgraph clone;helper;1;${tu};1;1;caller_${k};2;${tu};5;1;inlining to\n${extra}`
      )
    }
  }
  return dumps
}

restoreEnvAfterEach('KLP_AFFECTED_SCAN_THREADS')

describe('no thread can start', () => {
  it('prewarming tries and gives up quietly; a pool does not start', () => {
    process.env.KLP_AFFECTED_SCAN_THREADS = '2'
    attempts = 0
    expect(() => prewarmScanThread()).not.toThrow()
    expect(attempts).toBe(1)
    expect(startScanPool({ label: 'x' }, 2)).toBeUndefined()
    expect(attempts).toBe(2)
  })

  it('loads the same set on the main thread as with no threads asked for', async () => {
    const dumps = syntheticDumps()
    const focus = { names: ['helper'], files: [] }
    const load = async (n: string) => {
      process.env.KLP_AFFECTED_SCAN_THREADS = n
      const { set, findings } = await loadDumpSet('x86_64', [dumps], undefined, focus)
      return {
        dumps: set.dumpCount,
        lines: set.lineCount,
        findings: [...findings, ...set.findings],
        tus: set.tusMentioning('helper')
      }
    }
    const none = await load('0')
    attempts = 0
    const starved = await load('2')
    expect(attempts).toBeGreaterThan(0)
    expect(starved).toEqual(none)
    expect(none.dumps).toBe(300)
    expect(none.findings.some(f => f.file === 'drivers/d2/f7.c.000i.ipa-clones')).toBe(true)
  })

  it('searches for near names on the main thread: the same suggestions', async () => {
    const dumps = syntheticDumps()
    process.env.KLP_AFFECTED_SCAN_THREADS = '0'
    const none = await nearDumpNames('caler_17', [{ label: 'x', paths: [dumps] }])
    process.env.KLP_AFFECTED_SCAN_THREADS = '2'
    attempts = 0
    const starved = await nearDumpNames('caler_17', [{ label: 'x', paths: [dumps] }])
    expect(attempts).toBeGreaterThan(0)
    expect(starved).toEqual(none)
    expect(none[0]).toBe('caller_17')
  })
})
