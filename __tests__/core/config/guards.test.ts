import { BuildView } from '../../../src/core/config/build-view.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { lineGuards } from '../../../src/core/config/guards.js'

const text = [
  '#ifdef CONFIG_A', // 1
  'int a;', // 2
  '#elif defined(CONFIG_B)', // 3
  'int b;', // 4
  '#else', // 5
  'int c;', // 6
  '#if 0', // 7
  'int dead;', // 8
  '#endif', // 9
  '#endif', // 10
  '#ifndef CONFIG_A', // 11
  'int not_a;', // 12
  '#endif', // 13
  'int always;', // 14
  '#if defined(CONFIG_A) && \\', // 15
  '    defined(CONFIG_B)', // 16
  'int both;', // 17
  '#endif' // 18
].join('\n')

const build = (label: string, lines: string[]) => ({
  label,
  config: parseKconfig(lines.join('\n'))
})

describe('BuildView', () => {
  it('follows #ifdef/#elif/#else nesting and names the deciding symbol', () => {
    const v = new BuildView(text, new Set(), [build('x86_64', ['CONFIG_B=y'])])
    const out = (n: number): string[] => [...v.outIn(n).values()]
    expect(out(2)).toEqual(['CONFIG_A is not set'])
    expect(out(4)).toEqual([])
    expect(out(6)).toEqual(['CONFIG_B=y'])
    expect(out(8)).toEqual(['CONFIG_B=y'])
    expect(out(12)).toEqual([])
    expect(out(14)).toEqual([])
    expect(out(17)).toEqual([
      '#if defined(CONFIG_A) && defined(CONFIG_B) is false (CONFIG_A is not set, CONFIG_B=y)'
    ])
    // Directives sit under the enclosing blocks only.
    expect(out(3)).toEqual([])
    expect(out(9)).toEqual(['CONFIG_B=y'])
  })

  it('with several sets, says which ones compile a line out', () => {
    const v = new BuildView(text, new Set(), [
      build('x86_64', ['CONFIG_A=y']),
      build('arm64', ['CONFIG_B=m'])
    ])
    expect([...v.outIn(2).keys()]).toEqual(['arm64'])
    expect(v.outEverywhere(8)).toBe(true)
    expect(v.outEverywhere(6)).toBe(false)
  })

  it('without a .config only decides literals, and keys unknown lines by their conditions', () => {
    const v = new BuildView(text, new Set(), [])
    expect(v.outEverywhere(2)).toBe(false)
    expect(v.outEverywhere(8)).toBe(true)
    expect([...v.outIn(8).values()]).toEqual(['#if 0 is false'])
    expect(v.key(2)).toBe('(defined(CONFIG_A))')
    expect(v.key(14)).toBe('')
  })
})

describe('lineGuards', () => {
  it('gives each line the conditions of the blocks it is in, before and after every directive', () => {
    const guards = lineGuards(text)
    const show = (line: number): string[] =>
      guards[line - 1].map(t => `${t.positive ? '' : '!'}${t.expr}`)
    expect(show(2)).toEqual(['defined(CONFIG_A)'])
    expect(show(4)).toEqual(['!defined(CONFIG_A)', 'defined(CONFIG_B)'])
    expect(show(8)).toEqual(['!defined(CONFIG_A)', '!defined(CONFIG_B)', '0'])
    expect(show(9)).toEqual(['!defined(CONFIG_A)', '!defined(CONFIG_B)'])
    expect(show(12)).toEqual(['!defined(CONFIG_A)'])
    expect(show(14)).toEqual([])
    expect(show(17)).toEqual(['defined(CONFIG_A) &&      defined(CONFIG_B)'])
    // Lines between two directives share one list (a header's thousands of lines made one each).
    const block = lineGuards('#ifdef X\nint a;\nint b;\n#endif\nint c;\nint d;')
    expect(block[2]).toBe(block[1])
    expect(block[5]).toBe(block[4])
    expect(block[4]).toEqual([])
  })
})
