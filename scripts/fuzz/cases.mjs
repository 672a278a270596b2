// Targets and mutations of the fuzz harness. Every case starts from the route-flow-key example
// and a livepatch that declares every function the fix requires but one, reached only through the
// dump's clone chain: the clean run fails on that one, so a damaged input that loses the chain
// and passes without a finding is a silent pass. Seeds are the damage classes of issue 12; random
// mutations follow them.
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { zipSync } from 'fflate'

export const DUMP = 'net/ipv4/route.c.000i.ipa-clones'

const REQUIRED = [
  '__build_flow_key',
  '__build_flow_key.constprop.0',
  '__ipv4_sk_update_pmtu',
  'ip_do_redirect',
  'ipv4_update_pmtu',
  'ipv4_redirect',
  'ip_rt_update_pmtu',
  'ipv4_sk_update_pmtu'
]
/** Reached only through `__build_flow_key.constprop.0` being inlined into it. */
const LEFT_OUT = 'ipv4_sk_redirect'

function klpC(names, { before = '', objName = '' } = {}) {
  const entries = names
    .map(n => `\t{ .old_name = "${n}", .new_func = lp_${n.replace(/\./g, '_')}, },\n`)
    .join('')
  return (
    '#include <linux/livepatch.h>\n' +
    `static struct klp_func funcs[] = {\n${before}${entries}\t{ }\n};\n` +
    `static struct klp_object objs[] = {\n\t{ ${objName}.funcs = funcs, }, { }\n};\n` +
    'static struct klp_patch patch = { .mod = THIS_MODULE, .objs = objs };\n'
  )
}

/** The base inputs, written once per worker directory. */
export function writeBase(example, dir) {
  const base = {
    dump: readFileSync(join(example, 'dumps', DUMP), 'utf8'),
    diff: readFileSync(join(example, 'fix.patch'), 'utf8'),
    source: join(example, 'src'),
    dumps: join(example, 'dumps'),
    // Passes: every required function declared.
    complete: klpC([...REQUIRED, LEFT_OUT]),
    // Fails on LEFT_OUT alone.
    partial: klpC(REQUIRED)
  }
  mkdirSync(dir, { recursive: true })
  return base
}

/** A fresh copy of the example's dumps folder under `dir/dumps`, with `dump` as the dump's text. */
function dumpsDir(base, dir, dump = base.dump) {
  const d = join(dir, 'dumps')
  rmSync(d, { recursive: true, force: true })
  cpSync(base.dumps, d, { recursive: true })
  writeFileSync(join(d, DUMP), dump)
  return d
}

function argv(base, dir, { dumps, diff = base.diff, livepatch = base.partial, lpName = 'lp.c' }) {
  const diffPath = join(dir, 'fix.patch')
  writeFileSync(diffPath, diff)
  const lp = join(dir, lpName)
  if (typeof livepatch === 'string') {
    rmSync(lp, { force: true })
    writeFileSync(lp, livepatch)
  }
  return [
    'analyze',
    '--diff',
    diffPath,
    '--dumps',
    `x86_64=${dumps}`,
    '--source',
    base.source,
    '--livepatch',
    lp,
    '--json',
    join(dir, 'report.json')
  ]
}

// ---- random mutations -------------------------------------------------------------------------

const pick = (rng, a) => a[Math.floor(rng() * a.length)]
const int = (rng, n) => Math.floor(rng() * n)

const NASTY = [
  '\u001b]52;c;ZWNobyBwd25lZA==\u0007',
  '\u001b[2J',
  '\r',
  '\u0000',
  '\ufffd',
  '\u202e',
  ';',
  ';;;;',
  '*',
  '@octocat $x$ #1',
  '999999999999999999999',
  '-1',
  '\\ No newline at end of file\n',
  'x'.repeat(5000)
]

/**
 * Text mutations that keep every line's place: a deleted line or a dump cut at a line boundary is
 * indistinguishable from a dump that never had the line (GCC writes no end marker), so neither
 * is generated; everything else must be caught or harmless.
 */
export function mutateText(rng, text, { lines = true } = {}) {
  const all = text.split('\n')
  const n = all.length - 1
  const i = int(rng, n)
  const line = all[i]
  switch (int(rng, 9)) {
    case 0: {
      const at = int(rng, line.length + 1)
      all[i] = line.slice(0, at) + pick(rng, NASTY) + line.slice(at)
      break
    }
    case 1: {
      const at = int(rng, line.length)
      const c = line.charCodeAt(at) ^ (1 << int(rng, 7))
      all[i] = line.slice(0, at) + String.fromCharCode(c || 1) + line.slice(at + 1)
      break
    }
    case 2: {
      if (!lines) return mutateText(rng, text, { lines })
      const j = int(rng, n)
      ;[all[i], all[j]] = [all[j], all[i]]
      break
    }
    case 3:
      if (!lines) return mutateText(rng, text, { lines })
      all.splice(int(rng, n), 0, line)
      break
    case 4: {
      const f = line.split(';')
      const k = int(rng, f.length)
      f[k] = f[k].length > 0 ? f[k].slice(0, -1) : 'x'
      all[i] = f.join(';')
      break
    }
    case 5:
      // A cut inside a line: the last line is incomplete.
      return all.slice(0, i).join('\n') + '\n' + line.slice(0, Math.max(1, int(rng, line.length)))
    case 6:
      all[i] = line.replace(/\d+/, d => String(Number(d) + 1 + int(rng, 5)))
      break
    case 7:
      all[i] = line.replace(/[a-z_]+/, w => w + pick(rng, ['x', '.constprop.0', '.isra.0', '_']))
      break
    default:
      all[i] = line + pick(rng, NASTY)
  }
  return all.join('\n')
}

export function mutateBytes(rng, buf) {
  const b = Buffer.from(buf)
  switch (int(rng, 4)) {
    case 0:
      for (let k = 0; k < 1 + int(rng, 4); k++) b[int(rng, b.length)] ^= 1 << int(rng, 8)
      return b
    case 1:
      return b.subarray(0, int(rng, b.length))
    case 2: {
      const at = int(rng, b.length)
      return Buffer.concat([
        b.subarray(0, at),
        Buffer.from([int(rng, 256), int(rng, 256)]),
        b.subarray(at)
      ])
    }
    default: {
      const at = int(rng, b.length)
      return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + int(rng, 16))])
    }
  }
}

// ---- archives ---------------------------------------------------------------------------------

function packTar(dir, src, kind) {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: src, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort()
  // The dump first, so a cut at an entry boundary keeps it and the set stays analysable.
  files.sort((a, b) => Number(b.endsWith('ipa-clones')) - Number(a.endsWith('ipa-clones')))
  const tar = execFileSync('tar', ['-cf', '-', '--format=gnu', ...files], {
    cwd: src,
    maxBuffer: 1 << 28
  })
  return compress(tar, kind)
}

function compress(tar, kind) {
  if (kind === 'tar') return tar
  if (kind === 'tar.gz') return gzipSync(tar)
  return execFileSync('xz', ['-0', '-c', '-T1'], { input: tar, maxBuffer: 1 << 28 })
}

function packZip(src) {
  const files = execFileSync('find', ['.', '-type', 'f'], { cwd: src, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort()
  const z = {}
  for (const f of files) z[f.slice(2)] = new Uint8Array(readFileSync(join(src, f)))
  return Buffer.from(zipSync(z))
}

/** Offsets where each tar entry starts and where the end-of-archive blocks start. */
function tarBoundaries(tar) {
  const out = []
  let at = 0
  while (at + 512 <= tar.length && tar[at] !== 0) {
    out.push(at)
    const size =
      parseInt(
        tar
          .toString('latin1', at + 124, at + 136)
          .replace(/\0.*$/, '')
          .trim(),
        8
      ) || 0
    at += 512 + Math.ceil(size / 512) * 512
  }
  return out
}

// ---- targets ----------------------------------------------------------------------------------

/**
 * A case: `argv` for the CLI and what must hold. `seed` cases name what the damage must produce
 * (an input error, or a finding of one of `kinds`); random ones must not pass silently.
 */
export const TARGETS = {
  dump: {
    seeds: [
      [
        'lines reordered (use before definition)',
        (base, dir) => {
          const lines = base.dump.split('\n')
          const at = lines.findIndex(l =>
            /;__build_flow_key\.constprop\.0;\d+;[^;]*;\d+;\d+;constprop/.test(l)
          )
          const moved = [...lines.slice(0, at), ...lines.slice(at + 1, -1), lines[at], '']
          return { dumps: dumpsDir(base, dir, moved.join('\n')), kinds: ['dump-malformed-line'] }
        }
      ],
      [
        'invalid UTF-8 in a file field',
        (base, dir) => {
          const bytes = Buffer.from(base.dump)
          const at = bytes.indexOf('net/ipv4/route.c;1230')
          bytes[at + 4] = 0xff
          const d = dumpsDir(base, dir)
          writeFileSync(join(d, DUMP), bytes)
          return { dumps: d, kinds: ['dump-malformed-line'] }
        }
      ],
      [
        'one order naming two symbols',
        (base, dir) => {
          const dump = base.dump.replace(';ipv4_sk_redirect;7144;', ';ipv4_sk_redirecx;7144;')
          return { dumps: dumpsDir(base, dir, dump), kinds: ['dump-malformed-line'] }
        }
      ],
      [
        'control sequences in a symbol name',
        (base, dir) => {
          const dump = base.dump.replace(/;ip_rt_put;/g, ';ip_rt\u001b]52;c;cHduZWQ=\u0007_put;')
          return { dumps: dumpsDir(base, dir, dump), kinds: [] }
        }
      ]
    ],
    random: (base, dir, rng) => ({ dumps: dumpsDir(base, dir, mutateText(rng, base.dump)) })
  },
  dir: {
    seeds: [
      [
        'a FIFO at the dump path',
        (base, dir) => {
          const d = dumpsDir(base, dir)
          rmSync(join(d, DUMP))
          writeFileSync(join(d, 'net/ipv4/other.c.000i.ipa-clones'), '')
          execFileSync('mkfifo', [join(d, DUMP)])
          return { dumps: d, kinds: ['dump-unreadable'] }
        }
      ],
      [
        'a directory at the dump path',
        (base, dir) => {
          const d = dumpsDir(base, dir)
          writeFileSync(join(d, 'net/ipv4/other.c.000i.ipa-clones'), '')
          rmSync(join(d, DUMP))
          mkdirSync(join(d, DUMP))
          return { dumps: d, kinds: ['dump-unreadable'] }
        }
      ],
      [
        'a module in modules.order without its .mod',
        (base, dir) => {
          const d = dumpsDir(base, dir)
          rmSync(join(d, 'fs/efivarfs/efivarfs.mod'))
          return { dumps: d, kinds: ['module-objects-unknown'] }
        }
      ]
    ]
  },
  archive: {
    seeds: [
      ...['tar', 'tar.gz', 'tar.xz'].map(kind => [
        `a .${kind} cut at an entry boundary`,
        (base, dir) => {
          const tar = packTar(dir, dumpsDir(base, dir), 'tar')
          // Cut before the last .mod: the dump (first) survives, the set is still analysable.
          const starts = tarBoundaries(tar)
          const cut = tar.subarray(0, starts[starts.length - 1])
          const path = join(dir, `cut.${kind}`)
          writeFileSync(path, compress(cut, kind))
          return { dumps: path, kinds: ['dump-unreadable'] }
        }
      ]),
      [
        'a zip directory record with an empty name',
        (base, dir) => {
          const zip = packZip(dumpsDir(base, dir))
          const last = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]))
          zip.writeUInt16LE(zip.readUInt16LE(last + 28) + zip.readUInt16LE(last + 30), last + 30)
          zip.writeUInt16LE(0, last + 28)
          const path = join(dir, 'damaged.zip')
          writeFileSync(path, zip)
          return { dumps: path, kinds: ['dump-unreadable'] }
        }
      ],
      [
        'a .tar.xz with 160 MiB of zeros after its entries',
        (base, dir) => {
          const tar = packTar(dir, dumpsDir(base, dir), 'tar')
          const path = join(dir, 'zeros.tar.xz')
          writeFileSync(path, compress(Buffer.concat([tar, Buffer.alloc(160 << 20)]), 'tar.xz'))
          return { dumps: path, kinds: [], inputError: true }
        }
      ]
    ],
    random: (base, dir, rng) => {
      const kind = pick(rng, ['tar', 'tar.gz', 'tar.xz', 'zip'])
      const src = dumpsDir(base, dir)
      const bytes = kind === 'zip' ? packZip(src) : packTar(dir, src, kind)
      const path = join(dir, `fuzz.${kind}`)
      writeFileSync(path, mutateBytes(rng, bytes))
      return { dumps: path }
    }
  },
  diff: {
    seeds: [
      [
        '"\\ No newline" as a hunk\'s first line',
        (base, dir) => ({
          dumps: dumpsDir(base, dir),
          diff: base.diff.replace(
            /(@@ -528,7 \+528,7 @@[^\n]*\n)/,
            '$1\\ No newline at end of file\n'
          ),
          kinds: ['diff-unparsed', 'unmapped-hunk', 'source-mismatch'],
          inputError: true
        })
      ]
    ],
    random: (base, dir, rng) => ({ dumps: dumpsDir(base, dir), diff: mutateText(rng, base.diff) })
  },
  livepatch: {
    seeds: [
      [
        'an all-zero entry in the middle of klp_func[]',
        (base, dir) => ({
          dumps: dumpsDir(base, dir),
          livepatch: base.complete.replace(
            '\t{ .old_name = "ipv4_update_pmtu"',
            '\t{ },\n\t{ .old_name = "ipv4_update_pmtu"'
          ),
          mustFail: true
        })
      ],
      [
        'entries under #ifdef CONFIG_ARM64, no .config',
        (base, dir) => ({
          dumps: dumpsDir(base, dir),
          livepatch: base.complete.replace(
            /(\t\{ \.old_name = "ipv4_sk_redirect".*\n)/,
            '#ifdef CONFIG_ARM64\n$1#endif\n'
          ),
          kinds: ['declaration-unparsed']
        })
      ],
      [
        'entries under #ifdef CONFIG_ARM64, an x86_64 .config',
        (base, dir) => {
          const dumps = dumpsDir(base, dir)
          writeFileSync(join(dumps, '.config'), 'CONFIG_X86_64=y\nCONFIG_LIVEPATCH=y\n')
          return {
            dumps,
            livepatch: base.complete.replace(
              /(\t\{ \.old_name = "ipv4_sk_redirect".*\n)/,
              '#ifdef CONFIG_ARM64\n$1#endif\n'
            ),
            mustFail: true
          }
        }
      ],
      [
        'klp_object.name "vmlinux"',
        (base, dir) => ({
          dumps: dumpsDir(base, dir),
          livepatch: base.complete.replace(
            '{ .funcs = funcs',
            '{ .name = "vmlinux", .funcs = funcs'
          ),
          mustFail: true
        })
      ],
      [
        'a symlink to .git/config',
        (base, dir) => {
          mkdirSync(join(dir, '.git'), { recursive: true })
          writeFileSync(
            join(dir, '.git/config'),
            `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`
          )
          rmSync(join(dir, 'lp.list'), { force: true })
          symlinkSync(join(dir, '.git/config'), join(dir, 'lp.list'))
          return {
            dumps: dumpsDir(base, dir),
            livepatch: null,
            lpName: 'lp.list',
            inputError: true
          }
        }
      ],
      [
        'a token file given as a declaration list',
        (base, dir) => ({
          dumps: dumpsDir(base, dir),
          livepatch: `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`,
          lpName: 'lp.list',
          kinds: ['declaration-unparsed']
        })
      ]
    ],
    random: (base, dir, rng) => ({
      dumps: dumpsDir(base, dir),
      livepatch: mutateText(rng, base.partial)
    })
  }
}

/** Must never appear in any output. */
export const SECRET = 'Z2hzX2Z1enpzZWNyZXR0b2tlbjEyMzQ1Ng=='

export { argv }
