import { parsePatch } from '../../../src/core/diff/patch.js'
import { parseHexDump, parseReadelf, sectionsToDump } from '../../../src/core/objects/elf-text.js'
import { lineShiftTest } from '../../../src/core/objects/line-shift-test.js'
import { relocTarget } from '../../../src/core/objects/reloc.js'

// Cut from `readelf -W -S -s -r` of a kernel object (net/ipv4/udp.o, 6.1 with -ffunction-sections).
const READELF = `There are 6 section headers, starting at offset 0x19110:

Section Headers:
  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al
  [ 0]                   NULL            0000000000000000 000000 000000 00      0   0  0
  [ 1] .text             PROGBITS        0000000000000000 000040 000000 00  AX  0   0  1
  [ 2] .text.udp_lib_hash PROGBITS        0000000000000000 000040 000010 00  AX  0   0 16
  [ 3] .rela.text.udp_lib_hash RELA            0000000000000000 000308 000030 18   I  5   2  8
  [ 4] .rodata.str1.1    PROGBITS        0000000000000000 000350 000008 01 AMS  0   0  1
  [ 5] .symtab           SYMTAB          0000000000000000 000400 000078 18      6   3  8
Key to Flags:
  W (write), A (alloc), X (execute), M (merge), S (strings), I (info),

Relocation section '.rela.text.udp_lib_hash' at offset 0x308 contains 2 entries:
    Offset             Info             Type               Symbol's Value  Symbol's Name + Addend
0000000000000003  0000000200000002 R_X86_64_PC32          0000000000000000 .rodata.str1.1 - 1
000000000000000a  0000000300000004 R_X86_64_PLT32         0000000000000000 __warn_printk - 4

Symbol table '.symtab' contains 4 entries:
   Num:    Value          Size Type    Bind   Vis      Ndx Name
     0: 0000000000000000     0 NOTYPE  LOCAL  DEFAULT  UND 
     1: 0000000000000000    16 FUNC    LOCAL  DEFAULT    2 udp_lib_hash
     2: 0000000000000000     0 SECTION LOCAL  DEFAULT    4 .rodata.str1.1
     3: 0000000000000000     0 NOTYPE  GLOBAL DEFAULT  UND __warn_printk
`

const HEX = `
Hex dump of section '.text.udp_lib_hash':
 NOTE: This section has relocations against it, but these have NOT been applied to this dump.
  0x00000000 48c7c700 000000e8 00000000 0f0b0000 H...............

Hex dump of section '.rodata.str1.1':
  0x00000000 7564702e 63006f6b                   udp.c.ok
`

describe('readelf text', () => {
  it('reads sections, symbols, relocations and bytes', () => {
    const obj = parseReadelf(READELF)
    expect(obj.sections[2]).toMatchObject({ name: '.text.udp_lib_hash', flags: 'AX', size: 16 })
    expect(obj.sections[0]).toMatchObject({ name: '', type: 'NULL' })
    expect(obj.symbols[1]).toMatchObject({ name: 'udp_lib_hash', size: 16, type: 'FUNC', shndx: 2 })
    expect(obj.symbols[3]).toMatchObject({ name: '__warn_printk', shndx: 'UND' })
    expect(obj.relocs.get(2)).toEqual([
      { offset: 3, type: 'R_X86_64_PC32', symbol: 2, addend: -1 },
      { offset: 10, type: 'R_X86_64_PLT32', symbol: 3, addend: -4 }
    ])
    const dump = sectionsToDump(obj)
    expect(dump).toEqual([2, 4])
    parseHexDump(HEX, obj)
    expect(Array.from(obj.sections[2].bytes ?? []).slice(0, 4)).toEqual([0x48, 0xc7, 0xc7, 0])
    expect(obj.sections[4].bytes?.length).toBe(8)
    // A string by content: -1 + 4 (the field ends 4 bytes on) is offset 3 in "udp.c\0ok".
    const code = obj.sections[2].bytes
    expect(relocTarget(obj, (obj.relocs.get(2) ?? [])[0], code)).toBe('R_X86_64_PC32 ".c"-4')
    expect(relocTarget(obj, (obj.relocs.get(2) ?? [])[1], code)).toBe(
      'R_X86_64_PLT32 extern __warn_printk-4'
    )
  })

  it('rejects text that is not readelf output', () => {
    expect(() => parseReadelf('readelf: Error: Not an ELF file')).toThrow(/no section headers/)
  })

  it('refuses a hex dump that lacks a section it needs', () => {
    const obj = parseReadelf(READELF)
    expect(() => parseHexDump(HEX.split('\n').slice(0, 5).join('\n'), obj)).toThrow(
      /no hex dump of section .rodata.str1.1/
    )
  })

  it('skips the dumps of sections it does not need (one readelf run dumps them all)', () => {
    const obj = parseReadelf(READELF)
    const more = `\nHex dump of section '.rela.text.udp_lib_hash':\n  0x00000000 ffffffff ffffffff ffffffff ffffffff ................\n${HEX}`
    parseHexDump(more, obj)
    expect(obj.sections[3].bytes).toBeUndefined()
    expect(Array.from(obj.sections[4].bytes ?? [])).toEqual([
      0x75, 0x64, 0x70, 0x2e, 0x63, 0, 0x6f, 0x6b
    ])
  })
})

describe('lineShiftTest', () => {
  const patch = `--- a/x.c
+++ b/x.c
@@ -10,3 +10,4 @@
 a
+b
 c
 d
@@ -30,3 +31,2 @@
 e
-f
 g
`
  const shift = lineShiftTest(parsePatch(patch, 1).files.map(f => ({ hunks: f.hunks })))
  it.each([
    [5, 5, false],
    [10, 10, false],
    [11, 12, true],
    [20, 21, true],
    [20, 22, false],
    [31, 32, false],
    [30, 31, true],
    [32, 32, false],
    [40, 40, false]
  ])('%i → %i: %s', (pre, post, want) => {
    expect(shift(pre, post)).toBe(want)
  })
})
