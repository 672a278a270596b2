import { recall } from '../../../src/core/source/recent.js'

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

  it('keeps only the recent texts, a hit counting as recent', () => {
    const parser = {}
    let runs = 0
    const compute = (): number => ++runs
    recall(parser, 'a', compute)
    for (let i = 0; i < 7; i++) recall(parser, `t${i}`, compute)
    // 'a' is the oldest of eight; touching it keeps it past the next new text.
    expect(recall(parser, 'a', compute)).toBe(1)
    recall(parser, 'new', compute)
    expect(recall(parser, 'a', compute)).toBe(1)
    const before = runs
    expect(recall(parser, 't0', compute)).toBe(before + 1)
  })
})
