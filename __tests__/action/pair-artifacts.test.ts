import { pairArtifacts } from '../../src/action/pair-artifacts.js'

describe('pairing the patched build artifacts with the base ones', () => {
  it('pairs by the part the wildcards matched, labelled like the base set', () => {
    expect(
      pairArtifacts('dumps-*', ['dumps-x86_64', 'dumps-arm64'], 'post-*-dumps', [
        'post-arm64-dumps',
        'post-x86_64-dumps'
      ])
    ).toEqual([
      { label: 'dumps-arm64', post: 'post-arm64-dumps' },
      { label: 'dumps-x86_64', post: 'post-x86_64-dumps' }
    ])
  })

  it('pairs one with one whatever the names', () => {
    expect(pairArtifacts('dumps', ['dumps'], 'patched', ['patched'])).toEqual([
      { label: 'dumps', post: 'patched' }
    ])
  })

  it('refuses a patched set without a base set, and a missing patched artifact', () => {
    expect(() =>
      pairArtifacts('dumps-*', ['dumps-x86_64', 'dumps-arm64'], 'post-*', ['post-s390x'])
    ).toThrow("'post-s390x' pairs with no artifact of 'dumps-artifact' (dumps-x86_64, dumps-arm64)")
    expect(() => pairArtifacts('dumps-*', ['dumps-x86_64'], 'post-*', [])).toThrow(
      "input 'post-dumps-artifact': no artifact matches 'post-*'"
    )
  })
})
