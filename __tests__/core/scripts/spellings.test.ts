import { scriptSpellings } from '../../../src/core/scripts/spellings.js'

describe('scriptSpellings', () => {
  const names = new Set(['ALIGN_TO', 'CACHE_BYTES'])

  it('counts a spelling in the script’s text and in an #if, not in a #define or a comment', () => {
    const text = [
      '#include <asm/cache.h>', // 1
      '#define PAD(x) . = ALIGN(CACHE_BYTES)', // 2: a definition, expanded where PAD is spelled
      '/* CACHE_BYTES aligns the next section */', // 3
      'SECTIONS {', // 4
      '  . = ALIGN(CACHE_BYTES);', // 5
      '#if ALIGN_TO > 64', // 6
      '  .pad : { BYTE(0) }', // 7
      '#endif', // 8
      '  .data : { *(.data) } // CACHE_BYTES', // 9: only a comment spells it
      '}'
    ].join('\n')
    expect(scriptSpellings(text, names)).toEqual([
      { line: 5, name: 'CACHE_BYTES' },
      { line: 6, name: 'ALIGN_TO' }
    ])
  })

  it('reads a continued line as one, at its first line; a word is whole', () => {
    const text =
      'ASSERT(SIZEOF(.data) <= \\\n  CACHE_BYTES, "too big")\nX_CACHE_BYTES\n0xCACHE_BYTES'
    expect(scriptSpellings(text, names)).toEqual([{ line: 1, name: 'CACHE_BYTES' }])
  })
})
