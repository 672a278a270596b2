import { scriptEnv, scriptSpellings, scriptText } from '../../../src/core/scripts/spellings.js'

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
    expect(scriptSpellings(scriptText(text), names)).toEqual([
      { line: 5, name: 'CACHE_BYTES' },
      { line: 6, name: 'ALIGN_TO' }
    ])
  })

  it('reads a continued line as one, at its first line; a word is whole', () => {
    const text =
      'ASSERT(SIZEOF(.data) <= \\\n  CACHE_BYTES, "too big")\nX_CACHE_BYTES\n0xCACHE_BYTES'
    expect(scriptSpellings(scriptText(text), names)).toEqual([{ line: 1, name: 'CACHE_BYTES' }])
  })

  it('skips what the script’s preprocessor compiles out: C of a header, an unset option', () => {
    const header = [
      '#ifndef __ASSEMBLY__', // 1
      'extern int cache_lines[CACHE_BYTES];', // 2: C, not in a linker script
      '#else', // 3
      'EMIT(CACHE_BYTES)', // 4: script text
      '#endif', // 5
      '#ifdef CONFIG_UNSET', // 6
      'PAD(CACHE_BYTES)', // 7
      '#endif'
    ].join('\n')
    const config = new Map([['CONFIG_SET', 'y']])
    expect(
      scriptSpellings(
        scriptText(header),
        names,
        scriptEnv('linker-script', config, scriptText(header))
      ).map(s => s.line)
    ).toEqual([4])
    // Compiled as C (an offset generator), the other branch.
    expect(
      scriptSpellings(
        scriptText(header),
        names,
        scriptEnv('offsets', config, scriptText(header))
      ).map(s => s.line)
    ).toEqual([2])
  })
})
