import { parseCli, UsageError } from '../../src/cli/args.js'
import { closest, editDistance } from '../../src/cli/suggest.js'

function usageError(argv: string[]): string {
  try {
    parseCli(argv)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`parseCli(${argv.join(' ')}) did not fail`)
}

describe('parseCli guidance', () => {
  it('answers a bare call with the usage and help with help', () => {
    expect(parseCli([])).toEqual({ command: 'usage' })
    expect(parseCli(['help'])).toEqual({ command: 'help' })
    expect(parseCli(['--help'])).toEqual({ command: 'help' })
    expect(parseCli(['analyze', '-h'])).toEqual({ command: 'help' })
  })

  it('names an unknown command, guesses the near one and lists the commands', () => {
    expect(usageError(['frobnicate', '--dumps', 'x'])).toBe(
      "unknown command 'frobnicate' (commands: analyze, explain, help)"
    )
    expect(usageError(['analyse', '--dumps', 'x'])).toMatch(
      /^unknown command 'analyse': did you mean analyze\?/
    )
  })

  it('names the missing FUNCTION of explain before asking for dumps', () => {
    expect(usageError(['explain'])).toMatch(/^explain needs the FUNCTION to explain/)
    expect(usageError(['explain', '--dumps', 'd'])).toMatch(/^explain needs the FUNCTION/)
    expect(usageError(['explain', 'a', 'b', '--dumps', 'd'])).toMatch(/one FUNCTION name, got 2/)
    expect(usageError(['explain', 'f'])).toBe('--dumps PATH is required')
  })

  it('suggests the option an unknown one was meant to be', () => {
    expect(usageError(['analyze', '--dump', 'x', '--diff', 'y'])).toBe(
      "unknown option '--dump': did you mean --dumps?"
    )
    expect(usageError(['analyze', '--livepach', 'x'])).toMatch(/did you mean --livepatch\?/)
    expect(usageError(['analyze', '--fail_on=none'])).toMatch(/did you mean --fail-on\?/)
    expect(usageError(['analyze', '--zzzzzz'])).toMatch(
      /^unknown option '--zzzzzz' \(options: --diff --dumps /
    )
  })

  it("refuses the other command's options instead of ignoring them", () => {
    expect(usageError(['explain', 'f', '--build', 'b', '--dumps', 'd'])).toBe(
      'explain does not take --build (an option of analyze)'
    )
    expect(usageError(['explain', 'f', '--source', 's', '--dumps', 'd'])).toBe(
      'explain does not take --source (an option of analyze)'
    )
    expect(usageError(['analyze', '--diff', 'x', '--file', 'a.c', '--dumps', 'd'])).toMatch(
      /analyze does not take --file/
    )
  })

  it('still parses a full command line', () => {
    const args = parseCli(['analyze', '--diff=-', '--dumps', 'x86=a', '--dumps', 'x86=b'])
    expect(args).toMatchObject({ command: 'analyze', diff: '-' })
    expect(args.command === 'analyze' && args.dumps).toEqual([{ label: 'x86', paths: ['a', 'b'] }])
  })

  it('gives --index-cache to every dump set, of analyze and explain, and only when set', () => {
    const a = parseCli([
      'analyze',
      '--diff=-',
      '--dumps',
      'x=a',
      '--dumps',
      'y=b',
      '--index-cache',
      'c'
    ])
    expect(a.command === 'analyze' && a.dumps).toEqual([
      { label: 'x', paths: ['a'], indexCache: 'c' },
      { label: 'y', paths: ['b'], indexCache: 'c' }
    ])
    const e = parseCli(['explain', '--all', '--dumps', 'a', '--index-cache=c'])
    expect(e.command === 'explain' && e.dumps).toEqual([
      { label: 'default', paths: ['a'], indexCache: 'c' }
    ])
    const plain = parseCli(['explain', 'f', '--dumps', 'a'])
    expect(plain.command === 'explain' && plain.dumps).toEqual([{ label: 'default', paths: ['a'] }])
    expect(usageError(['explain', 'f', '--dumps', 'a', '--index-cache='])).toBe(
      '--index-cache needs a folder'
    )
  })
})

describe('closest', () => {
  it('counts a swap as one edit and stays silent when unsure', () => {
    expect(editDistance('--dumsp', '--dumps')).toBe(1)
    expect(closest('--live', ['--livepatch', '--diff'])).toBe('--livepatch')
    expect(closest('--s', ['--source', '--strip'])).toBeUndefined()
    expect(closest('xyz', ['analyze', 'explain'])).toBeUndefined()
  })
})
