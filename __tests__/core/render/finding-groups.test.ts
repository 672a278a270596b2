import { groupFindings } from '../../../src/core/render/finding-groups.js'
import { renderMarkdown } from '../../../src/core/render/markdown.js'
import { renderText } from '../../../src/core/render/text.js'
import type { Finding } from '../../../src/core/model.js'
import { cleanPass } from './reports.js'

const READS_NONE = "; it reads none of the files this fix changes (kbuild's dependency list)"

/** What a 6.1 defconfig build says of each object kbuild compiles with its own flags. */
function noDump(tu: string, severity: Finding['severity'] = 'info', tail = READS_NONE): Finding {
  const o = `${tu.slice(0, -2)}.o`
  return {
    kind: 'no-dump',
    severity,
    message: `${o} was compiled from ${tu} without -fdump-ipa-clones, so the dump set has no ${tu}.000i.ipa-clones${tail}`,
    file: tu,
    set: 'x86_64'
  }
}

const RM = ['regs', 'video-bios', 'video-mode', 'wakemain'].map(n => `arch/x86/realmode/rm/${n}.c`)

describe('groupFindings', () => {
  it('shows findings that differ only in their file once, with the other files', () => {
    const other: Finding = {
      kind: 'comment-only',
      severity: 'info',
      message: 'only comments',
      file: 'a.c',
      line: 3
    }
    const groups = groupFindings([noDump(RM[0]), other, ...RM.slice(1).map(f => noDump(f))])
    expect(groups).toEqual([
      { finding: noDump(RM[0]), alike: RM.slice(1) },
      { finding: other, alike: [] }
    ])
  })

  it('keeps apart what differs besides the file: severity, set, words', () => {
    const list = [
      noDump(RM[0]),
      noDump(RM[1], 'warning'),
      { ...noDump(RM[2]), set: 's390x' },
      noDump(RM[3], 'info', '; it reads only files whose changes compile to nothing')
    ]
    expect(groupFindings(list).map(g => g.alike.length)).toEqual([0, 0, 0, 0])
  })

  it('leaves two alike findings as they are, each where it stood', () => {
    const middle: Finding = {
      kind: 'not-built',
      severity: 'info',
      message: 'MAINTAINERS is not built'
    }
    const list = [noDump(RM[0]), middle, noDump(RM[1])]
    expect(groupFindings(list).map(g => g.finding)).toEqual(list)
  })

  it('never groups a finding with a line or functions, or one whose words do not name its file', () => {
    const lined = RM.map(f => ({ ...noDump(f), line: 1 }))
    const named = RM.map(f => ({ ...noDump(f), functions: ['f'] }))
    const unnamed = RM.map(f => ({ ...noDump(f), message: 'no dump' }))
    for (const list of [lined, named, unnamed])
      expect(groupFindings(list).map(g => g.alike.length)).toEqual([0, 0, 0, 0])
  })
})

describe('findings that say the same of one file at several lines', () => {
  const at = (line: number, message = 'compiled out: CONFIG_NFSD_V4 is not set'): Finding => ({
    kind: 'not-built',
    severity: 'info',
    message,
    file: 'fs/nfsd/nfs4state.c',
    line
  })

  it('are one entry with the later lines, in order of appearance', () => {
    const other = noDump(RM[0])
    const groups = groupFindings([at(4050), other, at(4060), at(4132)])
    expect(groups).toEqual([
      { finding: at(4050), alike: [], lines: [4060, 4132] },
      { finding: other, alike: [] }
    ])
  })

  it('stay apart when the words, the file, the severity or the functions differ', () => {
    const list: Finding[] = [
      at(1),
      at(2, 'compiled out: CONFIG_NFSD is not set'),
      { ...at(3), file: 'fs/nfsd/nfs4proc.c' },
      { ...at(4), severity: 'warning' },
      { ...at(5), functions: ['nfsd4_sequence'] }
    ]
    expect(groupFindings(list).map(g => g.lines)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })

  it('are shown as file:lines in markdown and text', () => {
    const report = { ...cleanPass(), findings: [at(4050), at(4060), at(4132)] }
    expect(renderMarkdown(report)).toContain(
      '- ℹ️ **not-built** `fs/nfsd/nfs4state.c:4050, 4060, 4132`: compiled out'
    )
    const text = renderText(report)
    expect(text).toContain(
      '  fs/nfsd/nfs4state.c:4050, 4060, 4132: not-built: compiled out: CONFIG_NFSD_V4 is not set\n'
    )
    expect(text.match(/not-built:/g)).toHaveLength(1)
  })
})

describe('grouped findings in the reports', () => {
  const report = { ...cleanPass(), findings: RM.map(f => noDump(f)) }

  it('markdown: one line naming the first file, the others listed', () => {
    const md = renderMarkdown(report)
    expect(md).toContain('<details><summary>Other findings (0 warnings, 4 info)</summary>')
    const lines = md.split('\n').filter(l => l.includes('**no-dump**'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(
      '— the same for 3 more: `arch/x86/realmode/rm/video-bios.c`, `arch/x86/realmode/rm/video-mode.c`, `arch/x86/realmode/rm/wakemain.c`'
    )
  })

  it('text: the finding, then the other files on the next line', () => {
    const text = renderText(report)
    expect(text).toContain(
      `  arch/x86/realmode/rm/regs.c: no-dump: ${noDump(RM[0]).message} [x86_64]\n` +
        '    the same for 3 more: arch/x86/realmode/rm/video-bios.c, arch/x86/realmode/rm/video-mode.c, arch/x86/realmode/rm/wakemain.c\n'
    )
    expect(text.match(/no-dump:/g)).toHaveLength(1)
  })
})
