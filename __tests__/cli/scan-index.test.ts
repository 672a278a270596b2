import { fileURLToPath } from 'node:url'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Report } from '../../src/core/model.js'
import { corpusDir } from '../helpers/corpus.js'
import { tempDir } from '../helpers/temp-dir.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(TEST_DIR, '../..')
const cli = join(root, 'dist/cli.js')

const corpus = corpusDir()

/** The example's fix, analysed against its sources (json). */
const ANALYZE = [
  'analyze',
  '--diff',
  join(root, 'examples/route-flow-key/fix.patch'),
  '--source',
  join(root, 'examples/route-flow-key/src'),
  '--format',
  'json'
]
const maybe = corpus ? describe : describe.skip

/**
 * `--index-cache`: the second run over the same dumps answers from the index (on the worker
 * threads of dist/scan-worker.js or on the main thread), and its report is the same bytes as a
 * run without the index, damaged dumps and their findings included.
 */
maybe('persistent scan index (dist/cli.js)', () => {
  let work: string
  let dumps: string
  beforeAll(() => {
    work = tempDir('klp-index-cli-')
    dumps = join(work, 'linux')
    mkdirSync(dumps, { recursive: true })
    cpSync(join(corpus as string, 'net'), join(dumps, 'net'), { recursive: true })
    const route = join(dumps, 'net/ipv4/route.c.000i.ipa-clones')
    const lines = readFileSync(route, 'utf8').split('\n')
    lines.splice(3, 0, 'Callgraph clone;broken')
    ;[lines[10], lines[200]] = [lines[200], lines[10]]
    writeFileSync(route, lines.join('\n'))
  })

  let runs = 0
  function run(
    args: string[],
    threads: string,
    cache?: string,
    stableMs?: string,
    at = dumps,
    env: Record<string, string> = {}
  ): string {
    const out = join(work, `out-${runs++}`)
    const r = spawnSync(
      process.execPath,
      [cli, ...args, '--dumps', at, '--output', out, '--quiet', '--fail-on', 'none'].concat(
        cache ? ['--index-cache', cache] : []
      ),
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          KLP_AFFECTED_SCAN_THREADS: threads,
          ...(stableMs === undefined ? {} : { KLP_AFFECTED_INDEX_STABLE_MS: stableMs }),
          ...env
        }
      }
    )
    expect(r.stderr).toBe('')
    return readFileSync(out, 'utf8')
  }

  it.each([
    ['explain sk_free', ['explain', 'sk_free', '--format', 'json']],
    ['explain __build_flow_key (text)', ['explain', '__build_flow_key']],
    ['explain --all', ['explain', '--all', '--format', 'json']]
  ])('%s: the same bytes without the index, with a new one and with the saved one', (_n, args) => {
    const cache = join(work, `cache-${runs}`)
    const plain = run(args, '0')
    expect(run(args, '2', cache)).toBe(plain)
    expect(existsSync(join(cache, 'scan-index.default.klpidx'))).toBe(true)
    expect(run(args, '2', cache)).toBe(plain)
    expect(run(args, '0', cache)).toBe(plain)
    expect(plain).toContain('net/ipv4/route.c.000i.ipa-clones:4')
  })

  it.each([
    ['explain sk_free', ['explain', 'sk_free', '--format', 'json']],
    ['analyze', ANALYZE]
  ])('%s: the same bytes when unchanged dumps are not read', (_n, args) => {
    const cache = join(work, `cache-stat-${runs}`)
    const plain = run(args, '0')
    expect(run(args, '2', cache, '0')).toBe(plain)
    expect(readFileSync(join(cache, 'scan-index.default.klpidx'), 'utf8')).toMatch(/"s":"\d/)
    expect(run(args, '2', cache, '0')).toBe(plain)
    expect(run(args, '0', cache, '0')).toBe(plain)
  })

  it.each([
    ['explain sk_free', '0', ['explain', 'sk_free', '--format', 'json']],
    ['explain sk_free', '200000', ['explain', 'sk_free', '--format', 'json']],
    ['analyze', '0', ANALYZE]
  ])(
    '%s: the same bytes when a warm run holds kept dumps as graphs, budget %s',
    (_n, budget, args) => {
      // Kept dumps with an entry are read by the line check's module, their graphs held in the
      // kept-text budget, or their texts re-read past it (checked against the bytes first read).
      const cache = join(work, `cache-budget-${runs}`)
      const env = { KLP_AFFECTED_KEPT_TEXT_BUDGET: budget }
      const plain = run(args, '0', undefined, undefined, dumps, env)
      expect(run(args, '0', cache, '0', dumps, env)).toBe(plain)
      expect(run(args, '0', cache, '0', dumps, env)).toBe(plain)
      expect(run(args, '2', cache, '0', dumps, env)).toBe(plain)
    }
  )

  it.each([
    ['explain', 'net/core/sock.c.000i.ipa-clones', ['explain', 'sk_free', '--format', 'json']],
    // A dump the focus rules out, answered from its stat, which the scan thread takes while the
    // diff is mapped (prewalk.ts).
    ['analyze', 'net/9p/client.c.000i.ipa-clones', ANALYZE]
  ])('%s finds the damage of a dump changed after it was indexed (%s)', (name, rel, args) => {
    const cache = join(work, `cache-damage-${name}`)
    run(args, '2', cache, '0')
    const file = join(dumps, rel)
    const before = readFileSync(file, 'utf8')
    writeFileSync(file, before.replace('Callgraph clone;', 'Callgraph clone:'))
    try {
      const warm = run(args, '2', cache, '0')
      expect(warm).toBe(run(args, '0'))
      const report = JSON.parse(warm) as Report
      expect(report.findings.some(f => f.file === rel)).toBe(true)
    } finally {
      writeFileSync(file, before)
    }
  })

  it('reads every dump of a copy the index was not made on (each stat differs): damage found', () => {
    const cache = join(work, 'cache-copy')
    const args = ['explain', 'sk_free', '--format', 'json']
    run(args, '2', cache, '0')
    const copy = join(work, 'copy')
    cpSync(dumps, copy, { recursive: true })
    // Dumps the focus rules out, the same size: only a read can tell. The first is among the
    // 256 the main thread stats itself, the second past them (the stats differ: it stops).
    const damaged = ['net/9p/client.c.000i.ipa-clones', 'net/ipv4/tcp.c.000i.ipa-clones']
    for (const rel of damaged) {
      const file = join(copy, rel)
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('Callgraph clone;', 'Callgraph clone:')
      )
    }
    const warm = run(args, '2', cache, '0', copy)
    expect(warm).toBe(run(args, '0', undefined, undefined, copy))
    const report = JSON.parse(warm) as Report
    for (const rel of damaged) expect(report.findings.some(f => f.file === rel)).toBe(true)
    // The copy's stats are kept now: the next run answers the same with them.
    expect(run(args, '2', cache, '0', copy)).toBe(warm)
  })

  it('analyze keeps its parses in the folder and reads them in the next run', () => {
    const cache = join(work, 'cache-parses')
    const args = ANALYZE
    const plain = run(args, '0')
    expect(run(args, '0', cache)).toBe(plain)
    // route.c before and after the fix: one parse each.
    const folder = join(cache, 'parses')
    const parses = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter(e => e.isFile())
      .map(e => join(e.parentPath, e.name))
    expect(parses).toHaveLength(2)
    expect(run(args, '0', cache)).toBe(plain)
    // A stored parse that names the function otherwise, with a digest that matches: the next
    // run's report follows it, so the run read it instead of parsing route.c.
    for (const file of parses) {
      const body = readFileSync(file, 'utf8').split('\n').slice(1).join('\n')
      const renamed = body.replaceAll('"__build_flow_key"', '"__build_flow_key_stored"')
      expect(renamed).not.toBe(body)
      const head = readFileSync(file, 'utf8').split(' ').slice(0, 4).join(' ')
      writeFileSync(
        file,
        `${head} ${createHash('sha256').update(renamed).digest('hex')}\n${renamed}`
      )
    }
    const report = JSON.parse(run(args, '0', cache)) as Report
    const changed = report.changed.map(c => c.name)
    expect(changed).toContain('__build_flow_key_stored')
    expect(changed).not.toContain('__build_flow_key')
  })

  it('analyze keeps the graphs of the dumps it reads and reads them in the next run', () => {
    const cache = join(work, 'cache-graphs')
    const args = ANALYZE
    const plain = run(args, '0')
    expect(run(args, '0', cache)).toBe(plain)
    const graphs = readdirSync(join(cache, 'graphs'), { recursive: true, withFileTypes: true })
      .filter(e => e.isFile())
      .map(e => join(e.parentPath, e.name))
    expect(graphs.length).toBeGreaterThan(0)
    expect(run(args, '0', cache)).toBe(plain)
    // Stored graphs that name a caller otherwise, with a digest that matches: the next run's
    // report follows them, so the run built its graphs from them instead of reading the dumps.
    const callers = (JSON.parse(plain) as Report).affected
      .map(a => a.name)
      .filter(n => n !== '__build_flow_key')
    let planted = 0
    for (const file of graphs) {
      const [head, ...rest] = readFileSync(file, 'utf8').split('\n')
      const body = rest.join('\n')
      const caller = callers.find(n => body.includes(`"${n}"`))
      if (caller === undefined) continue
      const renamed = body.replaceAll(`"${caller}"`, `"${caller}_stored"`)
      const digest = createHash('sha256').update(renamed).digest('hex')
      writeFileSync(file, `${head.split(' ').slice(0, 4).join(' ')} ${digest}\n${renamed}`)
      planted++
    }
    expect(planted).toBeGreaterThan(0)
    const names = (JSON.parse(run(args, '0', cache)) as Report).affected.map(a => a.name)
    expect(names.some(n => n.endsWith('_stored'))).toBe(true)
  })
})
