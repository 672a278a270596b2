import { typedefAliases } from '../../../src/core/impact/typedef-aliases.js'

describe('typedef names of a struct', () => {
  it('finds the names a header gives the struct, pointer typedefs and typedefs with a body too', () => {
    const header = [
      'struct host { int flags; unsigned int nr; };',
      'typedef struct host host_t;',
      'typedef struct host *host_p, host_arr[4];',
      'typedef const struct host chost_t;',
      'typedef struct hostile other_t;',
      'typedef struct host (*host_fn)(int);',
      'typedef struct host *(host_alloc_fn)(gfp_t gfp,',
      '\t\tstruct request_queue *q, struct blkcg *blkcg);',
      'typedef struct page { struct { int x; } in; long y; } __aligned(8) page_t;',
      'typedef union cell { int i; } cell_t;'
    ].join('\n')
    expect(typedefAliases(header, 'struct', 'host')).toEqual([
      'host_t',
      'host_p',
      'host_arr',
      'chost_t'
    ])
    expect(typedefAliases(header, 'struct', 'page')).toEqual(['page_t'])
    expect(typedefAliases(header, 'union', 'cell')).toEqual(['cell_t'])
    expect(typedefAliases(header, 'struct', 'cell')).toEqual([])
  })
})
