import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { OBJECT_CASES, compareCase, hasTool, verdicts } from './object-fixtures.js'

const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))
const SCRIPT = resolve(TEST_DIR, '../../../scripts/regen-gcc-fixtures.sh')

const withReadelf = hasTool('readelf') ? describe : describe.skip

/** What each fix does to the machine code, as GCC 12 built the committed objects. */
const EXPECTED: Record<string, Record<string, string>> = {
  'inline-stop': {
    'function compute_score': 'added',
    'function lookup1': 'added',
    'function lookup2': 'changed'
  },
  'section-move': { 'function idle_enter': 'changed', 'function register_idle': 'unchanged' },
  'isra-signature': {
    'function dev_score': 'changed',
    'function get_weight.constprop.0.isra.0': 'changed'
  },
  'constprop-constant': {
    'function scale.constprop.0': 'changed',
    'function scaled': 'unchanged',
    'function scaled_twice': 'unchanged'
  },
  'line-shift': {
    'function first': 'changed',
    'function second': 'line-only',
    'function third': 'line-only'
  },
  // Each constant changes by the fix's line delta and sits where a shifted line would (a cmp's
  // operand, a jcc opcode with its displacement, a mov of a value that is a directive's line, a
  // static's initializer): values, not __LINE__s.
  'constant-not-line': {
    'function check_len': 'changed',
    'function dev_open': 'changed',
    'function queue_max': 'changed',
    'function warn_rx': 'changed',
    'data rs.0': 'changed'
  },
  // Statics of one name, told apart by the function using each (not by content): two swapped
  // values change both functions, and warn_rx's new limit equals warn_tx's old one.
  'static-owners': {
    'function tick_a': 'changed',
    'function tick_b': 'changed',
    'function warn_rx': 'changed',
    'function warn_tx': 'unchanged',
    'data _rs.0': 'unchanged',
    'data _rs.1': 'changed',
    'data rs.2': 'changed',
    'data rs.3': 'changed'
  },
  // What a reference reads, compared by content: a NUL-holding string in .rodata (by offset
  // before), a u"" literal, a literal past 4 KB; probe_v2's string only moved.
  'anonymous-rodata': {
    'function long_msg': 'changed',
    'function probe_v1': 'changed',
    'function probe_v2': 'unchanged',
    'function sb_name': 'changed'
  },
  // Bytes the same, entries of the tables beside them not: each *_same function keeps its own.
  'special-tables': {
    'function get_user_int': 'changed',
    'function get_user_same': 'unchanged',
    'function read_counter': 'changed',
    'function read_same': 'unchanged',
    'function work': 'changed',
    'function work_same': 'unchanged',
    'data debug_key': 'unchanged',
    'data tracing_key': 'unchanged'
  },
  // settle replaced by a helper of its size at its place: device_sync's bytes are the same.
  'shared-section': {
    'function device_sync': 'changed',
    'function settle': 'removed',
    'function settle_or_dead': 'added',
    'function wait_bit': 'unchanged',
    'function wait_idle': 'unchanged',
    'function wait_ready': 'unchanged'
  },
  // A relocated tail call in a shared section is no branch to the neighbour the fix renamed.
  'shared-tail': {
    'function early_nid': 'unchanged',
    'function reserve_range': 'added',
    'function reserve_region': 'removed'
  },
  'string-literal': { 'function hello': 'changed', 'function bye': 'unchanged' },
  // Both functions are edited, yet only the lines the fix moves differ (exact/line-only.ts).
  'edited-line-only': { 'function add_disk': 'line-only', 'function get_info': 'line-only' },
  // `.cold` parts fold into their parent: no entry of their own.
  'cold-part': {
    'function attach': 'changed',
    'function detach': 'unchanged',
    'function probe': 'changed'
  },
  // Function-local statics fold into their users; other data keeps its verdict and says its kind.
  'data-kinds': {
    'function limit_get': 'unchanged',
    'function poll': 'changed',
    'function quirks_init': 'changed',
    'function reset': 'unchanged',
    'function warn_once': 'added',
    'data __UNIQUE_ID___addressable_poll7': 'unchanged',
    'data __UNIQUE_ID_description12': 'changed',
    // reset's flag keeps its number; warn_once's new one is .3 (each by the function using it).
    'data __already_done.2': 'unchanged',
    'data __already_done.3': 'added',
    'data __func__.0': 'unchanged',
    'data __kstrtab_limit_get': 'added',
    'data __ksymtab_limit_get': 'added',
    'data _rs.1': 'changed',
    'data limit': 'changed',
    'data quirk_ids': 'changed'
  },
  'data-init': {
    'function get_limit': 'unchanged',
    'data limit': 'changed',
    'data other': 'unchanged',
    'data table': 'changed',
    'data zeroed': 'changed'
  },
  // Labels a top-level asm() defines, without a symbol type: x86_64's initcall entries (paired
  // without the counter and line in their names: base_init's moved) and a thunk (a finding).
  'asm-labels': {
    'function base_init': 'unchanged',
    'function quirk_init': 'added',
    'function use_thunk': 'unchanged',
    'data __initcall__kmod_quirks__11_24_quirk_init6': 'added',
    'data quirk_state': 'unchanged'
  },
  // What a top-level asm() writes with no label at all: a table entry no symbol holds, and a
  // thunk read_state calls (so read_state runs other code: its bytes are its own); and a
  // constructor's pointer in .init_array.
  'asm-unowned': {
    'function base_fixup': 'unchanged',
    'function fixup_ctor': 'added',
    'function read_state': 'changed',
    'data fixup_state': 'unchanged'
  },
  // Typed but unsized symbols (labels), a .set value, the code of static_cpu_has's test and of
  // an exception fixup: scaled runs another test (its .altinstr_aux bytes), read_first's .fixup
  // stub only moves with its own change.
  'asm-sizeless': {
    'function read_first': 'changed',
    'function read_second': 'unchanged',
    'function scaled': 'changed',
    'data counter': 'unchanged',
    'data my_tbl': 'changed'
  },
  // What the link resolves by name: a definition turned weak; a static helper dropped for
  // another file's, which the ops table now names.
  rebind: {
    'function arch_foo': 'unchanged',
    'function helper': 'removed',
    'data my_ops': 'changed'
  },
  // Initializers rewritten through macros that give the same values (exact/settle.ts).
  'data-same': {
    'function mask_of': 'unchanged',
    'data masks': 'unchanged',
    'data level': 'unchanged'
  }
}

/** Cases whose comparison has findings of its own (each asserted below). */
const FINDINGS = new Set(['rebind', 'data-kinds', 'static-owners', 'constant-not-line'])

withReadelf('compareObjects on GCC-built object pairs', () => {
  it('has a verdict for every case folder', () => {
    expect(
      readdirSync(OBJECT_CASES)
        .filter(d => !d.endsWith('.sh'))
        .sort()
    ).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(Object.keys(EXPECTED))('%s', async name => {
    const c = await compareCase(name)
    if (!name.startsWith('asm-') && !FINDINGS.has(name)) expect(c.findings).toEqual([])
    expect(verdicts(c)).toEqual(EXPECTED[name])
  })

  it('says that code no function holds changed, and what an initcall label is', async () => {
    const c = await compareCase('asm-labels')
    expect(c.findings).toEqual([
      {
        kind: 'object-compare',
        severity: 'unresolved',
        file: 'quirks.o',
        message:
          'quirks.o: code at my_thunk in .text.thunks, a label without a symbol type (a top-level asm()), differs in the patched build: no function holds it, so no function replacement carries it'
      }
    ])
    expect(c.symbols.find(s => s.name.startsWith('__initcall'))).toMatchObject({
      dataClass: 'init-only',
      detail: 'a label without a symbol type, in .initcall6.init'
    })
  })

  it('compares the bytes no symbol holds: a table entry without a label, code after a .L label', async () => {
    const c = await compareCase('asm-unowned')
    // The PCI fixup header entry only moved (the new final entry is in another section): no word.
    expect(c.findings).toEqual([
      {
        kind: 'object-compare',
        severity: 'unresolved',
        file: 'fixup.o',
        message:
          'fixup.o: bytes that no symbol holds differ in .init_array (piece(s): 1 only after), .pci_fixup_final (piece(s): 1 only before, 1 only after), .text.thunks (piece(s): 1 only before, 1 only after): entries of a table the kernel walks by its bounds (a PCI fixup, a constructor) or code after an assembler-local label, which a top-level asm() or an attribute writes; no function or data object holds them, so no function replacement carries them'
      }
    ])
  })

  it('compares what holds no sized symbol: unsized labels, .set values, aux and fixup code', async () => {
    const c = await compareCase('asm-sizeless')
    expect(c.findings.map(f => f.message)).toEqual([
      'cpu.o: code at my_thunk in .text.thunks, a label without a size (a top-level asm()), differs in the patched build: no function holds it, so no function replacement carries it',
      'cpu.o: absolute symbol my_limit (a value a top-level asm() sets) is 0x2 in the patched build (0x1 before): code reading it gets it at link time, and no function replacement carries that'
    ])
    expect(c.symbols.find(s => s.name === 'scaled')?.detail).toMatch(
      /^references \.altinstr_aux:f605.*extern caps-2.* instead of \.altinstr_aux:f605.*extern caps-3/
    )
  })

  it("tells a definition turned weak, and another file's helper from this one's", async () => {
    const c = await compareCase('rebind')
    expect(c.findings.map(f => f.message)).toEqual([
      'arch.o: function arch_foo is WEAK in the patched build (GLOBAL before): which definition the link picks changes; no function replacement carries that'
    ])
    expect(c.symbols.find(s => s.name === 'my_ops')?.detail).toBe(
      'references extern helper instead of helper at +0x0'
    )
  })

  it('says that a ratelimit state the function keeps starts from another value', async () => {
    // kpatch and klp-build give the replaced poll the running kernel's _rs: its new interval
    // never takes effect (a hostile review's point). Each changed ratelimit of these cases.
    const c = await compareCase('data-kinds')
    expect(c.findings.map(f => [f.kind, f.severity, f.functions])).toEqual([
      ['global-change', 'unresolved', ['poll']]
    ])
    expect(c.findings[0].message).toContain(
      'the function-local static _rs.1 of poll starts from another value in the patched build'
    )
    const owners = async (name: string): Promise<string[][]> =>
      (await compareCase(name)).findings.map(f => f.functions ?? [])
    expect((await owners('static-owners')).sort()).toEqual([['tick_a'], ['tick_b'], ['warn_rx']])
    expect(await owners('constant-not-line')).toEqual([['warn_rx']])
    // A read-only table of a function (`CSWTCH`, `__func__`) is the function's own copy.
    expect((await compareCase('string-literal')).findings).toEqual([])
  })

  it('says what changed, in terms of the code', async () => {
    const byName = async (c: string, n: string): Promise<string | undefined> =>
      (await compareCase(c)).symbols.find(s => s.name === n)?.detail
    expect(await byName('section-move', 'idle_enter')).toBe(
      'moved from .text.idle_enter to .cpuidle.text'
    )
    expect(await byName('string-literal', 'hello')).toBe(
      'references "hello, wide world"-4 instead of "hello, world"-4 at +0x3'
    )
    expect(await byName('line-shift', 'second')).toMatch(/^line numbers only: line 32→34 at \+0x/)
    expect(await byName('line-shift', 'third')).toBe('line numbers only: WARN/BUG line 38→40')
    expect(await byName('data-init', 'zeroed')).toBe('now initialised')
    expect(await byName('data-kinds', 'poll')).toBe(
      'its static _rs.1 changed: bytes differ at +0x4'
    )
    expect(await byName('cold-part', 'probe')).toBe(
      'its cold part probe.cold changed: references "probe of device %d failed\\n"-4 instead of "probe %d failed\\n"-4 at +0x5'
    )
  })

  it('calls a line difference a change when the fix does not shift that line', async () => {
    // Same objects, but as if the fix had added no line: 32→34 is then a real difference.
    const { compareObjects } = await import('../../../src/core/objects/compare.js')
    const { readObject } = await import('../../../src/adapters/objects/readelf.js')
    const dir = join(OBJECT_CASES, 'line-shift')
    const c = compareObjects(
      'check.c',
      await readObject(join(dir, 'pre/check.o')),
      await readObject(join(dir, 'post/check.o')),
      () => false
    )
    expect(verdicts(c)['function second']).toBe('changed')
    expect(c.symbols.find(s => s.name === 'third')?.detail).toBe(
      'WARN/BUG at +0x4 reports line 40 instead of 38'
    )
  })
})

function gccMajor(): number | undefined {
  try {
    return Number(execFileSync('gcc', ['-dumpversion'], { encoding: 'utf8' }).trim().split('.')[0])
  } catch {
    return undefined
  }
}

// Other GCC versions take other inlining decisions: the verdicts are GCC 12's.
const live = gccMajor() === 12 && hasTool('readelf') ? it : it.skip

describe('object pairs compiled live', () => {
  live(
    'give the same verdicts as the committed objects',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'klp-objects-'))
      try {
        cpSync(OBJECT_CASES, join(dir, 'objects'), { recursive: true })
        execFileSync('bash', [SCRIPT, 'objects'], {
          env: { ...process.env, FIXTURES_DIR: dir },
          stdio: 'pipe'
        })
        for (const name of Object.keys(EXPECTED)) {
          expect([name, verdicts(await compareCase(name, join(dir, 'objects')))]).toEqual([
            name,
            EXPECTED[name]
          ])
        }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    60_000
  )
})
