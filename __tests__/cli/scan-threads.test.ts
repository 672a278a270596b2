import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Report } from '../../src/core/model.js'
import { corpusDir } from '../helpers/corpus.js'
import { tempDir } from '../helpers/temp-dir.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(TEST_DIR, '../..')
const cli = join(root, 'dist/cli.js')

const corpus = corpusDir()

/** `analyze` through the built CLI on `threads` scan threads: its JSON report, nothing on stderr. */
function analyzeJson(diff: string, source: string, dumps: string, threads: string): string {
  const r = spawnSync(
    process.execPath,
    [cli, 'analyze', '--diff', diff, '--source', source, '--dumps', dumps].concat([
      '--format',
      'json',
      '--quiet',
      '--fail-on',
      'none'
    ]),
    { encoding: 'utf8', env: { ...process.env, KLP_AFFECTED_SCAN_THREADS: threads } }
  )
  expect(r.stderr).toBe('')
  return r.stdout
}
const maybe = corpus ? describe : describe.skip

/**
 * The dumps of a directory are read and validated on worker threads (dist/scan-worker.js) when
 * there are enough of them; the report must be the one the main thread alone gives, damaged dumps
 * and their findings included.
 */
maybe('dump scan on worker threads (dist/cli.js)', () => {
  let dumps: string
  beforeAll(() => {
    const work = tempDir('klp-threads-')
    // Under a foreign top folder, so every path is re-rooted the same way on both sides.
    dumps = join(work, 'build/linux')
    mkdirSync(dumps, { recursive: true })
    cpSync(join(corpus as string, 'net'), join(dumps, 'net'), { recursive: true })
    const route = join(dumps, 'net/ipv4/route.c.000i.ipa-clones')
    const lines = readFileSync(route, 'utf8').split('\n')
    // A line that does not scan, and two lines swapped (a clone used before it is made).
    lines.splice(3, 0, 'Callgraph clone;broken')
    ;[lines[10], lines[200]] = [lines[200], lines[10]]
    writeFileSync(route, lines.join('\n'))
    const sock = join(dumps, 'net/core/sock.c.000i.ipa-clones')
    writeFileSync(sock, '\ufeff' + readFileSync(sock, 'utf8') + 'not a dump line\n')
    writeFileSync(join(dumps, 'net/core/empty.c.000i.ipa-clones'), '')
  })

  function explain(name: string, threads: string, budget?: string, node: string[] = []): Report {
    const out = join(dumps, '..', `report-${threads}-${budget}-${node.length}.json`)
    const r = spawnSync(
      process.execPath,
      [
        ...node,
        cli,
        'explain',
        name,
        '--dumps',
        dumps,
        '--format',
        'json',
        '--output',
        out,
        '--quiet'
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          KLP_AFFECTED_SCAN_THREADS: threads,
          ...(budget ? { KLP_AFFECTED_KEPT_TEXT_BUDGET: budget } : {})
        }
      }
    )
    // --jitless drops WebAssembly, and V8 says so.
    expect(r.stderr.replace(/^Warning: disabling flag --expose_wasm .*\n/, '')).toBe('')
    return JSON.parse(readFileSync(out, 'utf8')) as Report
  }

  it.each(['__build_flow_key', 'sk_free'])(
    'explain %s: the same report on 3 threads, or one and the main thread, as on none',
    name => {
      const alone = explain(name, '0')
      const threads = explain(name, '3')
      expect(threads).toEqual(alone)
      // One thread on a machine of more cores: the main thread scans queued dumps too.
      expect(explain(name, '1')).toEqual(alone)
      expect(explain(name, '1', '0')).toEqual(alone)
      // Kept dumps' bytes held by the set, or, past a budget, re-read from disk: the same report.
      expect(explain(name, '3', '200000')).toEqual(alone)
      expect(explain(name, '3', '0')).toEqual(alone)
      // Without WebAssembly the dumps are checked by the regular expression: the same report.
      expect(explain(name, '0', undefined, ['--jitless'])).toEqual(alone)
      expect(explain(name, '1', undefined, ['--jitless'])).toEqual(alone)
      expect(alone.affected.length).toBeGreaterThan(0)
      const malformed = alone.findings.filter(f => f.kind === 'dump-malformed-line')
      // route.c's damage is seen whether or not the query keeps that dump's text; sock.c's too.
      expect(malformed.map(f => `${f.file}:${f.line}`)).toEqual(
        expect.arrayContaining(['net/ipv4/route.c.000i.ipa-clones:4'])
      )
      expect(malformed.some(f => f.file === 'net/core/sock.c.000i.ipa-clones')).toBe(true)
    }
  )

  // `analyze` boots a thread while it maps the diff, which walks the dump folder meanwhile (see
  // prewalk.ts); the first pool takes it.
  it('analyze: the same report on a thread booted (and walking) before the load, or three, as on none', () => {
    const run = (threads: string): string =>
      analyzeJson(
        join(root, 'examples/route-flow-key/fix.patch'),
        join(root, 'examples/route-flow-key/src'),
        dumps,
        threads
      )
    const alone = run('0')
    expect((JSON.parse(alone) as Report).affected.length).toBeGreaterThan(0)
    expect(alone).toContain('net/ipv4/route.c.000i.ipa-clones')
    expect(run('1')).toBe(alone)
    expect(run('3')).toBe(alone)
  })
})

/**
 * Past 6,144 dumps the pool starts while the walk goes on, the dumps found before queued for it:
 * the report must still be the main thread's alone. Synthetic dumps, so it runs without the corpus.
 */
describe('dump scan threads started during the walk (dist/cli.js)', () => {
  it('gives the same report as the main thread alone on 6,300 dumps', () => {
    const dumps = join(tempDir('klp-grow-'), 'linux')
    for (let d = 0; d < 63; d++) {
      const dir = join(dumps, `drivers/d${d}`)
      mkdirSync(dir, { recursive: true })
      for (let k = 0; k < 100; k++) {
        const tu = `drivers/d${d}/f${k}.c`
        const line = `Callgraph clone;helper;1;${tu};1;1;caller_${k};2;${tu};5;1;inlining to\n`
        // One damaged dump late in the walk, on a thread that may have joined late.
        const extra = d === 40 && k === 7 ? 'Callgraph clone;broken\n' : ''
        writeFileSync(join(dir, `f${k}.c.000i.ipa-clones`), line + extra)
      }
    }
    const run = (threads?: string): string => {
      const r = spawnSync(
        process.execPath,
        [cli, 'explain', 'helper', '--dumps', dumps, '--format', 'json', '--quiet'],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
          env: {
            ...process.env,
            KLP_AFFECTED_SCAN_THREADS: threads
          }
        }
      )
      expect(r.stderr).toBe('')
      return r.stdout
    }
    const alone = run('0')
    const report = JSON.parse(alone) as Report
    // In each TU, helper itself and the caller it was inlined into.
    expect(report.affected.length).toBe(12600)
    expect(report.findings.some(f => f.file === 'drivers/d40/f7.c.000i.ipa-clones')).toBe(true)
    expect(run(undefined)).toBe(alone)
    expect(run('2')).toBe(alone)
  })
})

/**
 * A name no dump mentions is searched for near names in a second pass, its shares on threads
 * beside the main one: the suggestions must be those of the main thread alone, whichever share
 * holds each name.
 */
describe('names near a mistyped one, searched on threads (dist/cli.js)', () => {
  it('suggests the same names on threads as on the main thread alone', () => {
    const dumps = join(tempDir('klp-near-'), 'linux')
    for (let d = 0; d < 4; d++) {
      const dir = join(dumps, `drivers/d${d}`)
      mkdirSync(dir, { recursive: true })
      for (let k = 0; k < 100; k++) {
        const tu = `drivers/d${d}/f${k}.c`
        // Each near name in one dump only, so that each share holds its own of them.
        const name = d === 0 && k < 12 ? `helper_${k}` : `unrelated_${k}`
        writeFileSync(
          join(dir, `f${k}.c.000i.ipa-clones`),
          `Callgraph clone;${name};1;${tu};1;1;caller_${k};2;${tu};5;1;inlining to\n`
        )
      }
    }
    const run = (threads?: string): string => {
      const r = spawnSync(process.execPath, [cli, 'explain', 'helpr_3', '--dumps', dumps], {
        encoding: 'utf8',
        env: { ...process.env, KLP_AFFECTED_SCAN_THREADS: threads }
      })
      expect(r.status).toBe(2)
      return r.stderr
    }
    const alone = run('0')
    expect(alone).toMatch(
      /helpr_3: not found in any dump; did you mean helper_3, helper_0, helper_1, helper_2, helper_4\?/
    )
    expect(run('1')).toBe(alone)
    expect(run('3')).toBe(alone)
    expect(run(undefined)).toBe(alone)
  })
})

/**
 * kbuild's `.cmd` files are read and their dependency lists parsed on the scan threads when there
 * are threads: the report of a header fix (which reads those lists) must be the main thread's.
 */
describe('.cmd files on scan threads (dist/cli.js)', () => {
  it('gives the same header-fix report on threads as on the main thread alone', () => {
    const fixture = join(root, 'fixtures/gcc/header-macro')
    const dir = tempDir('klp-cmd-threads-')
    cpSync(fixture, dir, { recursive: true })
    // A list past the read cap: cut, so counted as absent (b.c's unit then comes from its source).
    const b = join(dir, 'lib/.b.o.cmd')
    const text = readFileSync(b, 'utf8')
    const at = text.indexOf('deps_lib/b.o := \\\n') + 'deps_lib/b.o := \\\n'.length
    writeFileSync(b, text.slice(0, at) + '  include/none.h \\\n'.repeat(60000) + text.slice(at))
    const run = (threads: string): string =>
      analyzeJson(join(fixture, 'fix.patch'), dir, `x86_64=${dir}`, threads)
    const alone = run('0')
    const report = JSON.parse(alone) as Report
    expect(report.affected.map(a => a.name)).toEqual(
      expect.arrayContaining(['a_direct', 'a_flagged', 'a_inline', 'b_mask', 'ring_wrap'])
    )
    expect(run('1')).toBe(alone)
    expect(run('2')).toBe(alone)
  })
})
