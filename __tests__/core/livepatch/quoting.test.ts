import { readDeclarations } from '../../../src/core/livepatch/read.js'

const GIT_CONFIG = `[core]
\trepositoryformatversion = 0
[remote "origin"]
\turl = https://github.com/o/r
[http "https://github.com/"]
\textraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldHNlY3JldHNlY3JldA==
`

describe('lines of declaration files that did not parse', () => {
  it.each(['livepatch.list', 'patched_funcs.csv'])(
    'are never quoted when nothing in the file parsed (%s)',
    path => {
      const { declared, findings } = readDeclarations([{ path, text: GIT_CONFIG }])
      expect(declared).toEqual([])
      expect(findings.length).toBeGreaterThan(0)
      const all = findings.map(f => f.message).join('\n')
      expect(all).not.toContain('AUTHORIZATION')
      expect(all).not.toContain('eC1h')
      expect(all).not.toContain('github.com')
      expect(findings.every(f => f.severity === 'unresolved')).toBe(true)
    }
  )

  it('quote a short line of a file that declares functions, but not a long one', () => {
    const long = `vmlinux:${'x'.repeat(100)} trailing`
    const { declared, findings } = readDeclarations([
      { path: 'lp.list', text: `vmlinux:tcp_v4_rcv\nnot a decl!\n${long}\n` }
    ])
    expect(declared.map(d => d.name)).toEqual(['tcp_v4_rcv'])
    expect(findings.map(f => [f.line, f.message])).toEqual([
      [2, 'declaration line not understood: not a decl!'],
      [3, `declaration line not understood: a line of ${long.length} characters, not quoted`]
    ])
  })
})
