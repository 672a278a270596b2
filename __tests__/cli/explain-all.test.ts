import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  lstatSync,
  readFileSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../helpers/temp-dir.js'

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(TEST_DIR, '../..')
const cli = join(root, 'dist/cli.js')
const chain = join(root, 'fixtures/gcc/chain')

function run(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('klp-affected explain --all (dist/cli.js)', () => {
  it('lists every inlined function with its containers, in text', () => {
    const r = run(['explain', '--all', '--dumps', chain, '--quiet'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^default: a \(chain\.c:\d+\) removed in chain\.c: 2 affected\n {4}b /m
    )
    expect(r.stdout).toMatch(
      /^default: b \(chain\.c:\d+\) removed in chain\.c: 1 affected\n {4}c /m
    )
    expect(r.stdout).toMatch(/2 functions inlined or cloned; result: PASS/)
  })

  it('writes one JSON document to --output', () => {
    const out = join(tempDir('klp-all-'), 'all.json')
    const r = run(['explain', '--all', '--dumps', chain, '--format', 'json', '--output', out])
    expect(r.code).toBe(0)
    const doc = JSON.parse(readFileSync(out, 'utf8')) as {
      mode: string
      result: string
      functions: Array<{ name: string; affected: Array<{ name: string }> }>
    }
    expect(doc.mode).toBe('all')
    expect(doc.result).toBe('pass')
    expect(doc.functions.map(f => [f.name, f.affected.map(a => a.name)])).toEqual([
      ['a', ['b', 'c']],
      ['b', ['c']]
    ])
  })

  it('empties --output only when the report starts: a run that fails in the load leaves it', () => {
    const dir = tempDir('klp-all-out-')
    const out = join(dir, 'all.txt')
    writeFileSync(out, 'the last report\n')
    const failed = run(['explain', '--all', '--dumps', join(dir, 'missing'), '--output', out])
    expect(failed.code).toBe(2)
    expect(readFileSync(out, 'utf8')).toBe('the last report\n')
    // One the failed run had to create is gone again.
    const fresh = join(dir, 'new.txt')
    expect(run(['explain', '--all', '--dumps', join(dir, 'missing'), '--output', fresh]).code).toBe(
      2
    )
    expect(existsSync(fresh)).toBe(false)
    // A dangling link is neither removed nor followed into an empty file by a failed run.
    const link = join(dir, 'link.txt')
    symlinkSync(join(dir, 'target.txt'), link)
    expect(run(['explain', '--all', '--dumps', join(dir, 'missing'), '--output', link]).code).toBe(
      2
    )
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    // A longer old report leaves no tail behind the new one.
    writeFileSync(out, 'x'.repeat(100000))
    expect(run(['explain', '--all', '--dumps', chain, '--output', out, '--quiet']).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(
      run(['explain', '--all', '--dumps', chain, '--quiet']).stdout
    )
  })

  it('streams to --output /dev/stdout through a pipe (nothing to empty there)', () => {
    // Through sh: spawnSync's own stdout is a socket, which /dev/stdout cannot open (ENXIO).
    const r = spawnSync(
      'sh',
      [
        '-c',
        '"$0" "$1" explain --all --dumps "$2" --output /dev/stdout --quiet | cat',
        process.execPath,
        cli,
        chain
      ],
      { cwd: root, encoding: 'utf8' }
    )
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/2 functions inlined or cloned; result: PASS/)
  })

  it('still validates every line: a malformed dump is a finding that fails --fail-on unresolved', () => {
    const dir = tempDir('klp-all-bad-')
    copyFileSync(join(chain, 'chain.c.000i.ipa-clones'), join(dir, 'chain.c.000i.ipa-clones'))
    writeFileSync(join(dir, 'b.c.000i.ipa-clones'), 'Callgraph clone;x;1;b.c\n')
    const r = run(['explain', '--all', '--dumps', dir, '--fail-on', 'unresolved', '--quiet'])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/unresolved: dump-malformed-line: b\.c\.000i\.ipa-clones:1/)
    expect(r.stdout).toMatch(/result: FAIL/)
  })

  it('refuses a FUNCTION, --file and markdown with --all', () => {
    expect(run(['explain', 'a', '--all', '--dumps', chain]).code).toBe(2)
    expect(run(['explain', '--all', '--file', 'a.c', '--dumps', chain]).code).toBe(2)
    expect(run(['explain', '--all', '--format', 'markdown', '--dumps', chain]).code).toBe(2)
  })
})
