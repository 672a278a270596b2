import { KEPT_CHARS, recall } from '../../../src/core/source/recent.js'

describe('recall', () => {
  it('computes a text once per parser, again for another parser', () => {
    const parser = {}
    let runs = 0
    const compute = (): object => ({ run: ++runs })
    const first = recall(parser, 'int f(void) { return 0; }', compute)
    expect(recall(parser, 'int f(void) { return 0; }', compute)).toBe(first)
    expect(runs).toBe(1)
    expect(recall({}, 'int f(void) { return 0; }', compute)).not.toBe(first)
    expect(runs).toBe(2)
  })

  it('keeps only the recent texts up to a size, a hit counting as recent', () => {
    const parser = {}
    let runs = 0
    const compute = (): number => ++runs
    // Four texts fill the budget exactly.
    const text = (name: string): string => name + 'x'.repeat(KEPT_CHARS / 4 - name.length)
    recall(parser, text('a'), compute)
    for (let i = 0; i < 3; i++) recall(parser, text(`t${i}`), compute)
    expect(runs).toBe(4)
    // 'a' is the oldest; touching it keeps it past the next new text, which evicts t0.
    expect(recall(parser, text('a'), compute)).toBe(1)
    recall(parser, text('new'), compute)
    expect(recall(parser, text('a'), compute)).toBe(1)
    expect(recall(parser, text('t1'), compute)).toBe(3)
    const before = runs
    expect(recall(parser, text('t0'), compute)).toBe(before + 1)
    // A text past the whole budget is kept alone, until the next.
    const huge = 'h'.repeat(KEPT_CHARS + 1)
    const h = recall(parser, huge, compute)
    expect(recall(parser, huge, compute)).toBe(h)
  })
})
