import { compareObjects } from '../../../src/core/objects/compare.js'
import { isLineOperand } from '../../../src/core/objects/explain.js'
import { ripTail } from '../../../src/core/objects/reloc.js'
import type {
  ElfObject,
  ElfReloc,
  ElfSection,
  ElfSymbol
} from '../../../src/core/objects/elf-text.js'
import { normaliseName } from '../../../src/core/objects/names.js'

interface Fn {
  name: string
  bytes: number[]
  section?: string
  type?: string
  bind?: string
}

/** An object with the given symbols, each in its own section unless they name a shared one. */
function object(fns: Fn[], relocs: Array<{ in: string; reloc: ElfReloc }> = []): ElfObject {
  const sections: ElfSection[] = [
    { index: 0, name: '', type: 'NULL', offset: 0, size: 0, entsize: 0, flags: '', info: 0 }
  ]
  const symbols: ElfSymbol[] = [
    { index: 0, value: 0, size: 0, type: 'NOTYPE', bind: 'LOCAL', shndx: 'UND', name: '' }
  ]
  const fill = new Map<number, number[]>()
  for (const f of fns) {
    const type = f.type ?? 'FUNC'
    const name = f.section ?? (type === 'FUNC' ? `.text.${f.name}` : `.data.${f.name}`)
    let sec = sections.find(s => s.name === name)
    if (!sec) {
      sec = {
        index: sections.length,
        name,
        type: 'PROGBITS',
        offset: sections.length * 0x100,
        size: 0,
        entsize: 0,
        flags: type === 'FUNC' ? 'AX' : 'WA',
        info: 0
      }
      sections.push(sec)
      fill.set(sec.index, [])
    }
    const bytes = fill.get(sec.index) as number[]
    symbols.push({
      index: symbols.length,
      value: bytes.length,
      size: f.bytes.length,
      type,
      bind: f.bind ?? 'GLOBAL',
      shndx: sec.index,
      name: f.name
    })
    bytes.push(...f.bytes)
    sec.size = bytes.length
  }
  for (const [i, b] of fill) sections[i].bytes = Uint8Array.from(b)
  const map = new Map<number, ElfReloc[]>()
  for (const r of relocs) {
    const sec = sections.find(s => s.name === r.in) as ElfSection
    map.set(sec.index, [...(map.get(sec.index) ?? []), r.reloc])
  }
  return { sections, symbols, relocs: map }
}

const never = (): boolean => false

describe('compareObjects (synthetic objects)', () => {
  it('follows a call inside a shared section to the function it lands on', () => {
    // .init.text: a (5 bytes) then b; b calls a with `e8 rel32`. Post inserts c before a.
    const callA = (from: number, to: number): number[] => {
      const d = to - (from + 5)
      return [0xe8, d & 0xff, (d >> 8) & 0xff, (d >> 16) & 0xff, (d >> 24) & 0xff]
    }
    const pre = object([
      { name: 'a', bytes: [0x90, 0x90, 0x90, 0x90, 0xc3], section: '.init.text' },
      { name: 'b', bytes: [...callA(5, 0), 0xc3], section: '.init.text' }
    ])
    const post = object([
      { name: 'c', bytes: [0xc3, 0xcc, 0xcc, 0xcc], section: '.init.text' },
      { name: 'a', bytes: [0x90, 0x90, 0x90, 0x90, 0xc3], section: '.init.text' },
      { name: 'b', bytes: [...callA(9, 4), 0xc3], section: '.init.text' }
    ])
    const c = compareObjects('x.c', pre, post, never)
    expect(c.symbols.map(s => `${s.name} ${s.verdict}`)).toEqual([
      'a unchanged',
      'b unchanged',
      'c added'
    ])
  })

  it('follows a short tail jump (jmp rel8) to a neighbour that moved', () => {
    // b: mov $1,%esi; jmp a (EB rel8), with a growing by 4 bytes before it.
    const pre = object([
      { name: 'a', bytes: [0x90, 0x90, 0xc3], section: '.sched.text' },
      { name: 'b', bytes: [0xbe, 1, 0, 0, 0, 0xeb, 0xf6], section: '.sched.text' }
    ])
    const post = object([
      { name: 'a', bytes: [0x90, 0x90, 0x90, 0x90, 0x90, 0x90, 0xc3], section: '.sched.text' },
      { name: 'b', bytes: [0xbe, 1, 0, 0, 0, 0xeb, 0xf2], section: '.sched.text' }
    ])
    expect(compareObjects('x.c', pre, post, never).symbols.find(s => s.name === 'b')?.verdict).toBe(
      'unchanged'
    )
  })

  it('calls it a change when the same bytes call another neighbour', () => {
    const pre = object([
      { name: 'settle', bytes: [0x90, 0xc3], section: '.sched.text' },
      { name: 'b', bytes: [0xe8, 0xf9, 0xff, 0xff, 0xff, 0xc3], section: '.sched.text' }
    ])
    const post = object([
      { name: 'settle_or_dead', bytes: [0x91, 0xc3], section: '.sched.text' },
      { name: 'b', bytes: [0xe8, 0xf9, 0xff, 0xff, 0xff, 0xc3], section: '.sched.text' }
    ])
    expect(compareObjects('x.c', pre, post, never).symbols.find(s => s.name === 'b')).toEqual({
      name: 'b',
      kind: 'function',
      bind: 'GLOBAL',
      verdict: 'changed',
      detail: 'calls settle_or_dead instead of settle at +0x0'
    })
  })

  it('calls it a change when the call lands on another function', () => {
    const pre = object([
      { name: 'a', bytes: [0xc3], section: '.init.text' },
      { name: 'z', bytes: [0xc3], section: '.init.text' },
      { name: 'b', bytes: [0xe8, 0xfb, 0xff, 0xff, 0xff], section: '.init.text' }
    ])
    const post = object([
      { name: 'a', bytes: [0xc3], section: '.init.text' },
      { name: 'z', bytes: [0xc3], section: '.init.text' },
      { name: 'b', bytes: [0xe8, 0xfa, 0xff, 0xff, 0xff], section: '.init.text' }
    ])
    expect(compareObjects('x.c', pre, post, never).symbols.find(s => s.name === 'b')).toEqual({
      name: 'b',
      kind: 'function',
      bind: 'GLOBAL',
      verdict: 'changed',
      detail: 'bytes differ at +0x1'
    })
  })

  it('says what a static made global or a global made static does to the link', () => {
    const at = (bind: string) =>
      object([{ name: 'tboot_noforce', bytes: [0, 0, 0, 0], type: 'OBJECT', bind }])
    const made = compareObjects('iommu.c', at('LOCAL'), at('GLOBAL'), never)
    expect(made.findings.map(f => f.message)).toEqual([
      'iommu.o: data object tboot_noforce is GLOBAL in the patched build (static before): other files can reach it by name, while the running kernel has it as a local symbol (a livepatch reaches that only through a klp relocation), and it may override a __weak definition at the next link; no function replacement carries that'
    ])
    const hidden = compareObjects('iommu.c', at('GLOBAL'), at('LOCAL'), never)
    expect(hidden.findings[0].message).toContain('is static in the patched build (GLOBAL before)')
    expect(compareObjects('iommu.c', at('LOCAL'), at('LOCAL'), never).findings).toEqual([])
  })

  it('fails closed when all code shares .text and differs', () => {
    const pre = object([
      { name: 'a', bytes: [0x31, 0xc0, 0xc3], section: '.text' },
      { name: 'b', bytes: [0xc3], section: '.text' }
    ])
    const post = object([
      { name: 'a', bytes: [0x31, 0xd2, 0xc3], section: '.text' },
      { name: 'b', bytes: [0xc3], section: '.text' }
    ])
    const c = compareObjects('lib/x.c', pre, post, never)
    expect(c.findings).toEqual([
      expect.objectContaining({
        kind: 'object-compare',
        severity: 'unresolved',
        file: 'lib/x.o',
        functions: ['a']
      })
    ])
    // Identical .text needs no human.
    expect(compareObjects('lib/x.c', pre, pre, never).findings).toEqual([])
  })

  it('fails closed on shared .text even when a .cold part sits in .text.unlikely', () => {
    const cold = { name: 'a.cold', bytes: [0x0f, 0x0b], section: '.text.unlikely' }
    const pre = object([
      { name: 'a', bytes: [0x31, 0xc0, 0xc3], section: '.text' },
      { name: 'b', bytes: [0xc3], section: '.text' },
      cold
    ])
    const post = object([
      { name: 'a', bytes: [0x31, 0xd2, 0xc3], section: '.text' },
      { name: 'b', bytes: [0xc3], section: '.text' },
      cold
    ])
    expect(compareObjects('lib/x.c', pre, post, never).findings).toEqual([
      expect.objectContaining({ kind: 'object-compare', severity: 'unresolved' })
    ])
  })

  it('pairs numbered locals by content, not by their number', () => {
    const pre = object([
      { name: '__func__.1', bytes: [0x61, 0], type: 'OBJECT' },
      { name: '__func__.2', bytes: [0x62, 0], type: 'OBJECT' }
    ])
    const post = object([
      { name: '__func__.1', bytes: [0x7a, 0], type: 'OBJECT' },
      { name: '__func__.2', bytes: [0x61, 0], type: 'OBJECT' },
      { name: '__func__.3', bytes: [0x62, 0], type: 'OBJECT' }
    ])
    const c = compareObjects('x.c', pre, post, never)
    expect(c.symbols.map(s => `${s.name} ${s.verdict}`).sort()).toEqual([
      '__func__.1 added',
      '__func__.2 unchanged',
      '__func__.3 unchanged'
    ])
  })

  it('reads the 18-bit line field of a dynamic debug descriptor', () => {
    // struct _ddebug's `lineno:18`, then `class_id:6` (here 1: bit 18) and `flags:8`.
    const desc = (line: number): number[] => [0, 0, 0, 0, line & 0xff, line >> 8, 0x04, 0x80]
    const c = compareObjects(
      'x.c',
      object([
        { name: '__UNIQUE_ID_ddebug12', bytes: desc(700), type: 'OBJECT', section: '__dyndbg' }
      ]),
      object([
        { name: '__UNIQUE_ID_ddebug15', bytes: desc(703), type: 'OBJECT', section: '__dyndbg' }
      ]),
      (a, b) => a < 100_000 && b === a + 3
    )
    expect(c.symbols).toEqual([
      {
        name: '__UNIQUE_ID_ddebug15',
        kind: 'data',
        bind: 'GLOBAL',
        dataClass: 'call-site',
        verdict: 'line-only',
        detail: 'line numbers only: line 700→703 at +0x4'
      }
    ])
  })
})

describe('normaliseName', () => {
  it.each([
    ['__already_done.12', '__already_done.N'],
    ['__UNIQUE_ID_ddebug342', '__UNIQUE_ID_ddebugN'],
    // The counter is pasted last, after a prefix that may end in or hold digits.
    ['__UNIQUE_ID_dma_64bit412', '__UNIQUE_ID_dma_64bitN'],
    [
      '__UNIQUE_ID___addressable_quirk_dma_func0_alias517',
      '__UNIQUE_ID___addressable_quirk_dma_func0_aliasN'
    ],
    ['.LC12', '.LCN'],
    ['foo.constprop.0', 'foo.constprop.0'],
    ['foo.isra.0.cold', 'foo.isra.0.cold'],
    ['.rodata.str1.1', '.rodata.str1.N'],
    ['udp_lib_hash', 'udp_lib_hash']
  ])('%s → %s', (name, want) => {
    expect(normaliseName(name)).toBe(want)
  })
})

describe('isLineOperand', () => {
  const at = (prefix: number[]): boolean =>
    isLineOperand(
      Uint8Array.from([0x90, 0x90, ...prefix, 0x1a, 0x02, 0, 0, 0xc3]),
      2 + prefix.length
    )
  it.each([
    ['mov $imm,%edx', [0xba], true],
    ['mov $imm,%r8d', [0x41, 0xb8], true],
    ['mov $imm,%ecx (C7 /0)', [0xc7, 0xc1], true],
    ['movl $imm,0x8(%rsp)', [0xc7, 0x44, 0x24, 0x08], true],
    ['movq $imm,(%rsp)', [0x48, 0xc7, 0x04, 0x24], true],
    ['movl $imm,0x100(%rbx)', [0xc7, 0x83, 0x00, 0x01, 0x00, 0x00], true],
    ['push $imm (a seventh argument)', [0x68], true],
    ['cmp $imm,%edi', [0x81, 0xff], false],
    ['movsbl (0F BE)', [0x0f, 0xbe], false],
    ['C7 /1 (not mov)', [0xc7, 0xc9], false],
    ['a jcc opcode', [0x74], false]
  ])('%s: %s', (_, prefix, want) => {
    expect(at(prefix)).toBe(want)
  })
})

describe('ripTail', () => {
  const tail = (prefix: number[]): number =>
    ripTail(Uint8Array.from([0x90, ...prefix, 0, 0, 0, 0, 0, 0, 0, 0]), 1 + prefix.length)
  it.each([
    ['mov x(%rip),%eax', [0x8b, 0x05], 4],
    ['cmpb $0,x(%rip)', [0x80, 0x3d], 5],
    ['cmpl $0,x(%rip) (imm8)', [0x83, 0x3d], 5],
    ['movl $1,x(%rip)', [0xc7, 0x05], 8],
    ['movw $1,x(%rip)', [0x66, 0xc7, 0x05], 6],
    ['movq $1,x(%rip)', [0x48, 0xc7, 0x05], 8],
    ['testb $1,x(%rip)', [0xf6, 0x05], 5],
    ['notl x(%rip) (F7 /2)', [0xf7, 0x15], 4],
    ['btl $3,x(%rip)', [0x0f, 0xba, 0x25], 5],
    ['lea x(%rip),%rdi', [0x48, 0x8d, 0x3d], 4]
  ])('%s: %i', (_, prefix, want) => {
    expect(tail(prefix)).toBe(want)
  })
})
