import { normalizePath } from '../src/core/paths.js'

describe('normalizePath', () => {
  it('drops ./ and resolves ..', () => {
    expect(normalizePath('./include/linux/skbuff.h')).toBe('include/linux/skbuff.h')
    expect(normalizePath('net/ipv4/../core/dev.c')).toBe('net/core/dev.c')
    expect(normalizePath('a//b/./c.c')).toBe('a/b/c.c')
  })
})
