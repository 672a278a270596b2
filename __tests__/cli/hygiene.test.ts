import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')
const example = join(root, 'examples/route-flow-key')
const DUMP = 'net/ipv4/route.c.000i.ipa-clones'
const OSC52 = '\u001b]52;c;cHduZWQ=\u0007'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klp-hygiene-'))
  cpSync(join(example, 'dumps'), join(dir, 'dumps'), { recursive: true })
  const dump = readFileSync(join(dir, 'dumps', DUMP), 'utf8')
  // A symbol in the affected chain renamed with an OSC 52 clipboard write, and a CSI in a line
  // that no longer parses (quoted in the malformed-line finding).
  writeFileSync(
    join(dir, 'dumps', DUMP),
    dump.replace(/;ipv4_sk_redirect;/g, `;ipv4_sk${OSC52}_redirect;`) + 'garbage\u001b[2J line\n'
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('control characters from dumps never reach the terminal', () => {
  it.each(['text', 'markdown'])('in the %s report and on stderr', format => {
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'analyze',
        '--diff',
        join(example, 'fix.patch'),
        '--dumps',
        `x86_64=${join(dir, 'dumps')}`,
        '--source',
        join(example, 'src'),
        '--format',
        format
      ],
      { encoding: 'utf8' }
    )
    expect(r.status).toBe(1)
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
    expect(control.test(r.stdout)).toBe(false)
    expect(control.test(r.stderr)).toBe(false)
    expect(r.stdout).toMatch(/x1b(\\?\]|&#93;)52;c;cHduZWQ=/)
    expect(r.stdout).toContain('dump-malformed-line')
  })
})
