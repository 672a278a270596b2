import { inOrder, type Settled } from '../../../src/adapters/fs/ordered.js'

describe('inOrder', () => {
  it('hands sync results, promises and rejections back in input order', async () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    let inFlight = 0
    let most = 0
    const work = (i: number): number | Promise<number> => {
      if (i % 5 === 3) return Promise.reject(new Error(`rejected ${i}`))
      if (i % 2 === 0) return i * 10
      inFlight++
      most = Math.max(most, inFlight)
      // Later items settle first: the order out must still be the order in.
      return new Promise((resolve, reject) =>
        setTimeout(
          () => {
            inFlight--
            if (i === 9) reject(new Error('async 9'))
            else resolve(i * 10)
          },
          (10 - i) * 2
        )
      )
    }
    const seen: Array<[number, Settled<number>]> = []
    await inOrder(items, 3, work, (i, r) => seen.push([i, r]))
    expect(seen.map(([i]) => i)).toEqual(items)
    expect(seen.map(([, r]) => (r.ok ? r.value : (r.error as Error).message))).toEqual([
      0,
      10,
      20,
      'rejected 3',
      40,
      50,
      60,
      70,
      'rejected 8',
      'async 9'
    ])
    expect(most).toBeLessThanOrEqual(3)
  })

  it('throws what work throws synchronously (an error of the work, not of one item)', async () => {
    const seen: number[] = []
    const work = (i: number): number => {
      if (i === 2) throw new Error('string too long')
      return i
    }
    const run = inOrder([0, 1, 2, 3], 2, work, (_i, r) => seen.push(r.ok ? r.value : -1))
    await expect(run).rejects.toThrow('string too long')
    expect(seen).toEqual([0])
  })

  it('runs all-sync work without a turn of the event loop', async () => {
    let turned = false
    setImmediate(() => (turned = true))
    const seen: number[] = []
    await inOrder(
      [1, 2, 3],
      2,
      i => i,
      (i, r) => seen.push(r.ok ? r.value * 10 + i : -1)
    )
    expect(seen).toEqual([11, 22, 33])
    expect(turned).toBe(false)
  })
})
