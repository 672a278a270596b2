import { makeProgress } from '../../src/cli/progress.js'

function stream(isTTY: boolean): {
  isTTY: boolean
  columns: number
  out: string[]
  write: (t: string) => void
} {
  const out: string[] = []
  return { isTTY, columns: 40, out, write: (t: string) => void out.push(t) }
}

describe('makeProgress', () => {
  it('rewrites one status line on a terminal and clears it when done', () => {
    const s = stream(true)
    const { progress, done } = makeProgress(s, false)
    progress?.('x86_64: 1000 files read')
    progress?.('x86_64: 2000 files read')
    done()
    expect(s.out).toEqual([
      '\r\x1b[Kklp-affected: x86_64: 1000 files read',
      '\r\x1b[Kklp-affected: x86_64: 2000 files read',
      '\r\x1b[K'
    ])
    // never wider than the terminal: a wrapped line could not be rewritten in place
    progress?.('loading dump set x86_64 from /a/very/long/path/to/the/dumps')
    expect(s.out[3].length).toBeLessThanOrEqual('\r\x1b[K'.length + 39)
  })

  it('is silent when stderr is no terminal, and under --quiet', () => {
    for (const [tty, quiet] of [
      [false, false],
      [true, true]
    ]) {
      const s = stream(tty)
      const { progress, done } = makeProgress(s, quiet)
      expect(progress).toBeUndefined()
      done()
      expect(s.out).toEqual([])
    }
  })
})
