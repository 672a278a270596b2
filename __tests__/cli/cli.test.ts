import { fileURLToPath } from 'node:url'
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Report } from '../../src/core/model.js'
import { VERSION } from '../../src/version.js'
import { corpusDir } from '../helpers/corpus.js'
import { tempDir } from '../helpers/temp-dir.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

/** The committed bundle, run exactly as `npx klp-affected` / `npm run example` run it. */
const root = resolve(TEST_DIR, '../..')
const cli = join(root, 'dist/cli.js')
const example = join(root, 'examples/route-flow-key')

function run(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

const exampleArgs = [
  'analyze',
  '--diff',
  join(example, 'fix.patch'),
  '--dumps',
  `x86_64=${join(example, 'dumps')}`,
  '--source',
  join(example, 'src'),
  '--livepatch',
  join(example, 'livepatch.c')
]

describe('klp-affected CLI (dist/cli.js)', () => {
  it('prints usage and version', () => {
    const help = run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/klp-affected analyze --diff/)
    expect(run(['--version']).stdout.trim()).toBe(`klp-affected ${VERSION}`)
  })

  it('guides: usage for a bare call (exit 2) and help (exit 0), names what is wrong', () => {
    const bare = run([])
    expect(bare.code).toBe(2)
    expect(bare.stderr).toMatch(/^Usage:\n {2}klp-affected analyze/)
    const help = run(['help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage:/)
    const unknown = run(['analyse', '--dumps', 'x'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command 'analyse': did you mean analyze\?/)
    const explain = run(['explain', '--dumps', join(example, 'dumps')])
    expect(explain.code).toBe(2)
    expect(explain.stderr).toMatch(/explain needs the FUNCTION to explain/)
    const option = run([...exampleArgs, '--livepach', 'x'])
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/unknown option '--livepach': did you mean --livepatch\?/)
  })

  it('refuses an empty, foreign or truncated diff as one input error (exit 2)', () => {
    const dir = tempDir('klp-cli-')
    const fix = readFileSync(join(example, 'fix.patch'), 'utf8')
    const inputs: Record<string, [string, RegExp]> = {
      empty: ['', /^klp-affected: the diff is empty/],
      foreign: ['make: *** Error 2\n', /^klp-affected: the diff is not a unified diff/],
      cut: [
        fix.slice(0, fix.indexOf('\n', fix.indexOf('@@') + 200)),
        /^klp-affected: the diff is truncated/
      ]
    }
    for (const [name, [text, message]] of Object.entries(inputs)) {
      writeFileSync(join(dir, name), text)
      const r = run(['analyze', '--diff', join(dir, name), '--dumps', join(example, 'dumps')])
      expect(r.code).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(message)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
    }
  })

  it('ends quietly with the verdict when the reader closes stdout early', () => {
    // `true` exits at once: the report is written into a pipe nobody reads (EPIPE).
    const quoted = [process.execPath, cli, ...exampleArgs, '--quiet'].map(a => `'${a}'`).join(' ')
    const r = spawnSync('bash', ['-c', `${quoted} | true; echo "status=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8'
    })
    expect(r.stderr).toBe('')
    expect(r.stdout.trim()).toBe('status=1')
  })

  it('keeps VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
  })

  it('fails the example: the livepatch misses the constprop clone and its containers', () => {
    const r = run(exampleArgs)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/^klp-affected [\d.]+: FAIL/)
    const missing = r.stdout.slice(r.stdout.indexOf('Missing ('), r.stdout.indexOf('Review ('))
    for (const name of [
      '__build_flow_key.constprop.0',
      '__ipv4_sk_update_pmtu',
      'ip_do_redirect',
      'ipv4_sk_redirect'
    ]) {
      expect(missing).toContain(`vmlinux:${name} `)
    }
    expect(missing).not.toContain('ipv4_redirect [')
    expect(r.stdout).toMatch(/Covered \(3\)/)
    // stderr is no terminal here: no progress lines around the report
    expect(r.stderr).toBe('')
  })

  it('writes the versioned JSON report with coverage', () => {
    const dir = tempDir('klp-cli-')
    const out = join(dir, 'r.json')
    const r = run([...exampleArgs, '--format', 'json', '--output', out, '--quiet'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('')
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report
    expect(report.schemaVersion).toBe(1)
    expect(report.changed.map(c => c.name)).toEqual(['__build_flow_key', 'build_sk_flow_key'])
    expect(report.coverage?.covered.map(c => c.affected.name).sort()).toEqual([
      'ip_rt_update_pmtu',
      'ipv4_redirect',
      'ipv4_update_pmtu'
    ])
    const removed = report.affected.find(a => a.name === 'build_sk_flow_key')
    expect(removed?.symbol).toBe('removed')
    expect(report.result).toBe('fail')
    // Without --fail-on the gate fails closed: unresolved findings fail it too.
    expect(report.policy).toEqual(['missing', 'unresolved'])
  })

  it('reads the diff from stdin and an archive of dumps; --fail-on none passes', () => {
    const dir = tempDir('klp-cli-')
    const archive = join(dir, 'dumps.tar.gz')
    execFileSync('tar', ['czf', archive, '-C', join(example, 'dumps'), '.'])
    const diff = readFileSync(join(example, 'fix.patch'), 'utf8')
    const r = run(
      [
        'analyze',
        '--diff',
        '-',
        '--dumps',
        archive,
        '--source',
        join(example, 'src'),
        '--fail-on',
        'none',
        '--format',
        'markdown',
        '--quiet'
      ],
      diff
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('`__build_flow_key.constprop.0`')
  })

  it('applies a format-patch series that changes one file twice, step by step', () => {
    const fix = readFileSync(join(example, 'fix.patch'), 'utf8')
    const header = fix.slice(0, fix.indexOf('@@'))
    const first = fix.slice(0, fix.indexOf('\n@@', fix.indexOf('@@')) + 1)
    // Step 2 edits the very line step 1 wrote: it applies only on top of step 1.
    const second =
      header +
      [
        '@@ -528,7 +528,7 @@ static void __build_flow_key(const struct net *net, struct flowi4 *fl4,',
        ' \tif (sk) {',
        ' \t\tconst struct inet_sock *inet = inet_sk(sk);',
        ' ',
        '-\t\toif = READ_ONCE(sk->sk_bound_dev_if);',
        '+\t\toif = READ_ONCE(sk->sk_bound_dev_if) ?: oif;',
        ' \t\tmark = READ_ONCE(sk->sk_mark);',
        ' \t\ttos = ip_sock_rt_tos(sk);',
        ' \t\tscope = ip_sock_rt_scope(sk);',
        ''
      ].join('\n')
    const mail = (n: number, body: string) =>
      `From 000000000000000000000000000000000000000${n} Mon Sep 17 00:00:00 2001\n` +
      `From: Dev <dev@example.org>\nSubject: [PATCH ${n}/2] route: step ${n}\n\n---\n${body}--\n2.39.5\n\n`
    const dir = tempDir('klp-cli-')
    const series = join(dir, 'series.mbox')
    writeFileSync(series, mail(1, first) + mail(2, second))
    const r = run([
      'analyze',
      '--diff',
      series,
      '--dumps',
      join(example, 'dumps'),
      '--source',
      join(example, 'src'),
      '--format',
      'json',
      '--quiet',
      '--fail-on',
      'unresolved'
    ])
    const report = JSON.parse(r.stdout) as Report
    expect(report.changed.map(c => c.name)).toEqual(['__build_flow_key'])
    expect(report.findings.filter(f => f.kind === 'source-mismatch')).toEqual([])
    expect(report.affected.some(a => a.name === 'ipv4_sk_redirect')).toBe(true)
  })

  it('exits 2 naming the bad value for usage and input errors', () => {
    const bad = run([...exampleArgs, '--fail-on', 'sometimes'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--fail-on 'sometimes'.*allowed: missing, review, unresolved/)
    const absent = run([
      'analyze',
      '--diff',
      join(example, 'fix.patch'),
      '--dumps',
      '/nonexistent/x'
    ])
    expect(absent.code).toBe(2)
    expect(absent.stderr).toMatch(/\/nonexistent\/x/)
    expect(run(['frobnicate', '--dumps', 'x']).code).toBe(2)
    const notDir = run([...exampleArgs, '--source', join(example, 'fix.patch')])
    expect(notDir.code).toBe(2)
    expect(notDir.stderr).toMatch(/source '.*fix\.patch' is not a directory/)
    const lpDir = run([...exampleArgs, '--livepatch', example])
    expect(lpDir.code).toBe(2)
    expect(lpDir.stderr).toMatch(/livepatch '.*' cannot be read \(a directory\)/)
    expect(
      run(['explain', 'x', '--dumps', join(example, 'dumps'), '--fail-on', 'bogus']).code
    ).toBe(2)
    // A set with no dump at all (a failed upload) would make every TU look "not built".
    const empty = tempDir('klp-nodumps-')
    const none = run([...exampleArgs, '--dumps', `arm64=${empty}`])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/dump set arm64 .* holds no \*\.000i\.ipa-clones file/)
  })

  it('reports a changed file it cannot find as unresolved instead of passing silently', () => {
    const r = run([
      'analyze',
      '--diff',
      join(example, 'fix.patch'),
      '--dumps',
      join(example, 'dumps'),
      '--source',
      tempDir('klp-empty-'),
      '--fail-on',
      'unresolved',
      '--format',
      'json',
      '--quiet'
    ])
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as Report
    expect(
      report.findings.some(f => f.severity === 'unresolved' && f.file === 'net/ipv4/route.c')
    ).toBe(true)
  })
})

describe('klp-affected analyze guidance (dist/cli.js)', () => {
  it('says the source tree is needed when --source is missing, and names the option', () => {
    const r = run(exampleArgs.filter((_, i, a) => a[i] !== '--source' && a[i - 1] !== '--source'))
    expect(r.stderr).toMatch(
      /no --source given: the kernel tree the diff applies to is needed.*--source DIR/
    )
  })

  it('refuses a livepatch file in no known format as an input error naming the formats', () => {
    const dir = tempDir('klp-cli-')
    const json = join(dir, 'livepatch.json')
    writeFileSync(json, '{"funcs": ["ip_do_redirect"]}\n')
    const args = [...exampleArgs.slice(0, -1), json, '--quiet']
    const r = run(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /looks like JSON, which is no declaration format: use .*klp_func.*patched_funcs\.csv.*plain list/
    )
  })
})

describe('klp-affected explain (dist/cli.js)', () => {
  const dumps = `x86_64=${join(example, 'dumps')}`

  it("prints the function's reach without a fix's or a livepatch's wording", () => {
    const r = run(['explain', '__build_flow_key', '--dumps', dumps, '--quiet'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^klp-affected \S+: explain __build_flow_key\n/)
    expect(r.stdout).toContain("Functions that contain __build_flow_key's code:")
    expect(r.stdout).toContain('-> inlined into ip_do_redirect [vmlinux]')
    expect(r.stdout).not.toMatch(/Changed functions|modified|\(\)|livepatch declaration|policy:/)
  })

  it('a name in no dump is not found (exit 2), with the closest dump names', () => {
    const r = run(['explain', 'build_flow_key', '--dumps', dumps, '--quiet'])
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /build_flow_key: not found in any dump; did you mean __build_flow_key, __build_flow_key\.constprop\.0/
    )
  })
})

describe('klp-affected explain --file', () => {
  // `tidy` is static in one.c and two.c (real GCC dumps); a shell completes the path as ./one.c.
  it.each([['one.c'], ['./one.c'], ['./x/../one.c']])('%s names one.c', file => {
    const dumps = join(root, 'fixtures/gcc/same-static')
    const r = run(['explain', 'tidy', '--file', file, '--dumps', dumps, '--format', 'json'])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as Report
    expect(report.affected.map(a => `${a.tu}:${a.name}`).sort()).toEqual([
      'one.c:one',
      'one.c:tidy'
    ])
  })

  // fs/elf.c is its own TU and #included by fs/compat_elf.c; both dumps are empty (real GCC), and
  // only kbuild's fs/.compat_elf.o.cmd beside them says compat_elf.o holds a writenote too.
  const silent = join(root, 'fixtures/gcc/included-silent')
  it('a .c #included where no dump names it: a copy in each TU kbuild lists (explain, analyze)', () => {
    const r = run([
      'explain',
      'writenote',
      '--file',
      'fs/elf.c',
      '--dumps',
      silent,
      '--format',
      'json'
    ])
    expect(r.code).toBe(0)
    const tus = (text: string): string[] =>
      (JSON.parse(text) as Report).affected.map(a => `${a.tu}:${a.name}`).sort()
    expect(tus(r.stdout)).toEqual(['fs/compat_elf.c:writenote', 'fs/elf.c:writenote'])
    const dir = tempDir('klp-included-')
    const src = join(dir, 'src')
    execFileSync('mkdir', ['-p', join(src, 'fs')])
    const elf = readFileSync(join(silent, 'fs/elf.c'), 'utf8')
    writeFileSync(join(src, 'fs/elf.c'), elf)
    const patch = join(dir, 'fix.patch')
    const line = elf.split('\n').findIndex(l => l.includes('sink * 2')) + 1
    writeFileSync(
      patch,
      `--- a/fs/elf.c\n+++ b/fs/elf.c\n@@ -${line} +${line} @@\n-\treturn sink * 2;\n+\treturn sink * 3;\n`
    )
    const a = run([
      'analyze',
      '--diff',
      patch,
      '--dumps',
      silent,
      '--source',
      src,
      '--format',
      'json'
    ])
    expect(tus(a.stdout)).toEqual(['fs/compat_elf.c:writenote', 'fs/elf.c:writenote'])
  })
})

describe('klp-affected explain on the shared kernel corpus', () => {
  const dir = corpusDir()
  const maybe = dir ? it : it.skip

  maybe('prints the same affected set as a manual walk of the dump lines', () => {
    const r = run([
      'explain',
      'skb_tstamp_cond',
      '--file',
      'include/linux/skbuff.h',
      '--dumps',
      `x86_64=${dir}`,
      '--format',
      'json',
      '--quiet'
    ])
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout) as Report
    // Same 9 entries as __tests__/core/graph/corpus.test.ts walked by hand, now with objects.
    expect(report.affected.map(a => `${a.object}:${a.tu}:${a.name}:${a.symbol}`).sort()).toEqual(
      [
        'vmlinux:net/ipv6/ioam6.c:__ioam6_fill_trace_data:removed',
        'vmlinux:net/ipv6/ioam6.c:ioam6_fill_trace_data:present',
        'vmlinux:net/ipv6/ioam6.c:skb_tstamp_cond.constprop.0:removed',
        'vmlinux:net/ipv6/ioam6.c:skb_tstamp_cond.part.0:removed',
        'vmlinux:net/ipv6/ioam6.c:skb_tstamp_cond:present',
        'vmlinux:net/netfilter/nfnetlink_log.c:__build_packet_message.isra.0:removed',
        'vmlinux:net/netfilter/nfnetlink_log.c:nfulnl_log_packet:present',
        'vmlinux:net/netfilter/nfnetlink_log.c:skb_tstamp_cond.constprop.0:removed',
        'vmlinux:net/netfilter/nfnetlink_log.c:skb_tstamp_cond:present'
      ].sort()
    )
    expect(report.sets[0]).toMatchObject({ dumps: 2711, lines: 563618, objectsKnown: true })
  })

  it('runs exact mode with --post-dumps, and refuses half an object pair', () => {
    const exact = join(root, 'fixtures/gcc/exact')
    // Only the post-fix dumps (no .o beside them): the post-fix graphs alone are compared.
    const post = tempDir('klp-post-')
    for (const tu of ['net/udp.c', 'lib/scale.c']) {
      const dump = `${tu}.000i.ipa-clones`
      execFileSync('mkdir', ['-p', join(post, tu, '..')])
      writeFileSync(join(post, dump), readFileSync(join(exact, 'post', dump)))
    }
    const args = [
      'analyze',
      '--diff',
      join(exact, 'fix.patch'),
      '--dumps',
      `x86_64=${join(exact, 'pre')}`,
      '--source',
      join(exact, 'pre'),
      '--livepatch',
      join(exact, 'predicted.list')
    ]
    const predicted = run([...args, '--format', 'json'])
    expect(predicted.code).toBe(0)
    expect((JSON.parse(predicted.stdout) as Report).exact).toBeUndefined()
    const r = run([...args, '--post-dumps', `x86_64=${post}`])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('exact: post-fix dumps of 2 TUs compared')
    expect(r.stdout).toContain('udp4_lib_lookup2')
    expect(r.stdout).toContain('udp4_lib_lookup2 MISSING')
    const half = run([...args, '--objects-pre', join(exact, 'pre')])
    expect(half.code).toBe(2)
    expect(half.stderr).toContain('--objects-pre needs --objects-post too')
  })
})

describe('klp-affected analyze: dumps of other source than the tree (fixtures/gcc/stale)', () => {
  // earlier/lib/chain.c and its own dump match; lib/chain.c.000i.ipa-clones was built from it too,
  // so beside lib/chain.c (two lines shorter above every function) it is another build's dump.
  const stale = join(root, 'fixtures/gcc/stale')
  const dumpOf = (from: string): string => {
    const dir = tempDir('klp-stale-')
    execFileSync('mkdir', ['-p', join(dir, 'lib')])
    writeFileSync(join(dir, 'lib/chain.c.000i.ipa-clones'), readFileSync(join(stale, from)))
    return dir
  }
  // A fix that adds a line to a(): b and c sit one line lower in the fixed source.
  const fix = (text: string): string => {
    const line = text.split('\n').findIndex(l => l.includes('g(x) + 1')) + 1
    return `--- a/lib/chain.c\n+++ b/lib/chain.c\n@@ -${line} +${line},2 @@\n-\treturn g(x) + 1;\n+\tint y = g(x);\n+\treturn y + 1;\n`
  }
  const analyze = (source: string, dumps: string, post?: string): Report => {
    const dir = tempDir('klp-stale-fix-')
    const patch = join(dir, 'fix.patch')
    writeFileSync(patch, fix(readFileSync(join(source, 'lib/chain.c'), 'utf8')))
    const args = ['analyze', '--diff', patch, '--dumps', `x86_64=${dumps}`, '--source', source]
    const r = run([
      ...args,
      ...(post ? ['--post-dumps', `x86_64=${post}`] : []),
      '--format',
      'json'
    ])
    return JSON.parse(r.stdout) as Report
  }
  const staleOf = (r: Report): string[] =>
    r.findings.filter(f => f.kind === 'dump-stale').map(f => `${f.severity}: ${f.message}`)

  it('is unresolved when the base dumps were built from other source', () => {
    const r = analyze(stale, dumpOf('lib/chain.c.000i.ipa-clones'))
    expect(staleOf(r)).toEqual([
      expect.stringMatching(
        /^unresolved: lib\/chain\.c's dump in set x86_64 \(the base build\) places a at line 7/
      )
    ])
    expect(r.result).toBe('fail')
  })

  it('checks a changed .c whose change is in no function (a global added)', () => {
    const global = (source: string): Report => {
      const text = readFileSync(join(source, 'lib/chain.c'), 'utf8')
      const line = text.split('\n').indexOf('extern int g(int);') + 1
      const dir = tempDir('klp-stale-global-')
      const patch = join(dir, 'fix.patch')
      writeFileSync(
        patch,
        `--- a/lib/chain.c\n+++ b/lib/chain.c\n@@ -${line} +${line},2 @@\n extern int g(int);\n+int counter = 3;\n`
      )
      const dumps = dumpOf('lib/chain.c.000i.ipa-clones')
      const r = run(['analyze', '--diff', patch, '--dumps', dumps, '--source', source])
      expect(r.stderr).toBe('')
      return JSON.parse(
        run(['analyze', '--diff', patch, '--dumps', dumps, '--source', source, '--format', 'json'])
          .stdout
      ) as Report
    }
    expect(staleOf(global(join(stale, 'earlier')))).toEqual([])
    expect(staleOf(global(stale))).toHaveLength(1)
  })

  it('says nothing when they match, and names a patched build that lacks the fix', () => {
    const earlier = join(stale, 'earlier')
    const base = dumpOf('earlier/lib/chain.c.000i.ipa-clones')
    expect(staleOf(analyze(earlier, base))).toEqual([])
    // The "patched build" is the base build again: b's line did not move with the fix.
    expect(staleOf(analyze(earlier, base, base))).toEqual([
      expect.stringMatching(/\(the patched build\) places b at line 12 \(the source: lines 13-14\)/)
    ])
  })
})

describe('klp-affected analyze: a static inlined into its only caller gains a call', () => {
  it('puts that caller up for review (fixtures/gcc/called-once)', () => {
    const once = join(root, 'fixtures/gcc/called-once')
    const r = run([
      'analyze',
      '--diff',
      join(once, 'fix.patch'),
      '--dumps',
      once,
      '--source',
      once,
      '--format',
      'json'
    ])
    const report = JSON.parse(r.stdout) as Report
    expect(report.affected.map(a => `${a.tier}:${a.name}`)).toEqual(['review:udp4_lib_lookup2'])
  })
})
