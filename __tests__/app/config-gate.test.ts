import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadSets } from '../../src/app/load-sets.js'
import { runPipeline } from '../../src/app/pipeline.js'
import type { Report } from '../../src/core/model.js'
import { FIXTURES } from '../core/dumps/load-fixture.js'

/**
 * Real GCC fixture: drivers/gate/gate.c built with the autoconf.h of its .config
 * (CONFIG_GATE_STATS not set, CONFIG_GATE_LOG=m). The fix changes stats_bump (under
 * `#ifdef CONFIG_GATE_STATS`), a line of gate_entry under `#if defined(CONFIG_GATE_LOG)` (=m
 * defines CONFIG_GATE_LOG_MODULE, not CONFIG_GATE_LOG) and fast_path: only fast_path's code changes.
 */
const DIR = join(FIXTURES, 'config-gate')

function run(dumps: string): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [dumps] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source: DIR,
    livepatch: [],
    policy: ['missing', 'unresolved']
  })
}

describe("the dump set's .config (real GCC: fixtures/gcc/config-gate)", () => {
  it('drops changes the build compiles out, naming the symbol', async () => {
    const report = await run(DIR)
    expect(report.changed.map(c => c.name)).toEqual(['fast_path'])
    expect(report.affected.map(a => `${a.tier} ${a.name}`)).toEqual(['required fast_path'])
    const notBuilt = report.findings.filter(f => f.kind === 'not-built')
    expect(notBuilt.map(f => `${f.severity} ${f.line ?? '-'} ${f.message}`)).toEqual([
      // extra.c has no dump, and its Makefile line says why: its hunk changes nothing.
      'info 3 compiled out: CONFIG_GATE_EXTRA is not set (drivers/gate/Makefile: obj-$(CONFIG_GATE_EXTRA) += extra.o) in set x86_64',
      'info 8 2 changed line(s) compiled out: CONFIG_GATE_STATS is not set in set x86_64',
      'info 24 2 changed line(s) compiled out: CONFIG_GATE_LOG=m in set x86_64'
    ])
    expect(report.result).toBe('pass')
  })

  it('without a .config keeps every changed function, the compiled-out one included', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'klp-config-'))
    try {
      cpSync(join(DIR, 'drivers'), join(bare, 'drivers'), { recursive: true })
      cpSync(join(DIR, 'include'), join(bare, 'include'), { recursive: true })
      const report = await run(bare)
      expect(report.changed.map(c => c.name).sort()).toEqual([
        'fast_path',
        'gate_entry',
        'gate_extra',
        'stats_bump'
      ])
      // stats_bump has no dump node: it is taken for an ordinary out-of-line function.
      expect(report.affected.map(a => a.name).sort()).toContain('stats_bump')
      expect(report.findings.filter(f => f.kind === 'not-built').map(f => f.severity)).toEqual([
        'unresolved'
      ])
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('is parsed for the diff mapper, and only when asked for (`explain` never reads it)', async () => {
    const dumps = [{ label: 'x86_64', paths: [DIR] }]
    const [parsed] = await loadSets(dumps)
    expect(parsed.config?.get('CONFIG_GATE_LOG')).toBe('m')
    const [skipped] = await loadSets(dumps, { config: false })
    expect(skipped.config).toBeUndefined()
    expect(skipped.set.dumpCount).toBe(parsed.set.dumpCount)
  })
})
