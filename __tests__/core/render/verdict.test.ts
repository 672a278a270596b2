import { evaluatePolicy } from '../../../src/core/coverage/policy.js'
import type { Finding, Report } from '../../../src/core/model.js'
import { renderMarkdown } from '../../../src/core/render/markdown.js'
import { DATA_CHANGE, cleanPass } from './reports.js'

describe('the verdict on unresolved findings', () => {
  const data = DATA_CHANGE
  const gap: Finding = {
    kind: 'no-dump',
    severity: 'unresolved',
    message: 'net/x.o was compiled from net/x.c but the dump set has no net/x.c.000i.ipa-clones',
    file: 'net/x.c'
  }
  const withFindings = (findings: Finding[]): Report => {
    const base = cleanPass()
    const verdict = evaluatePolicy(base.policy, base.affected, base.coverage, findings)
    return { ...base, findings, ...verdict }
  }

  it('names what a human must carry, apart from inputs not analysed', () => {
    const md = renderMarkdown(withFindings([data, gap]))
    expect(md).toContain(
      '❌ **fail** — It changes data the running kernel keeps: no function replacement carries that, decide how. Look at 1 unresolved input: the lists may be incomplete.'
    )
    expect(md).toContain('Some are changes no function replacement carries (a human decides how)')
  })

  it('says only what to carry when nothing went unanalysed', () => {
    const exported: Finding = { ...data, kind: 'export-change', message: 'export removed' }
    const md = renderMarkdown(withFindings([data, exported]))
    expect(md).toContain(
      "— It changes data the running kernel keeps and the kernel's export table: no function replacement carries that, decide how."
    )
    expect(md).not.toContain('Look at')
    expect(md).toContain(
      'The fix changes what no function replacement carries: a human decides how'
    )
  })
})

describe('the verdict when nothing is affected', () => {
  // 6.1.192-3's CVE fix in fs/nfsd/nfs4state.c, on a defconfig that leaves NFSD out.
  const compiledOut = (line: number): Finding => ({
    kind: 'not-built',
    severity: 'info',
    message: 'compiled out: CONFIG_NFSD_V4 is not set (fs/nfsd/Makefile) in set default',
    file: 'fs/nfsd/nfs4state.c',
    line
  })
  const nothingAffected = (findings: Finding[]): Report => {
    const base = cleanPass()
    const coverage = { ...(base.coverage as NonNullable<Report['coverage']>), covered: [] }
    const verdict = evaluatePolicy(base.policy, [], coverage, findings)
    return { ...base, changed: [], affected: [], coverage, findings, ...verdict }
  }

  it('says the fix needs no replacement, and which files the configuration leaves out', () => {
    const md = renderMarkdown(nothingAffected([4050, 4060, 4132].map(compiledOut)))
    expect(md).toContain(
      '✅ **pass** — This fix changes no function a livepatch must replace (not built in this configuration: `fs/nfsd/nfs4state.c`).'
    )
    expect(md).not.toContain('declares every function')
    expect(md).toContain('`fs/nfsd/nfs4state.c:4050, 4060, 4132`: compiled out')
  })

  it('names no file when the configuration builds them all', () => {
    const md = renderMarkdown(nothingAffected([]))
    expect(md).toContain('✅ **pass** — This fix changes no function a livepatch must replace.')
  })

  it('keeps the declared verdict when functions are affected and declared', () => {
    expect(renderMarkdown(cleanPass())).toContain(
      'The livepatch declares every function this fix requires'
    )
  })
})
