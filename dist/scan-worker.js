import { workerData, parentPort } from 'node:worker_threads';
import { openSync, readSync, closeSync, statSync, statfsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';

/** Optimal string alignment distance: a swapped pair of letters (`--dumsp`) is one typo, not two. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

const NL$1 = 10;
const SEMI$2 = 59;
const STAR$1 = 42;
const ASCII_END = 128;
/**
 * Collects, from dumps fed one at a time, the symbol names closest to a name no dump mentions: a
 * mistyped `explain` target gets "did you mean". GCC's dump lines are
 * `Callgraph clone;NAME;ORDER;FILE;LINE;COL;NAME2;...` and `Callgraph removal;NAME;...`: the names
 * are fields 1 and 6 (of any line, split at `;`). Clone suffixes count, so `foo.constprop.0` is
 * offered for `foo.constprop`.
 *
 * The dumps are read undecoded: at distribution scale (27,000 dumps, 700 MB) decoding every text
 * and cutting every line into strings took 9 s, for names nearly all of which are far from the
 * query. A name is decoded only when its bytes cannot rule it out (see `ruledOut`).
 */
class NearNames {
    query;
    seen = new Set();
    best = new Map();
    limit;
    /** The query's ASCII codes, or undefined when it has other characters (no byte shortcut). */
    codes;
    /** Per ASCII code: the query's count of it, less the name's being matched (see `ruledOut`). */
    counts = new Int32Array(ASCII_END);
    decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    encoder = new TextEncoder();
    constructor(query) {
        this.query = query;
        // A third of the name, at least 2 edits: kernel names differ by `__` prefixes and `_` parts.
        this.limit = Math.max(2, Math.floor(query.length / 3));
        // eslint-disable-next-line no-control-regex
        if (/^[\x00-\x7f]*$/.test(query)) {
            this.codes = this.encoder.encode(query);
            for (const c of this.codes)
                this.counts[c]++;
        }
    }
    /** A dump's text (an archive's entries come decoded). */
    addDump(_path, text) {
        this.addBytes(this.encoder.encode(text));
    }
    /** A dump's bytes, as UTF-8. */
    addBytes(b) {
        const len = b.length;
        let pos = 0;
        while (pos < len) {
            let end = b.indexOf(NL$1, pos);
            if (end < 0)
                end = len;
            let field = 0;
            let start = pos;
            for (let i = pos; i <= end; i++) {
                if (i < end && b[i] !== SEMI$2)
                    continue;
                if (field === 1 || field === 6)
                    this.considerBytes(b, start, i);
                if (++field > 6)
                    break;
                start = i + 1;
            }
            pos = end + 1;
        }
    }
    /** What another collector for the same query found (its dumps' share): the result is the same. */
    absorb(found) {
        for (const [name, distance] of found)
            this.best.set(name, distance);
    }
    /** Every name near enough, with its distance (for `absorb`). */
    found() {
        return [...this.best];
    }
    /** Closest first, at most `n`. */
    names(n = 5) {
        return [...this.best]
            .sort(([a, da], [b, db]) => da - db || (a < b ? -1 : a > b ? 1 : 0))
            .slice(0, n)
            .map(([name]) => name);
    }
    considerBytes(b, start, end) {
        if (b[start] === STAR$1)
            start++;
        if (end <= start || this.ruledOut(b, start, end))
            return;
        this.consider(this.decoder.decode(b.subarray(start, end)));
    }
    /**
     * True when the ASCII name at [start, end) is neither a superstring of the query nor within
     * `limit` edits of it, told from its bytes: the bag distance (characters of either left over
     * once the two are matched as multisets) never exceeds the edit distance, since each edit,
     * a swap included, changes it by at most one.
     */
    ruledOut(b, start, end) {
        const codes = this.codes;
        if (!codes)
            return false;
        const counts = this.counts;
        let extra = 0;
        let matched = 0;
        let i = start;
        let out = false;
        for (; i < end; i++) {
            const c = b[i];
            if (c >= ASCII_END)
                break;
            if (counts[c]-- > 0)
                matched++;
            else if (++extra > this.limit) {
                i++;
                out = true;
                break;
            }
        }
        const scanned = i;
        for (let j = start; j < scanned; j++)
            counts[b[j]]++;
        if (scanned < end && !out)
            return false;
        if (!out)
            out = codes.length - matched > this.limit;
        return out && !this.contains(b, start, end, codes);
    }
    contains(b, start, end, codes) {
        const last = end - codes.length;
        outer: for (let i = start; i <= last; i++) {
            for (let k = 0; k < codes.length; k++)
                if (b[i + k] !== codes[k])
                    continue outer;
            return true;
        }
        return false;
    }
    consider(name) {
        if (this.seen.has(name))
            return;
        this.seen.add(name);
        if (Math.abs(name.length - this.query.length) > this.limit && !name.includes(this.query))
            return;
        const distance = name.includes(this.query) ? 1 : editDistance(this.query, name);
        if (distance <= this.limit)
            this.best.set(name, distance);
    }
}

// Generated by scripts/build-wasm.mjs from line-check.wat: do not edit.
const LINE_CHECK_WASM = 'AGFzbQEAAAABQgZgAn9/AX5gBX9+fn5/AX9gDX9/f39/f39/f39/f38Bf2AMf39/f39/f39/f39/AX9gBX9/f39/AX9gBH9/' +
    'f38BfwMHBgABAgMEBQUDAQABBxICBm1lbW9yeQIABWNoZWNrAAIKrxMGdQMBfgF/AX4gAa0hAgJAA0AgAyABTw0BIAAgA2op' +
    'AwAhBCABIANrQQhJBEAgBEIBIAEgA2tBA3SthkIBfYMhBAsgAiAEhUKV+Kn6l7fem55/fkIfiSECIANBCGohAwwACwsgAiAC' +
    'Qh2IhUKT++eyhte/9FZ+C0kBAX8gASACiKchBSAAIAVBA3ZqLQAAQQEgBUEHcXRxRQRAQQAPCyABIAOIpyAEcSEFIAAgBUED' +
    'dmotAABBASAFQQdxdHFBAEcLwg0HCn8BewN/BH4CfwF+FH9BwAAgBWutIR1BwAAgBUEBdGutIR5BASAFdEEBayEfQQEgBUED' +
    'a3QhICAAIAFqIQ0gAUUEQEEADwsgDUEBay0AAEEKRwRAIA1BCjoAACANQQFqIQ0LIAdBAEcgAkUgBEVxcSE1A0ACQCAAIQ4g' +
    'ACESAkAgNQRAIAdBADYCACAHQQA2AgggACEWAkADQCAWQRBqIA1LDQEgFv0ABABBgAH9D/1O/VMNAyAWQRBqIRYMAAsLAkAD' +
    'QCAWIA1PDQEgFi0AAEGAAU8NAyAWQQFqIRYMAAsLCwNAIA79AAQAIRcgF0E7/Q/9IyAXQQr9D/0j/VD9ZK0hISAO/QAEECEX' +
    'ICEgF0E7/Q/9IyAXQQr9D/0j/VD9ZK1CEIaEISEgDv0ABCAhFyAhIBdBO/0P/SMgF0EK/Q/9I/1Q/WStQiCGhCEhIA79AAQw' +
    'IRcgISAXQTv9D/0jIBdBCv0P/SP9UP1krUIwhoQhISANIA5rQcAASQRAICFCASANIA5rrYZCAX2DISELAkADQCAhUA0BIA4g' +
    'IXqnaiEPICEgIUIBfYMhISAPLQAAIRAgDyASayEVAkACQAJAAkACQAJAAkACQCARQQxBACATQQVGG2oOEQABAgMEBAECAwQE' +
    'BgABAgMEBQsgFUUEQCAQQQpHDQsgL0EBaiEvIA9BAWohEgwICyASKQMAQsPCseP2zNyw8ABSDQogFUEPRgRAIBJBB2opAwBC' +
    '8NCBmcbtm7flAFINC0ELIRMMBwsgFUERRw0KIBJBCGopAwBC6MDIq9btm7vhAFINCiASQRBqLQAAQewARw0KQQUhEwwGCyAV' +
    'RQ0JIBItAABBKkYEQCASQQFqIRIgFUEBayEVIBVFDQoLIDUEQCARQQZJBEAgEiEiIA8hIwUgEiEoIA8hKQsLIAIEQEH/ASAV' +
    'IBVB/wFLGyEYIAIgGEEDdmotAABBASAYQQdxdHFFDQYgFa0hG0EAIRYDQCASIBZqKQMAIRwgFSAWa0EISQRAIBxCASAVIBZr' +
    'QQN0rYZCAX2DIRwLIBsgHIVClfip+pe33puef35CH4khGyAWQQhqIRYgFiAVSQ0ACyAbIBtCHYiFQpP757KG17/0Vn4hGyAb' +
    'IB2IpyEYIBhBA3YtAABBASAYQQdxdHEEQCAbIB6IpyAfcSEYIBhBA3YtAABBASAYQQdxdHENDAsLDAULIBVFDQggEiEWQQAh' +
    'MANAIBYtAABBMGshGCAYQQlLDQkgMEEKbCAYaiEwIBZBAWohFiAWIA9JDQALIDUEQCAVQQlLDQkgEUEGSQRAIDAhJAUgMCEq' +
    'CwsMBAsgFUUNByA1BEAgEUEGSQRAIBIhJSAPISYFIBIhKyAPISwLCyAEBEAgD0EBay0AACEYIBhBL0YgGEHcAEZyDQkgGEEu' +
    'RgRAIA9BAmstAAAhGCAYQS9GIBhB3ABGciAYQS5Gcg0KCyAPQQNrLQAAIRggBiAYQQN2ai0AAEEBIBhBB3F0cUUNBEEAIRkD' +
    'QCADIBlqLQAAIRogICAPIBprIBoQACAdIB4gHxABDQogGUEBaiEZIBkgBEkNAAsLDAMLIBVFDQYgEi0AAEEwa0EJSw0GIDUg' +
    'EUEERiARQQlGcnEEQEEAITAgEiEWAkADQCAWIA9PDQEgFi0AAEEwayEYIBhBCUsNASAWIBJrQQlPDQkgMEEKbCAYaiEwIBZB' +
    'AWohFgwACwsgEUEERgRAIDAhJwUgMCEtCwsMAgsgFUUNBSASLQAAQTBrQQlLDQUgD0EBay0AAEENRg0FDAELIBVFDQQgEiEu' +
    'IA9BAWstAABBDUYNBAsgEEEKRgRAIBEgE0cNBCAvQQFqIS8gNQRAIAcgCCAKIAwgCyAiICMgJCAlICYgJ0EAEAMhMSAxQQBI' +
    'DQUgE0EFRgRAIAcgMUEFdGpBATYCKAUgDyAua0ELRiAuKQMAQuncscvmrZq35wBRIC4oAghB////B3FBoOi9A0ZxcSEZIAcg' +
    'CCAKIAwgCyAoICkgKiArICwgLSAZRRADITIgMkEASA0GIAggM0EYbGohNCA0QRhqIAlLDQYgNCAxNgIAIDQgMjYCBCA0QQAg' +
    'LiAZGzYCCCA0IA82AgwgNCAvNgIQIDNBAWohMwsLIBRBAWohFEEAIRFBACETBSARIBNGDQQgEUEBaiERCyAPQQFqIRIMAAsL' +
    'IA5BwABqIQ4gDiANSQ0ACyA1BEAgByAzNgIECyAHBEAgByA1NgIMCyAUDwtBfw8LIAdFBEBBfw8LQQEhNUEAIQJBACEEQQAh' +
    'EUEAIRNBACEUQQAhL0EAITMMAAsAC4QCAQN/IAdBgIAITwRAQX8PCyACIAdBA3RqIQwgDCgCACAERgRAIAsEQEF/DwsgDCgC' +
    'BCENIAAgDUEFdGohDiAOKAIUIA4oAhggBSAGEAVFBEBBfw8LIA4oAhwgDigCICAIIAkQBUUEQEF/DwsgDQ8LIAAoAgAhDSAA' +
    'IA1BBXRqIQ4gDkEwaiABSwRAQX8PCyAAIAMgBCAIIAkQBCEMIAxBAEgEQEF/DwsgDiAMNgIsIAIgB0EDdGohDCAOIAc2AhAg' +
    'DiAFNgIUIA4gBjYCGCAOIAg2AhwgDiAJNgIgIA4gCjYCJCAOQQA2AiggDCAENgIAIAwgDTYCBCAAIA1BAWo2AgAgDQuyAQIE' +
    'fwF+IAMgBCADaxAAIQkgCSAJQiCIhachBSAFQf8/cSEGA0AgASAGQQV0aiEHIAcoAgAgAkcEQCAAKAIIIQggCEGAME8EQEF/' +
    'DwsgByACNgIAIAcgBTYCBCAHIAg2AgggByADNgIMIAcgBDYCECAAIAhBAWo2AgggCA8LIAcoAgQgBUYEQCAHKAIMIAcoAhAg' +
    'AyAEEAUEQCAHKAIIDwsLIAZBAWpB/z9xIQYMAAtBfwtvAgJ/AX4gASAAayEEIAQgAyACa0cEQEEADwsCQANAIAUgBE8NASAA' +
    'IAVqKQMAIAIgBWopAwCFIQYgBCAFa0EISQRAIAZCASAEIAVrQQN0rYZCAX2DIQYLIAZCAFINASAFQQhqIQUMAAsLIAUgBE8L';

/** Bloom filter sizes, as powers of two bits: ~1,000 bits per name keeps false positives rare. */
const MIN_BITS = 12;
const MAX_BITS = 20;
const BITS_PER_NAME_LOG = 10;
/** Where the base name lengths go: past the largest pair of filters. */
const LENGTHS = (2 << MAX_BITS) / 8;
/** Distinct base name lengths the module tries at each file field; more refuse every file. */
const MAX_LENGTHS = 64;
/** A base name's last bytes hashed at most (a file ending with it ends with those). */
const MAX_LENGTH = 255;
/** Where the bitmap of the names' lengths goes (a bit per length, 255 for 255 or more). */
const NAME_LENGTHS = LENGTHS + MAX_LENGTHS;
/** Where the bitmap of the bases' third-last bytes goes (see LineFocus.tails). */
const TAILS = NAME_LENGTHS + 32;
/** Where `graph` keeps, per order, the dump that last met it and its node (8 bytes each). */
const ORDERS = TAILS + 32;
/** Orders `graph` indexes (line-check.wat's `$node`): GCC's reach 12,860 in a 6.1 kernel's TUs. */
const MAX_ORDER = 131072;
/** Where `graph` numbers a dump's files (line-check.wat's `$file`: 8,192 entries of 32 bytes). */
const FILES = ORDERS + MAX_ORDER * 8;
/** Where a dump starts in the module's memory: past the bitmaps and tables, and 16 bytes more. */
const OFF = FILES + 8192 * 32 + 16;
/**
 * Room after a dump: the module's vector loads read up to 63 bytes past its end (a block of 64
 * is read at its last byte), and a newline may be written there.
 */
const ROOM = 64;
const PAGE = 65536;
/**
 * A dump's graph needs at most this many bytes of records per dump byte: a non-empty line is 27
 * bytes at least, and makes at most two nodes (32 bytes each) and an edge (24).
 */
const GRAPH_BYTES_PER_LINE = 88;
const MIN_LINE = 27;
/** Dumps up to this size have room for their graph's records (`input`); larger ones go without. */
const GRAPH_MAX = 4 << 20;
/** Lines a `len`-byte dump has at most: its graph's records are a header, nodes, then edges. */
function graphLines(len) {
    return Math.floor(len / MIN_LINE) + 2;
}
/** Bytes of records for a graph of at most `lines` lines. */
function graphRoom(lines) {
    return 16 + GRAPH_BYTES_PER_LINE * lines;
}
const M64 = (1n << 64n) - 1n;
const K1 = 0x9e3779b97f4a7c15n;
const K2 = 0xd6e8feb86659fd93n;
/** line-check.wat's `$hash` of `n` latin1 characters of `s` from `from`. */
function stringHash(s, from, n) {
    let x = BigInt(n);
    for (let i = 0; i < n; i += 8) {
        let c = 0n;
        for (let k = Math.min(8, n - i) - 1; k >= 0; k--)
            c = (c << 8n) | BigInt(s.charCodeAt(from + i + k) & 0xff);
        const m = ((x ^ c) * K1) & M64;
        x = ((m << 31n) | (m >> 33n)) & M64;
    }
    return ((x ^ (x >> 29n)) * K2) & M64;
}
/**
 * A focus as the module tests it: bloom filters of its names and of its file base names, and the
 * base names' lengths. Names and bases are latin1 strings (see RawFocus: the test is only used
 * for ASCII ones) that hold no `;` or newline (RawLineTest drops those: no field can be one).
 */
class LineFocus {
    bits;
    tables;
    names;
    /** A bit per name length (255 for 255 or more): a name field of no such length skips the hash. */
    nameLengths = new Uint8Array(32);
    /** Distinct base name lengths (capped at MAX_LENGTH). */
    lengths;
    /**
     * A bit per byte that is some base's third-last: a file field ending otherwise is hashed for no
     * length. Every bit when a base is shorter than three bytes (the field's bytes before it count).
     */
    tails = new Uint8Array(32);
    /**
     * Every file field refused: an empty base name (every file ends with it), or more distinct
     * lengths than the module tries.
     */
    everyFile;
    constructor(names, bases) {
        const most = Math.max(names.length, bases.length, 1);
        this.bits = Math.min(MAX_BITS, Math.max(MIN_BITS, Math.ceil(Math.log2(most)) + BITS_PER_NAME_LOG));
        const half = (1 << this.bits) / 8;
        this.tables = new Uint8Array(2 * half);
        for (const name of names) {
            if (name.length === 0)
                continue;
            this.add(0, stringHash(name, 0, name.length));
            const l = Math.min(name.length, 255);
            this.nameLengths[l >> 3] |= 1 << (l & 7);
        }
        const lengths = new Set();
        for (const base of bases) {
            const l = Math.min(base.length, MAX_LENGTH);
            lengths.add(l);
            if (l > 0)
                this.add(half, stringHash(base, base.length - l, l));
            if (base.length < 3)
                this.tails.fill(0xff);
            else {
                const c = base.charCodeAt(base.length - 3) & 0xff;
                this.tails[c >> 3] |= 1 << (c & 7);
            }
        }
        this.names = names.length > 0;
        this.everyFile = lengths.has(0) || lengths.size > MAX_LENGTHS;
        this.lengths = Uint8Array.from([...lengths].sort((x, y) => x - y));
    }
    add(at, x) {
        const bits = BigInt(this.bits);
        const mask = (1n << bits) - 1n;
        for (const h of [x >> (64n - bits), (x >> (64n - 2n * bits)) & mask]) {
            const i = Number(h);
            this.tables[at + (i >> 3)] |= 1 << (i & 7);
        }
    }
}
const NO_FOCUS = new LineFocus([], []);
const NODE_RECORD = 8;
const EDGE_RECORD = 6;
/**
 * The compiled line check (line-check.wat) and its memory: dumps are read into `input` and
 * checked where they lie. One per thread (`lineCheck`).
 */
class LineCheck {
    wasm;
    loaded;
    /** The last dump `graph` read: its orders' entries are current when stamped with this. */
    stamp = 0;
    /** The module's memory as 32-bit words, while its buffer is current (growing replaces it). */
    words;
    constructor(wasm) {
        this.wasm = wasm;
    }
    static create() {
        // WebAssembly is missing under `node --jitless`, and V8 refuses SIMD on an x86 without
        // SSE4.1: the regular expression does the work then.
        if (typeof WebAssembly !== 'object')
            return undefined;
        const bytes = Uint8Array.from(atob(LINE_CHECK_WASM), c => c.charCodeAt(0));
        try {
            const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
            return new LineCheck(instance.exports);
        }
        catch {
            return undefined;
        }
    }
    /**
     * `capacity` bytes of the module's memory to read a dump into, keeping the bytes an earlier
     * `input` view held (growing the memory moves them to a new buffer, not away). Valid until
     * the next use of the module's memory on this thread: another `input`, a check of bytes from
     * elsewhere (copied in), or a graph read from a text (core/dumps/read-graph.ts).
     */
    input(capacity) {
        const memory = this.wasm.memory;
        // With room for a graph's records after it: `graph` must not grow the memory under a view
        // of the dump the caller still holds.
        const need = OFF + capacity + ROOM + 8 + (capacity <= GRAPH_MAX ? graphRoom(graphLines(capacity)) : 0);
        if (memory.buffer.byteLength < need)
            memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
        return new Uint8Array(memory.buffer, OFF, capacity);
    }
    /**
     * `acceptRaw` of these bytes with `focus` (see raw-accept.ts): non-empty lines, or -1. Bytes
     * that are not the `input` view are copied there first.
     */
    check(bytes, focus = NO_FOCUS) {
        return this.run(bytes, focus, false);
    }
    /**
     * The graph of a dump every line of which `check` accepts without a focus, when the module can
     * read it alone: every byte ASCII, every number in nine digits, orders under MAX_ORDER, each
     * order with one name and one file, at most 6,144 files, each clone created before any line uses
     * it, and room for the records (see `input`). Else undefined: the full scan reads the dump (and
     * words what is wrong with it). Bytes that are not the `input` view are copied there first.
     */
    graph(bytes) {
        const answer = this.run(bytes, NO_FOCUS, true);
        return typeof answer === 'number' ? undefined : answer;
    }
    /**
     * `check`, and where a line names the focus, `graph` in the same call: the check reads the dump
     * again from its start as a graph (a kept dump's focused pass stopped at its first mention and
     * was read again whole anyway). A number is `check`'s answer (-1 also where the graph cannot
     * be read).
     */
    checkOrGraph(bytes, focus) {
        // Without names or bases nothing can be refused for the focus: the module would read every
        // dump as a graph from its start (that is how `graph` asks for one).
        const empty = !focus.names && focus.lengths.length === 0;
        return this.run(bytes, focus, !empty);
    }
    run(bytes, focus, graph) {
        const len = bytes.length;
        // Every line of a dump has file fields: none can pass (blank lines alone would, as 0).
        if (focus.everyFile)
            return len === 0 ? 0 : -1;
        if (!this.holds(bytes) || bytes.byteOffset !== OFF)
            this.input(len).set(bytes);
        const { buffer } = this.wasm.memory;
        if (this.loaded !== focus) {
            new Uint8Array(buffer, 0, focus.tables.length).set(focus.tables);
            new Uint8Array(buffer, LENGTHS, focus.lengths.length).set(focus.lengths);
            new Uint8Array(buffer, NAME_LENGTHS, 32).set(focus.nameLengths);
            new Uint8Array(buffer, TAILS, 32).set(focus.tails);
            this.loaded = focus;
        }
        const names = focus.names ? NAME_LENGTHS : 0;
        const count = focus.lengths.length;
        const out = (OFF + len + ROOM + 7) & -8;
        const lines = graphLines(len);
        const cap = out + graphRoom(lines);
        // No graph for an empty dump (nothing to read) or one without room for its records.
        if (!graph || len === 0 || len > GRAPH_MAX || cap > buffer.byteLength)
            return this.wasm.check(OFF, len, names, LENGTHS, count, focus.bits, TAILS);
        const edges = out + 16 + 64 * lines;
        // A stamp is an i32 in the tables: before it would wrap, the tables start afresh.
        if (++this.stamp > 0x7fffffff) {
            new Uint8Array(buffer, ORDERS, OFF - ORDERS).fill(0);
            this.stamp = 1;
        }
        const answer = this.wasm.check(OFF, len, names, LENGTHS, count, focus.bits, TAILS, out, edges, cap, ORDERS, this.stamp, FILES);
        // The header read through one view of the memory: most calls are a dump with no focus name,
        // and a view made per call was an allocation per dump.
        if (this.words?.buffer !== buffer)
            this.words = new Int32Array(buffer);
        const header = out >> 2;
        if (answer < 0 || this.words[header + 3] === 0)
            return answer;
        return {
            lines: answer,
            base: OFF,
            nodes: new Int32Array(buffer, out + 16, NODE_RECORD * this.words[header]),
            edges: new Int32Array(buffer, edges, EDGE_RECORD * this.words[header + 1])
        };
    }
    /** Whether `view` is of the module's memory as it is now (growing it detaches older views). */
    holds(view) {
        return view.buffer === this.wasm.memory.buffer;
    }
}
let shared = null;
/** This thread's line check, made on first use; undefined without WebAssembly. */
function lineCheck() {
    if (shared === null)
        shared = LineCheck.create();
    return shared;
}

/**
 * One buffer per thread for every file read: a fresh Buffer per dump cost more in GC than the
 * read. It is the line check's memory where WebAssembly runs, so a dump is validated where it was
 * read (see acceptBytes).
 */
let scratch = room(1 << 20, undefined);
/** A scratch buffer of `capacity` bytes that keeps what `old` held. */
function room(capacity, old) {
    const check = lineCheck();
    if (!check) {
        const fresh = Buffer.allocUnsafe(capacity);
        old?.copy(fresh);
        return fresh;
    }
    // Growing the module's memory keeps its bytes (in a new ArrayBuffer): nothing to copy.
    const view = check.input(capacity);
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
/**
 * The file's bytes, at most `max`, valid until the next use of the line check's memory on this
 * thread (the next read, a check of other bytes, a graph read from a text: see LineCheck.input;
 * callers hash, search, decode or copy them at once). No fstat for the size: the read that
 * returns 0 is needed anyway, and a syscall per dump counts at 27,000 dumps.
 */
function readBytes(abs, max = Infinity) {
    // A check of bytes from elsewhere may have grown the memory since: this view is then detached
    // (empty), and a read into it would give every dump as empty.
    const check = lineCheck();
    if (check && !check.holds(scratch))
        scratch = room(1 << 20, undefined);
    const fd = openSync(abs, 'r');
    try {
        let n = 0;
        while (n < max) {
            if (n === scratch.length)
                scratch = room(2 * n, scratch);
            const got = readSync(fd, scratch, n, Math.min(scratch.length, max) - n, null);
            if (got === 0)
                break;
            n += got;
        }
        return scratch.subarray(0, n);
    }
    finally {
        closeSync(fd);
    }
}
/** Needles are a handful of ASCII names, met once per dump: their Buffers are made once. */
const needles = new Map();
function rawBytes(bytes) {
    return {
        find(needle, from) {
            let b = needles.get(needle);
            if (!b)
                needles.set(needle, (b = Buffer.from(needle, 'latin1')));
            return bytes.indexOf(b, from);
        },
        at: i => (i >= 0 && i < bytes.length ? bytes[i] : -1)
    };
}
function dumpBytes(bytes) {
    return { length: bytes.length, latin1: () => bytes.toString('latin1'), view: () => bytes };
}

/** Searches `files` (a share of the set's dumps) on this thread; unreadable ones are passed over. */
function searchNearNames(near, files) {
    for (const abs of files) {
        let bytes;
        try {
            bytes = readBytes(abs);
        }
        catch {
            continue;
        }
        near.addBytes(bytes);
    }
}

/**
 * How old (ms) a file's last change must be before its size, times and inode may stand for its bytes:
 * a change within the same tick of a coarse clock (1 s on some filesystems, 2 s on FAT) as the
 * read would leave them as they were (git's "racy" entries).
 */
const STABLE_MS = 3000;
/** KLP_AFFECTED_INDEX_STABLE_MS overrides STABLE_MS (tests, which cannot wait for old files). */
function stableWindow() {
    const v = process.env.KLP_AFFECTED_INDEX_STABLE_MS;
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : STABLE_MS;
}
/**
 * Filesystems (statfs `f_type`) whose change time is the inode's last change as this machine's
 * kernel set it, which no tool sets back: ext2/3/4, xfs, btrfs, tmpfs, overlayfs, zfs, f2fs.
 * Elsewhere it is not: squashfs, erofs and ISO 9660 report the stored mtime (and give the same tree
 * the same inodes), vfat the creation time, sshfs and object-store FUSE mounts the mtime, and an
 * NFS client cached attributes for up to a minute (only `open` asks the server again). There a
 * same-size copy that keeps the mtime (`cp -p`, `rsync -t`, reproducible images) would look
 * unchanged, so every dump is read.
 */
const CHANGE_TIME_KEPT = new Set([
    0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630, 0x2fc12fc1, 0xf2f52010
]);
/** By device: one statfs per filesystem. */
const keepsChangeTime = new Map();
function changeTimeKept(abs, dev) {
    let kept = keepsChangeTime.get(dev);
    if (kept === undefined) {
        try {
            kept = CHANGE_TIME_KEPT.has(Number(statfsSync(abs).type) >>> 0);
        }
        catch {
            kept = false;
        }
        keepsChangeTime.set(dev, kept);
    }
    return kept;
}
/**
 * What an entry's `stat` holds: the file's device, inode, size, and modification and change times
 * (ms, to a fraction of a microsecond), as seen before its bytes were read; undefined where they
 * cannot stand for the bytes: on a filesystem that does not keep the change time (above), or
 * while the change time is too recent to tell a later change from this one (`stableMs`). A change
 * after the read moves the change time past the read, so at least `stableMs` past the one kept:
 * an equal `stat` means the bytes the entry was made from. `ino`: the inode, exactly.
 */
function statKey(st, ino, stableMs, abs) {
    const changed = st.ctimeMs > st.mtimeMs ? st.ctimeMs : st.mtimeMs;
    if (changed > Date.now() - stableMs)
        return undefined;
    if (!changeTimeKept(abs, st.dev))
        return undefined;
    return `${st.dev}:${ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`;
}
/** The `statKey` of the file at `abs` now (throws as `statSync` does). */
function currentStatKey(abs, stableMs) {
    // Plain numbers: 64-bit stats took a warm `explain` at 2,711 dumps ~6 ms more, and nanoseconds
    // tell nothing the stable window does not. But an inode past 2^53 is not exact as a double
    // (overlayfs with `xino` numbers a lower layer's files from 2^63 up: a review made two trees
    // with one path and other bytes give one plain key), so such a file is asked again, in 64 bits.
    const st = statSync(abs);
    const ino = Number.isSafeInteger(st.ino)
        ? String(st.ino)
        : String(statSync(abs, { bigint: true }).ino);
    return statKey(st, ino, stableMs, abs);
}

/**
 * A C source or header a dump set carries beside its dumps: in a build folder, every file kbuild
 * generated (`include/generated/`, vdso images, `.vmlinux.export.c`, `*.mod.c`, selinux's
 * `flask.h`); in an archive, the ones the build job packed. The checkout has none of them, and a
 * header's reach must search the TUs that read them (see generated.ts).
 */
/** GCC numbers the dump after the pass (`000i` in GCC 8 to 14); any number is accepted. */
const DUMP_SUFFIX$1 = /\.\d{3}i\.ipa-clones$/;
function roleOf(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (DUMP_SUFFIX$1.test(base))
        return 'dump';
    if (base === 'modules.order')
        return 'modules-order';
    if (base === '.config')
        return 'config';
    if (base.endsWith('.mod'))
        return 'mod';
    // Only object compiles matter for the flag checks; `.vmlinux.cmd`, `.foo.ko.cmd` are link steps.
    if (base.startsWith('.') && base.endsWith('.o.cmd'))
        return 'cmd';
    // `.built-in.a.cmd`, `.lib.a.cmd`, `.vmlinux.a.cmd`: which objects each archive links in.
    if (base.startsWith('.') && base.endsWith('.a.cmd'))
        return 'archive';
    // `.vmlinux.lds.cmd`, `.asm-offsets.s.cmd`: what the linker scripts and offset generators read.
    if (base.startsWith('.') && (base.endsWith('.lds.cmd') || base.endsWith('.s.cmd')))
        return 'script';
    if (base === 'System.map' || base === 'kallsyms' || /\.(nm|syms|kallsyms)$/.test(base)) {
        return 'symbols';
    }
    return undefined;
}
/**
 * fixdep puts `cmd_`/`source_` first and the header dependency list after (up to ~75 KB in a 6.1
 * distribution build: selinux/hooks.o). The list is read whole, up to this cap, and kept compactly
 * (see HeaderDeps); a list cut by the cap counts as absent.
 */
const CMD_HEAD_BYTES = 1024 * 1024;
function trimCmd(text) {
    return text
        .split('\n')
        .filter(l => /^(?:saved)?cmd_|^source_/.test(l))
        .join('\n');
}

/**
 * What a path of interest is when it is not a regular file. A FIFO would hang the read and a
 * device could stream forever, so neither is opened; but skipping them quietly would drop a dump
 * from the set, so each is named.
 */
function special(e) {
    if (e.isFIFO())
        return 'a FIFO';
    if (e.isSocket())
        return 'a socket';
    if (e.isCharacterDevice())
        return 'a character device';
    if (e.isBlockDevice())
        return 'a block device';
    return 'of an unknown file type';
}
/** A folder sorts as its name plus `/`. */
function sortKey(e) {
    return e.isDirectory() ? `${e.name}/` : e.name;
}
/** `walkTree` in one go, for a thread that walks ahead of the one that wants it (see prewalk.ts). */
function walkTreeSync(root) {
    const walk = new FolderWalk(root, () => undefined);
    while (walk.step())
        ;
    return walk.out;
}
/**
 * The depth-first walk with its own stack, one folder read per `step` (where `walkTree` may
 * yield); a generator doing the same cost a cold walk of a kernel's 650 folders 3 ms more.
 */
class FolderWalk {
    onFile;
    out = { files: [], links: [], errors: [] };
    stack = [];
    // The root with a trailing separator, so that a file's path is the root's and its own joined
    // with no path.join (which normalizes: 200 ms on the main thread at 27,000 dumps).
    prefix;
    constructor(root, onFile) {
        this.onFile = onFile;
        this.prefix = walkPrefix(root);
        this.open(root, '');
    }
    /** Goes on to the next folder read: false when the walk is over. */
    step() {
        const { stack, out, prefix } = this;
        while (stack.length > 0) {
            const top = stack[stack.length - 1];
            if (top.at === top.entries.length) {
                stack.pop();
                continue;
            }
            const e = top.entries[top.at++];
            const path = top.rel ? `${top.rel}/${e.name}` : e.name;
            const role = roleOf(path);
            if (e.isDirectory()) {
                if (role)
                    out.errors.push({ rel: path, message: 'it is a directory, not a file' });
                if (this.open(prefix + path, path))
                    return true;
                continue;
            }
            if (!role)
                continue;
            if (e.isFile()) {
                const f = { abs: prefix + path, rel: path, role };
                out.files.push(f);
                this.onFile(f);
            }
            // Followed links could pull in any file on the runner; O= build trees also carry a `source`
            // link to the whole source tree, which must not be walked. Links of no interest are ignored.
            else if (e.isSymbolicLink())
                out.links.push(path);
            else
                out.errors.push({ rel: path, message: `it is ${special(e)}, not a regular file` });
        }
        return false;
    }
    /** Reads a folder onto the stack: false when it cannot be read (an error of the walk). */
    open(dir, rel) {
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        }
        catch (error) {
            this.out.errors.push({ rel: rel || '.', message: error.message });
            return false;
        }
        entries.sort((a, b) => {
            const ka = sortKey(a);
            const kb = sortKey(b);
            return ka < kb ? -1 : ka > kb ? 1 : 0;
        });
        this.stack.push({ entries, at: 0, rel });
        return true;
    }
}
/** What a file's root-relative path is joined to for its absolute one. */
function walkPrefix(root) {
    return join(root, 'x').slice(0, -1);
}

/** A file the walking thread took no stat key of (the reader stats it). */
const NOT_STATTED = '\u0001';
/** On the thread: the reply to a walk request. */
function walkReply(request) {
    const w = walkTreeSync(request.walk);
    const walk = {
        files: w.files.map(f => f.rel).join('\0'),
        roles: w.files.map(f => f.role).join('\0'),
        links: w.links,
        errors: w.errors
    };
    if (request.stat) {
        const stableMs = stableWindow();
        walk.stats = w.files
            .map(f => (f.role === 'dump' ? statOf(f.abs, stableMs) : NOT_STATTED))
            .join('\0');
    }
    return { walked: request.walk, walk };
}
function statOf(abs, stableMs) {
    try {
        return currentStatKey(abs, stableMs) ?? '';
    }
    catch {
        return NOT_STATTED;
    }
}

/**
 * What a compact graph holds in memory, about: its arrays, and per string its characters and 64
 * bytes (V8's header, the list's slot, the lists' spare room: measured on the bench patch's 96
 * kept kernel dumps, 4.7 MB held against 4.65 estimated, 61 % of their text). What a kept graph
 * counts against the kept-text budget (see HeldText.graph).
 */
function graphBytes(g) {
    let n = g.nodes.byteLength + g.edges.byteLength;
    for (const list of [g.names, g.files, g.reasons])
        for (const x of list)
            n += 64 + x.length;
    return n;
}

/**
 * `into.push(...from)` passes every element as an argument: V8 throws RangeError (call stack size)
 * somewhere past ~120,000 of them, which a distribution-scale report reaches. A loop has no limit.
 */
/**
 * An empty list to share where most answers have none (a clean dump's findings, its focus names,
 * an entry's error lists): at 27,000 dumps, fresh empty arrays outlived the young generation by
 * the tens of thousands. Frozen: whoever pushes to it throws.
 */
const NONE = Object.freeze([]);

/**
 * Scanner for the lines of a GCC `-fdump-ipa-clones` dump, written for speed: it works on offsets into
 * the dump's text and fills a caller-owned array, so scanning a 700 MB dump set allocates nothing per
 * line beyond the names the index keeps.
 *
 * GCC 8+ (cgraphclones.cc `dump_callgraph_transformation`, cgraph.cc `cgraph_node::remove`) writes
 *   Callgraph clone;<orig>;<order>;<file>;<line>;<col>;<new>;<order>;<file>;<line>;<col>;<reason>
 *   Callgraph removal;<name>;<order>;<file>;<line>;<col>
 * and the GCC 7 patches that introduced the dump wrote the clone line with two extra marker fields:
 *   Callgraph clone;<orig>;<order>;<file>;<line>;<col>;<-;<new>;<order>;<file>;<line>;<col>;optimization:;<reason>
 * Both are accepted; the markers are checked, not assumed.
 */
const LINE_CLONE = 1;
const LINE_REMOVAL = 2;
const LAYOUT_12 = {
    origName: 1,
    origOrder: 2,
    origFile: 3,
    origLine: 4,
    newName: 6,
    newOrder: 7,
    newFile: 8,
    newLine: 9,
    reason: 11
};
const LAYOUT_14 = {
    origName: 1,
    origOrder: 2,
    origFile: 3,
    origLine: 4,
    newName: 7,
    newOrder: 8,
    newFile: 9,
    newLine: 10,
    reason: 13
};
const CLONE_PREFIX_LEN = 'Callgraph clone;'.length;
const REMOVAL_PREFIX_LEN = 'Callgraph removal;'.length;
const C_UPPER = 67;
const C_LOWER = 99;
const R_LOWER = 114;
const SPACE = 32;
/** Character codes both line readers (this one and raw-accept.ts on bytes) test. */
const SEMI$1 = 59;
const ZERO = 48;
const NINE = 57;
/** Largest field count any accepted line has; a `cuts` array must hold this many entries. */
const MAX_FIELDS = 14;
/**
 * Scans `text[start, end)` (one line, without its newline). `cuts[i]` receives the offset of the
 * `;` that ends field i (the last field ends at `end`). Reuses `out` to avoid an allocation per line.
 */
function scanLine(text, start, end, cuts, out) {
    out.kind = 0;
    out.error = '';
    // Spot checks of the prefix instead of a full compare: this runs once per line of every dump.
    let expected;
    const kindChar = text.charCodeAt(start + 10);
    if (text.charCodeAt(start) !== C_UPPER || text.charCodeAt(start + 9) !== SPACE)
        expected = 0;
    else if (kindChar === C_LOWER && text.charCodeAt(start + CLONE_PREFIX_LEN - 1) === SEMI$1)
        expected = 12;
    else if (kindChar === R_LOWER && text.charCodeAt(start + REMOVAL_PREFIX_LEN - 1) === SEMI$1)
        expected = 6;
    else
        expected = 0;
    if (expected === 0) {
        out.error = 'not a "Callgraph clone" or "Callgraph removal" line';
        return out;
    }
    let n = 0;
    let p = start;
    for (;;) {
        const q = text.indexOf(';', p);
        if (q < 0 || q >= end)
            break;
        if (n === MAX_FIELDS) {
            out.error = `more than ${MAX_FIELDS} fields`;
            return out;
        }
        cuts[n++] = q;
        p = q + 1;
    }
    cuts[n] = end;
    const fields = n + 1;
    if (expected === 6) {
        if (fields !== 6)
            return fail(out, `removal line has ${fields} fields, expected 6`);
        if (!checkNode(text, start, cuts, 1, out))
            return out;
        out.kind = LINE_REMOVAL;
        out.layout = LAYOUT_12;
        return out;
    }
    let layout = LAYOUT_12;
    if (fields === 14) {
        if (!fieldIs(text, start, cuts, 6, '<-') || !fieldIs(text, start, cuts, 12, 'optimization:'))
            return fail(out, 'clone line has 14 fields but not the GCC 7 "<-" and "optimization:" markers');
        layout = LAYOUT_14;
    }
    else if (fields !== 12)
        return fail(out, `clone line has ${fields} fields, expected 12`);
    if (!checkNode(text, start, cuts, layout.origName, out))
        return out;
    if (!checkNode(text, start, cuts, layout.newName, out))
        return out;
    if (cuts[layout.reason] === fieldStart(start, cuts, layout.reason))
        return fail(out, 'empty clone reason');
    out.kind = LINE_CLONE;
    out.layout = layout;
    return out;
}
function fieldStart(lineStart, cuts, field) {
    return field === 0 ? lineStart : cuts[field - 1] + 1;
}
/** Start offset of a symbol name field, past the `*` GCC prints for asm names. */
function nameStart(text, lineStart, cuts, field) {
    const s = fieldStart(lineStart, cuts, field);
    return text.charCodeAt(s) === 42 ? s + 1 : s;
}
/** Parses the leading decimal digits of a field (a line or column may carry garbage after them). */
function fieldInt(text, lineStart, cuts, field) {
    let v = 0;
    for (let i = fieldStart(lineStart, cuts, field); i < cuts[field]; i++) {
        const c = text.charCodeAt(i);
        if (c < ZERO || c > NINE)
            break;
        v = v * 10 + c - ZERO;
    }
    return v;
}
function fail(out, error) {
    out.error = error;
    return out;
}
function fieldIs(text, lineStart, cuts, field, value) {
    const s = fieldStart(lineStart, cuts, field);
    return cuts[field] - s === value.length && text.startsWith(value, s);
}
/**
 * A node is `name;order;file;line;col` starting at `field`. The order (the node's identity) must be
 * all digits; line and column only need to start with one: checking every character of every field
 * would cost more than reading the dump, and a damaged line or column does not change the graph.
 */
function checkNode(text, lineStart, cuts, field, out) {
    const nameS = nameStart(text, lineStart, cuts, field);
    if (cuts[field] <= nameS)
        return !fail(out, `empty symbol name in field ${field + 1}`);
    const orderS = cuts[field] + 1;
    if (cuts[field + 1] === orderS)
        return !fail(out, `empty order in field ${field + 2}`);
    for (let i = orderS; i < cuts[field + 1]; i++) {
        const c = text.charCodeAt(i);
        if (c < ZERO || c > NINE)
            return !fail(out, `order in field ${field + 2} is not a number`);
    }
    if (cuts[field + 2] === cuts[field + 1] + 1)
        return !fail(out, `empty file name in field ${field + 3}`);
    if (!isDigit(text.charCodeAt(cuts[field + 2] + 1)))
        return !fail(out, `line in field ${field + 4} is not a number`);
    if (!isDigit(text.charCodeAt(cuts[field + 3] + 1)))
        return !fail(out, `column in field ${field + 5} is not a number`);
    return true;
}
function isDigit(c) {
    return c >= ZERO && c <= NINE;
}
/**
 * Calls `visit` with the start, end and 1-based number of each line of `text` that `scanLine`
 * accepts (its fields in `cuts`, its kind in `res`), until `visit` returns true; returns whether
 * one did. For the occasional pass over a decoded dump; the load's hot loop keeps its own.
 */
function someWellFormedLine(text, cuts, res, visit) {
    let pos = 0;
    let lineNo = 0;
    while (pos < text.length) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.length;
        const next = end + 1;
        if (end > pos && text.charCodeAt(end - 1) === 13)
            end--;
        lineNo++;
        if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0 && visit(pos, end, lineNo))
            return true;
        pos = next;
    }
    return false;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a slice of 13 or more
 * characters a view into its parent string: a node name cut from a dump kept the whole dump in
 * memory for as long as a report entry named it (a header inline at distribution scale: every dump
 * it is in). Flattening a concatenation copies the characters; the slice then points into that copy.
 */
function detach(s) {
    return s.length < 13 ? s : (s + ' ').slice(0, -1);
}

const NODE_FIELDS = 4;
const EDGE_FIELDS = 4;
/** The reason of most edges, which a compact edge gives as 0. */
const INLINE_REASON$1 = 'inlining to';
/**
 * A compact graph built from a dump's well-formed lines as a line loop meets them: `scanTuGraph`'s,
 * or a scan thread's validation of a dump it keeps (see DumpScanner), which then reads the text
 * once instead of twice. One at a time per thread: node ids by order live in shared, stamped
 * arrays (see OrderIds).
 */
class GraphReader {
    text;
    names = [];
    files = [];
    fileIds = new Map();
    reasons = [];
    reasonIds = new Map();
    nodes = new Quads();
    edges = new Quads();
    // A node is its (order, name): the order alone finds it without cutting the name out of the line
    // again; the name is compared in place, and a clash (never seen from GCC) falls back to both.
    byOrder = new OrderIds();
    byKey = new Map();
    // A dump's nodes come in runs of one file: the spelling met last is compared in place first.
    lastFile = '';
    lastFileId = -1;
    /** Per node of the last line read (origin, then a clone's new node): its order. */
    lineOrders = new Float64Array(2);
    /** Per node of the last line read: the id of the first node of its order if of its name, or -1. */
    lineKnown = new Int32Array(2);
    constructor(text) {
        this.text = text;
    }
    /** The line at `pos`, which `scanLine` read into `cuts` and `res` (not malformed), line `lineNo`. */
    line(pos, cuts, res, lineNo) {
        if (res.kind === LINE_REMOVAL)
            this.nodes.set(this.node(pos, cuts, 1, 0) * NODE_FIELDS + 3, 1);
        else if (res.kind === LINE_CLONE) {
            const { text } = this;
            const l = res.layout;
            const from = this.node(pos, cuts, l.origName, 0);
            const to = this.node(pos, cuts, l.newName, 1);
            const rs = fieldStart(pos, cuts, l.reason);
            let reason = 0;
            if (cuts[l.reason] - rs !== INLINE_REASON$1.length || !text.startsWith(INLINE_REASON$1, rs)) {
                const words = text.slice(rs, cuts[l.reason]);
                reason = this.reasonIds.get(words) ?? 0;
                if (reason === 0) {
                    this.reasons.push(detach(words));
                    reason = this.reasons.length;
                    this.reasonIds.set(words, reason);
                }
            }
            this.edges.push(from, to, reason, lineNo);
        }
    }
    done() {
        const { names, files, reasons } = this;
        return { names, files, reasons, nodes: this.nodes.done(), edges: this.edges.done() };
    }
    /** The order of the last line's `k`th node (0: field 1 or the clone's origin, 1: its new node). */
    order(k) {
        return this.lineOrders[k];
    }
    /**
     * The last line's `k`th node has the name of the first node of its order, and this line spells
     * its file `text[s, e)` as that node's first line did (see DumpConsistency.check).
     */
    asFirst(k, s, e) {
        const known = this.lineKnown[k];
        if (known < 0)
            return false;
        const file = this.files[this.nodes.get(known * NODE_FIELDS + 1)];
        return file.length === e - s && this.text.startsWith(file, s);
    }
    node(pos, cuts, field, k) {
        const { text, names } = this;
        const ns = nameStart(text, pos, cuts, field);
        const nameLen = cuts[field] - ns;
        const order = fieldInt(text, pos, cuts, field + 1);
        const known = this.byOrder.get(order);
        this.lineOrders[k] = order;
        this.lineKnown[k] = -1;
        if (known >= 0) {
            const n = names[known];
            if (n.length === nameLen && text.startsWith(n, ns)) {
                this.lineKnown[k] = known;
                return known;
            }
        }
        const name = detach(text.slice(ns, cuts[field]));
        // Only a second name for a known order needs the (order, name) key: most nodes skip building it.
        const key = known < 0 ? '' : `${order}\u0000${name}`;
        let id = known < 0 ? undefined : this.byKey.get(key);
        if (id === undefined) {
            id = names.length;
            names.push(name);
            const file = this.fileId(fieldStart(pos, cuts, field + 2), cuts[field + 2]);
            this.nodes.push(order, file, fieldInt(text, pos, cuts, field + 3), 0);
            if (known < 0)
                this.byOrder.set(order, id);
            else
                this.byKey.set(key, id);
        }
        return id;
    }
    fileId(s, e) {
        const { text } = this;
        if (this.lastFile.length === e - s && text.startsWith(this.lastFile, s))
            return this.lastFileId;
        const spelled = text.slice(s, e);
        let id = this.fileIds.get(spelled);
        if (id === undefined) {
            id = this.files.length;
            this.files.push(detach(spelled));
            this.fileIds.set(spelled, id);
        }
        this.lastFile = spelled;
        this.lastFileId = id;
        return id;
    }
}
/** A growing Float64Array of records of four numbers (NODE_FIELDS, EDGE_FIELDS). */
class Quads {
    a = new Float64Array(1024);
    n = 0;
    push(a, b, c, d) {
        if (this.n + 4 > this.a.length) {
            const grown = new Float64Array(this.a.length * 2);
            grown.set(this.a);
            this.a = grown;
        }
        const at = this.n;
        this.a[at] = a;
        this.a[at + 1] = b;
        this.a[at + 2] = c;
        this.a[at + 3] = d;
        this.n += 4;
    }
    set(i, v) {
        this.a[i] = v;
    }
    get(i) {
        return this.a[i];
    }
    /** The records, in an array of their own size. */
    done() {
        return this.a.slice(0, this.n);
    }
}
const MAX_INDEXED_ORDER = 1 << 20;
/**
 * Node ids by order for the graph being read. GCC's orders are a TU's symbol count at most, so an
 * array indexed by order (stamped per graph, never cleared) beats a Map; a larger order (never seen
 * from GCC) goes to a Map.
 */
class OrderIds {
    static ids = new Int32Array(4096);
    static stamps = new Int32Array(4096);
    static graphs = 0;
    stamp = ++OrderIds.graphs;
    large = new Map();
    /** The id of the node first met with this order, or -1. */
    get(order) {
        if (order >= MAX_INDEXED_ORDER)
            return this.large.get(order) ?? -1;
        return order < OrderIds.ids.length && OrderIds.stamps[order] === this.stamp
            ? OrderIds.ids[order]
            : -1;
    }
    set(order, id) {
        if (order >= MAX_INDEXED_ORDER) {
            this.large.set(order, id);
            return;
        }
        if (order >= OrderIds.ids.length) {
            let size = OrderIds.ids.length;
            while (size <= order)
                size *= 2;
            const ids = new Int32Array(size);
            ids.set(OrderIds.ids);
            const stamps = new Int32Array(size);
            stamps.set(OrderIds.stamps);
            OrderIds.ids = ids;
            OrderIds.stamps = stamps;
        }
        OrderIds.ids[order] = id;
        OrderIds.stamps[order] = this.stamp;
    }
}

const INLINE_REASON = 'inlining to';
const MAX_INDEXED = 1 << 20;
const REPLACEMENT_CHAR = 0xfffd;
/**
 * Checks across the lines of one dump what a single line cannot show. GCC gives every cgraph node
 * of a TU its own `order` (symtab_node::order), so one order names one symbol in one file; and a
 * clone line (reason other than `inlining to`, whose second node is the existing caller) creates
 * its clone, so the clone's order appears nowhere before it. Both held on every line of the 2,711
 * dumps of a Debian 6.1 build. A dump edited by hand, damaged or reordered breaks them while every
 * line still parses, and reading it anyway would drop or misjoin edges silently. Text decoded from
 * invalid UTF-8 carries U+FFFD, which GCC never writes. Works on offsets into the dump's text, like
 * the line scanner, so a clean line allocates nothing.
 */
class DumpConsistency {
    text = '';
    /**
     * Orders are small (a TU's symbol count), so the nodes seen are indexed by order in typed arrays:
     * `stamp[order] === dump` marks one seen in the current dump, without clearing between dumps.
     */
    stamp = new Int32Array(1024);
    /** Per order: name start, name end, file start, file end, first line. */
    data = new Int32Array(5 * 1024);
    /** Orders too large to index (never seen from GCC, but a damaged dump may have them). */
    large = new Map();
    dump = 0;
    nextBad = -1;
    /**
     * No line of this dump has failed a check yet: then every node of every well-formed line so far
     * was recorded here, as a graph reader of the same lines records them, and the first node of an
     * order is the same to both.
     */
    clean = true;
    /** Starts a new dump. */
    reset(text) {
        this.text = text;
        this.dump++;
        this.large.clear();
        this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR));
        this.clean = true;
    }
    /**
     * The error of a line that scanned well but contradicts the dump (or its encoding), or ''.
     * `read`: a graph reader read this line just before; its answers spare comparing the line's
     * nodes to their first lines character by character while the dump is clean.
     */
    check(start, end, cuts, res, lineNo, read) {
        const error = this.lineError(start, end, cuts, res, lineNo, read);
        if (error !== '')
            this.clean = false;
        return error;
    }
    lineError(start, end, cuts, res, lineNo, read) {
        const { text } = this;
        if (this.nextBad >= 0 && this.nextBad < start)
            this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR), start);
        if (this.nextBad >= start && this.nextBad < end)
            return 'invalid UTF-8 (decoded as U+FFFD), which GCC never writes';
        const fast = this.clean ? read : undefined;
        if (res.kind !== LINE_CLONE)
            return this.node(start, cuts, 1, lineNo, false, fast, 0);
        const l = res.layout;
        const rs = fieldStart(start, cuts, l.reason);
        const inline = cuts[l.reason] - rs === INLINE_REASON.length && text.startsWith(INLINE_REASON, rs);
        return (this.node(start, cuts, l.origName, lineNo, false, fast, 0) ||
            this.node(start, cuts, l.newName, lineNo, !inline, fast, 1));
    }
    node(start, cuts, field, lineNo, creates, read, k) {
        const { text } = this;
        const order = read ? read.order(k) : fieldInt(text, start, cuts, field + 1);
        const fs = cuts[field + 1] + 1;
        const fe = cuts[field + 2];
        let d = this.data;
        let at = order * 5;
        if (order >= MAX_INDEXED) {
            const big = this.large.get(order);
            if (big === undefined) {
                this.add(order, nameStart(text, start, cuts, field), cuts[field], fs, fe, lineNo);
                return '';
            }
            d = big;
            at = 0;
        }
        else if (order >= this.stamp.length || this.stamp[order] !== this.dump) {
            this.add(order, nameStart(text, start, cuts, field), cuts[field], fs, fe, lineNo);
            return '';
        }
        // The reader compared name and file to its first node of this order, which is this one's.
        if (!creates && read?.asFirst(k, fs, fe))
            return '';
        const ns = nameStart(text, start, cuts, field);
        const ne = cuts[field];
        if (creates)
            return (`clone ${text.slice(ns, ne)} (order ${order}) is created here but already used at line ` +
                `${d[at + 4]}: lines out of order`);
        // `name;order;file` is one run of text and the orders are equal: one compare for the common case.
        if (same(text, d[at], d[at + 3], ns, fe))
            return '';
        if (!same(text, d[at], d[at + 1], ns, ne))
            return (`order ${order} names ${text.slice(ns, ne)} here but ${text.slice(d[at], d[at + 1])} at ` +
                `line ${d[at + 4]}: one order is one symbol in a dump`);
        if (!same(text, d[at + 2], d[at + 3], fs, fe))
            return (`order ${order} (${text.slice(ns, ne)}) is in ${text.slice(fs, fe)} here but in ` +
                `${text.slice(d[at + 2], d[at + 3])} at line ${d[at + 4]}: one order is one file in a dump`);
        return '';
    }
    add(order, ns, ne, fs, fe, line) {
        let d;
        let at = 0;
        if (order >= MAX_INDEXED) {
            d = new Int32Array(5);
            this.large.set(order, d);
        }
        else {
            if (order >= this.stamp.length)
                this.grow(order);
            this.stamp[order] = this.dump;
            d = this.data;
            at = order * 5;
        }
        d[at] = ns;
        d[at + 1] = ne;
        d[at + 2] = fs;
        d[at + 3] = fe;
        d[at + 4] = line;
    }
    grow(order) {
        let size = this.stamp.length;
        while (size <= order)
            size *= 2;
        const stamp = new Int32Array(size);
        stamp.set(this.stamp);
        const data = new Int32Array(size * 5);
        data.set(this.data);
        this.stamp = stamp;
        this.data = data;
    }
}
function same(text, as, ae, bs, be) {
    if (ae - as !== be - bs)
        return false;
    for (let i = 0; i < ae - as; i++)
        if (text.charCodeAt(as + i) !== text.charCodeAt(bs + i))
            return false;
    return true;
}

/**
 * Turns a path as GCC or an archive spelled it (`./include/linux/skbuff.h`, `a/b/../c.c`) into a
 * repository-relative one. Absolute paths and build-dir prefixes are stripped by the caller, which
 * knows the prefix (see dumps); this only removes `.`/`..` segments and duplicate slashes.
 */
function normalizePath(path) {
    // Most paths are already normal; the loader asks for every file of 27,000-dump sets.
    if (isNormal(path))
        return path;
    const out = [];
    for (const seg of path.replace(/\\/g, '/').split('/')) {
        if (seg === '' || seg === '.')
            continue;
        if (seg === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else
                out.push('..');
            continue;
        }
        out.push(seg);
    }
    return out.join('/');
}
/** The last segment of a path: what a FILE symbol names a TU by (`net/core/dev.c` is `dev.c`). */
function fileName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
const SLASH$2 = 47;
const DOT$2 = 46;
const BACKSLASH = 92;
/** No `\\`, no empty, `.` or `..` segment: what the loop above would return unchanged. */
function isNormal(path) {
    let segStart = 0;
    for (let i = 0; i <= path.length; i++) {
        const c = i < path.length ? path.charCodeAt(i) : SLASH$2;
        if (c === BACKSLASH)
            return false;
        if (c !== SLASH$2)
            continue;
        const len = i - segStart;
        if (len === 0)
            return false;
        if (path.charCodeAt(segStart) === DOT$2 &&
            (len === 1 || (len === 2 && path.charCodeAt(segStart + 1) === DOT$2)))
            return false;
        segStart = i + 1;
    }
    return true;
}

const DUMP_SUFFIX = /\.\d{3}i\.ipa-clones$/;
const WPA = /\.wpa$/;
const LTRANS = /\.ltrans(\d+)\.ltrans$/;
function classifyDumpPath(path) {
    const name = normalizePath(path).replace(DUMP_SUFFIX, '');
    if (WPA.test(name))
        return { stage: 'wpa', name, partition: -1 };
    const m = LTRANS.exec(name);
    if (m)
        return { stage: 'ltrans', name, partition: Number(m[1]) };
    return { stage: 'tu', name, partition: -1 };
}
/**
 * How many leading components of `tu` are not part of the tree the dump's own file names are
 * relative to (an archive's top folder such as `linux-6.1/`), judged by the file GCC wrote for the
 * TU's own functions. Returns undefined when the dump does not name its own TU (empty dumps, dumps
 * with header functions only).
 */
function foreignPrefixDepth(tu, text) {
    if (text.length === 0)
        return undefined;
    const parts = tu.split('/');
    let slashMatch;
    for (let k = 0; k < parts.length; k++) {
        const cand = parts.slice(k).join('/') + ';';
        // `;net/ipv4/tcp.c;` or `;./net/ipv4/tcp.c;`: GCC ran from the tree root, spelled relative.
        if (text.includes(';' + cand) || text.includes(';./' + cand))
            return k;
        // `/abs/linux/net/ipv4/tcp.c;`: the root is unknown; keep the longest suffix that fits.
        if (slashMatch === undefined && text.includes('/' + cand))
            slashMatch = k;
    }
    return slashMatch;
}

/** Names this long or longer skip the bitmap (none in a kernel build; still matched, by the set). */
const MAX_NAME = 256;
const SLASH$1 = 47;
const DOT$1 = 46;
/**
 * Tells, per dump-line field, whether it names a focus symbol or file. Runs on every line of every
 * dump, so the common miss costs a typed-array read: names are keyed by length and first character,
 * files by the two characters before their extension.
 */
class FocusMatcher {
    names;
    files;
    longNames;
    nameBits = new Uint8Array(MAX_NAME * 128);
    fileBits = new Uint8Array(128 * 128);
    constructor(focus) {
        this.names = new Set(focus.names);
        this.files = new Set([...focus.files].map(normalizePath));
        this.longNames = [...this.names].some(n => n.length >= MAX_NAME);
        for (const n of this.names) {
            if (n.length > 0 && n.length < MAX_NAME)
                this.nameBits[n.length * 128 + (n.charCodeAt(0) & 127)] = 1;
        }
        for (const f of this.files)
            this.fileBits[tailKey(f, 0, f.length)] = 1;
    }
    /** `text[s, e)` is a name field without its `*`. */
    name(text, s, e) {
        const len = e - s;
        if (len >= MAX_NAME)
            return this.longNames && this.names.has(text.slice(s, e));
        if (this.nameBits[len * 128 + (text.charCodeAt(s) & 127)] === 0)
            return false;
        return this.names.has(text.slice(s, e));
    }
    /** `text[s, e)` is a file field as GCC spelled it (`./`, `../`, absolute in out-of-tree builds). */
    file(text, s, e) {
        if (e - s < 3 || this.fileBits[tailKey(text, s, e)] === 0)
            return false;
        for (const f of this.files) {
            const at = e - f.length;
            if (at >= s && text.startsWith(f, at) && (at === s || text.charCodeAt(at - 1) === SLASH$1))
                return true;
        }
        // `drivers/x/../y.c` (a relative #include) needs normalizing; plain spellings do not.
        return hasDotSegment(text, s, e) && this.path(text.slice(s, e));
    }
    /**
     * A dump's or a field's path names a focus file, whatever leading folders it carries (and, for
     * the compile-stage dumps of a one-shot LTO build, `prog-a.c`, whatever output name).
     */
    path(spelled) {
        const n = normalizePath(spelled);
        if (this.files.has(n))
            return true;
        const slash = n.lastIndexOf('/');
        const dir = n.slice(0, slash + 1);
        const base = n.slice(slash + 1);
        for (const f of this.files) {
            if (n.length > f.length && n.endsWith(f) && n.charCodeAt(n.length - f.length - 1) === SLASH$1)
                return true;
            // `sub/prog-a.c` is the compile-stage dump of `sub/a.c` in `gcc -flto sub/a.c -o sub/prog`.
            const fSlash = f.lastIndexOf('/');
            const fDir = f.slice(0, fSlash + 1);
            if (base.endsWith('-' + f.slice(fSlash + 1)) && (dir === fDir || dir.endsWith('/' + fDir)))
                return true;
        }
        return false;
    }
}
function hasDotSegment(text, s, e) {
    for (let i = s + 1; i < e; i++) {
        if (text.charCodeAt(i) === DOT$1 && text.charCodeAt(i - 1) === SLASH$1)
            return true;
    }
    return false;
}
/**
 * `net/ipv4/route.c` -> key of `t` and `e` (the stem's last two characters; 0 past the start of
 * the stem, so `./a.c`, `/abs/a.c` and `a.c` share the key of `a.c`).
 */
function tailKey(text, s, e) {
    const dot = e - 2;
    const b = stemChar(text, s, dot - 1);
    const a = b === 0 ? 0 : stemChar(text, s, dot - 2);
    return a * 128 + b;
}
function stemChar(text, s, i) {
    if (i < s)
        return 0;
    const c = text.charCodeAt(i);
    return c === SLASH$1 ? 0 : c & 127;
}

/** Occurrences of the TU's base name looked at: every node of the TU repeats one spelling. */
const MAX_LOOKS = 8;
/**
 * The rename the dump's own lines ask for. GCC writes the file of each node as its command line
 * spelled the source: run from the project root, that is the TU's path relative to the root
 * (`src/net.c`), wherever the build put the dump (`build/src/net.c.000i.ipa-clones`, or
 * `net.c.000i.ipa-clones` when the build folder itself is the input). A spelling through `..` or
 * an absolute one does not say where the root is: then only a foreign leading folder of the dump
 * path is learned (an archive's top folder), as far as the spelling shows it. Undefined when the
 * dump does not name its own file.
 */
function ownRename(tu, text) {
    const spelled = cleanSpelling(tu, text);
    if (spelled === undefined) {
        const drop = foreignPrefixDepth(tu, text);
        return drop === undefined ? undefined : { drop, prepend: '' };
    }
    const have = tu.split('/');
    const want = spelled.split('/');
    let shared = 0;
    while (shared < have.length &&
        shared < want.length &&
        have[have.length - 1 - shared] === want[want.length - 1 - shared])
        shared++;
    return { drop: have.length - shared, prepend: want.slice(0, want.length - shared).join('/') };
}
/** The TU's own file as a relative, `..`-free spelling (`./` and `a/../` resolved), if the dump has one. */
function cleanSpelling(tu, text) {
    const base = tu.slice(tu.lastIndexOf('/') + 1);
    let looks = 0;
    for (const needle of [`;${base};`, `/${base};`]) {
        for (let at = text.indexOf(needle); at >= 0 && looks < MAX_LOOKS; looks++) {
            const start = needle[0] === ';' ? at + 1 : text.lastIndexOf(';', at) + 1;
            const field = text.slice(start, at + needle.length - 1);
            if (start > 0 && !field.includes('\n') && !field.startsWith('/')) {
                const path = normalizePath(field);
                if (!path.startsWith('..'))
                    return path;
            }
            at = text.indexOf(needle, at + 1);
        }
    }
    return undefined;
}

/** `s` as a regular expression that matches exactly `s`. */
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The compact graph of a dump the line check read (LineCheck.graph), made of its records and the
 * dump's text: what GraphReader makes of the same lines (names, files and reasons in the order
 * first met, nodes in the order first named), the module having done the per-line work (fields,
 * numbers, each occurrence of a node compared with its first).
 */
function recordedGraph(text, records) {
    const { base } = records;
    const count = records.nodes.length / NODE_RECORD;
    const names = [];
    const files = [];
    const nodes = new Float64Array(count * NODE_FIELDS);
    for (let i = 0, r = 0; i < count; i++, r += NODE_RECORD) {
        const n = records.nodes;
        names.push(detach(text.slice(n[r + 1] - base, n[r + 2] - base)));
        // Numbered by the module in the order new nodes name them: a new one is the next.
        const file = n[r + 7];
        if (file === files.length)
            files.push(detach(text.slice(n[r + 3] - base, n[r + 4] - base)));
        const at = i * NODE_FIELDS;
        nodes[at] = n[r];
        nodes[at + 1] = file;
        nodes[at + 2] = n[r + 5];
        nodes[at + 3] = n[r + 6];
    }
    const reasons = [];
    const reasonIds = new Map();
    const edgeCount = records.edges.length / EDGE_RECORD;
    const edges = new Float64Array(edgeCount * EDGE_FIELDS);
    for (let i = 0, r = 0; i < edgeCount; i++, r += EDGE_RECORD) {
        const e = records.edges;
        let reason = 0;
        if (e[r + 2] !== 0) {
            const words = text.slice(e[r + 2] - base, e[r + 3] - base);
            reason = reasonIds.get(words) ?? 0;
            if (reason === 0) {
                reasons.push(detach(words));
                reason = reasons.length;
                reasonIds.set(words, reason);
            }
        }
        const at = i * EDGE_FIELDS;
        edges[at] = e[r];
        edges[at + 1] = e[r + 1];
        edges[at + 2] = reason;
        edges[at + 3] = e[r + 4];
    }
    return { names, files, reasons, nodes, edges };
}

/**
 * `acceptRaw` of a dump's bytes: by the compiled line check (core/line-check) where WebAssembly
 * runs, which needs no latin1 copy and validates twice as fast, else by the regular expression.
 * Both accept the same lines (a test compares them on fuzzed dumps); the check's focus filters
 * may refuse a line the expression accepts, which only costs a full scan.
 */
function acceptBytes(bytes, focus = PLAIN) {
    const check = lineCheck();
    return check ? check.check(bytes.view(), focus.lineFocus()) : acceptRaw(bytes.latin1(), focus);
}
/**
 * `acceptBytes`, and with `graph`, where the check refuses a dump for naming the focus, the dump
 * read as its graph in the same call where the line check can (see LineCheck.checkOrGraph): a
 * kept dump is then read once more, not twice, and not by the JavaScript scan. The text is the
 * bytes' latin1, which is their UTF-8 decoding (the module reads only ASCII), 5x faster.
 */
function acceptOrRead(bytes, focus, graph) {
    if (!graph)
        return acceptBytes(bytes, focus);
    const check = lineCheck();
    if (!check)
        return acceptRaw(bytes.latin1(), focus);
    const answer = check.checkOrGraph(bytes.view(), focus.lineFocus());
    return typeof answer === 'number' ? answer : readOf(bytes, answer, true);
}
function readOf(bytes, records, graph) {
    const text = bytes.latin1();
    return graph
        ? { lines: records.lines, text, graph: recordedGraph(text, records) }
        : { lines: records.lines, text };
}
/**
 * A dump every line of which the line check's module accepts and reads as its graph, with no
 * focus (LineCheck.graph): then no line is malformed and every line agrees with the rest (the
 * module reads only what GraphReader and DumpConsistency would accept alike), so a scan of it
 * has no finding. Its graph is made only when asked for. Undefined where the module cannot tell
 * (see LineCheck.graph): the full scan reads the dump and words what is wrong with it.
 */
function readWhole(bytes, graph) {
    const records = lineCheck()?.graph(bytes.view());
    return records && readOf(bytes, records, graph);
}
const NL = 10;
/**
 * How many non-empty lines `latin1` (a dump's bytes, see DumpBytes) has when every one of them is
 * a line `scanLine` accepts in its GCC 8+ form and, with a `focus`, none names a focus symbol or
 * file; else -1. The undecoded fast path of `DumpScanner.scanBytes`, for the dumps a query does
 * not read: decoding 700 MB of text only to validate it cost more than reading it.
 *
 * One regular expression per line (see `rawLinePattern`): V8 compiles it to machine code, which
 * validates twice as fast as a loop over the bytes in JavaScript did (1.1 against 2.3 ns a byte on
 * the 6.1 corpus, the copy to latin1 included). Stricter than `scanLine`, never laxer, so -1 only
 * sends a dump to the full scan, which words the findings: GCC 7's 14-field lines and carriage
 * returns are left to it. Every test is on an ASCII character (`;`, digits, `*`) or on a field
 * being empty, and UTF-8 decoding keeps each ASCII byte as that character and turns no other byte
 * into one, so a test on the latin1 text answers as the same test on the decoded text.
 */
function acceptRaw(latin1, focus = PLAIN) {
    const line = focus.line;
    const len = latin1.length;
    let lines = 0;
    let pos = 0;
    while (pos < len) {
        if (latin1.charCodeAt(pos) === NL) {
            pos++;
            continue;
        }
        line.lastIndex = pos;
        if (!line.test(latin1))
            return -1;
        pos = line.lastIndex;
        if (pos < len && latin1.charCodeAt(pos) !== NL)
            return -1;
        pos++;
        lines++;
    }
    return lines;
}
/** A compiled line test: the plain one, or one that also refuses a focus's names and files. */
class RawLineTest {
    expression;
    filters;
    names;
    bases;
    /**
     * `names`: symbol names a name field may not be (past its `*`); `bases`: base names a file
     * field may not end with. Any strings: they are escaped. One holding a `;` or a newline is
     * dropped: no field holds one (the expression would refuse a line that merely continued the
     * name in the next field). Each form is made on first use.
     */
    constructor(names = [], bases = []) {
        this.names = names.filter(fieldLike);
        this.bases = bases.filter(fieldLike);
    }
    get line() {
        return (this.expression ??= new RegExp(rawLinePattern(this.names, this.bases), 'y'));
    }
    lineFocus() {
        return (this.filters ??= new LineFocus(this.names, this.bases));
    }
}
function fieldLike(s) {
    return !s.includes(';') && !s.includes('\n');
}
const PLAIN = new RawLineTest();
/**
 * One line as `scanLine` accepts it (dump-line.ts; `F` is a field's character):
 *   Callgraph clone;NODE;NODE;REASON     Callgraph removal;NODE
 * where a NODE is `name;order;file;line;col`: a name that is not empty past one leading `*`, an
 * order of digits only, a file that is not empty, a line and a column that start with a digit.
 * The reason is not empty. A carriage return ending the line is refused (GCC never writes one;
 * the full scan says how such a line reads). A name equal to a focus name, or a file that ends
 * with a focus file's base name or with what normalizing drops after one (`route.c/`,
 * `route.c/.`, `route.c/x/..`), is refused, so a dump that may mention the focus is decoded.
 */
function rawLinePattern(names, bases) {
    const F = '[^;\\n]';
    const last = '[^;\\n\\r]';
    const notFocus = names.length > 0 ? `(?!(?:${names.map(escapeRegExp).join('|')});)` : '';
    const name = `(?:\\*${notFocus}${F}|${notFocus}[^;\\n*])${F}*`;
    const fileEnd = bases.length > 0
        ? `(?<!${[...bases.map(escapeRegExp), '/', '\\\\', '[/\\\\.]\\.'].join('|')})`
        : '';
    const node = (end) => `${name};\\d+;${F}+${fileEnd};\\d${F}*;\\d${end}`;
    return (`(?:Callgraph clone;${node(`${F}*`)};${node(`${F}*`)};${F}*${last}` +
        `|Callgraph removal;${node(`(?:${F}*${last})?`)})`);
}

/** More names than this and a native search per name costs more than validating the dump. */
const MAX_PREFILTER_NAMES = 32;
const SEMI = 59;
const STAR = 42;
/**
 * A test on a dump's raw bytes that is true whenever the focus could match one of its lines (and
 * sometimes when it cannot): kgraft-analysis-tool's grep before parsing. Only a dump it rules out
 * skips decoding. A name field is `;name;` or `;*name;` (dump-line.ts); a file field that matches
 * ends with the focus file's base name, and normalizing (FocusMatcher.path) keeps that base name,
 * so its bytes are in the dump. Decoded text holds an ASCII needle exactly where the bytes do; a
 * needle that is not printable ASCII turns the test off (always true).
 */
class RawPrefilter {
    names;
    bases;
    /** False: every dump must be decoded. */
    active;
    constructor(focus) {
        const needles = rawNeedles(focus);
        this.names = needles.names.map(n => `${n};`);
        this.bases = needles.bases;
        this.active = needles.ascii && focus.names.size <= MAX_PREFILTER_NAMES;
    }
    /** False only when no line of these bytes can name a focus symbol or file. */
    mayMention(bytes) {
        if (!this.active)
            return true;
        for (const needle of this.names) {
            for (let at = bytes.find(needle, 0); at >= 0; at = bytes.find(needle, at + 1)) {
                const before = bytes.at(at - 1);
                if (before === SEMI || (before === STAR && bytes.at(at - 2) === SEMI))
                    return true;
            }
        }
        return this.bases.some(base => bytes.find(base, 0) >= 0);
    }
}
/**
 * What a test on a dump's raw bytes looks for: the focus names, and the base names of the focus
 * files (normalizing keeps a path's base name, so a field that matches ends with it). `ascii`: all
 * are printable ASCII (and the base names non-empty), so each sits in the bytes exactly where the
 * decoded text has it; otherwise no raw test can stand in for the decoded one.
 */
function rawNeedles(focus) {
    const names = [...focus.names];
    const bases = [...focus.files].map(f => fileName(normalizePath(f)));
    return { names, bases, ascii: names.every(ascii) && bases.every(b => b !== '' && ascii(b)) };
}
function ascii(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 32 || c > 126)
            return false;
    }
    return true;
}

/**
 * FocusMatcher's test on undecoded fields, for `acceptRaw`: refuses a line whenever the matcher
 * could say yes for the decoded field (and sometimes when it would not). A name field matches when
 * its bytes are a focus name's (decoding maps ASCII bytes to themselves and no other byte to ASCII,
 * so for an ASCII name that is the matcher's own test); a file field may match when it ends with a
 * focus file's base name, which normalizing keeps (the prefilter's rule, see raw-prefilter.ts). A
 * focus with a name or base name that is not printable ASCII turns the test off (`active` false).
 */
class RawFocus extends RawLineTest {
    active;
    constructor(focus) {
        const needles = rawNeedles(focus);
        super(needles.ascii ? needles.names : [], needles.ascii ? needles.bases : []);
        this.active = needles.ascii;
    }
}

/** Malformed lines reported one by one per dump before a single summary finding takes over. */
const MALFORMED_DETAIL_LIMIT = 20;
/** Non-empty dumps sampled to learn a foreign leading folder of the dump paths (see DumpSet). */
const PREFIX_SAMPLE = 64;
/**
 * A dump that is not kept, has `lines` lines and no finding, and was no path sample: most dumps
 * of a query. `focused`: the scan had a focus (it lists the focus names a dump holds: none).
 */
function unreadDump(path, lines, focused) {
    const out = { path, text: '', kept: false, lines, findings: NONE, sampled: false };
    out.names = NONE;
    return out;
}
/**
 * Validates every line of a dump and tells whether the focus wants its text. Holds no state across
 * dumps but scratch space and how many prefix samples it took, so scanners on several threads,
 * each fed its dumps in path order, give the same answers as one (see DumpSet.addScanned).
 */
class DumpScanner {
    label;
    focus;
    rawFocus;
    cuts = new Int32Array(MAX_FIELDS + 1);
    consistency = new DumpConsistency();
    res = {
        kind: 0,
        layout: undefined,
        error: ''
    };
    samples = 0;
    constructor(label, focus) {
        this.label = label;
        this.focus = focus && new FocusMatcher(focus);
        this.rawFocus = this.focus && new RawFocus(this.focus);
    }
    /**
     * `scan` of a dump read as bytes. A dump the focus cannot want, whose lines all pass `acceptBytes`
     * and none of which may name a focus symbol or file, is answered undecoded, as `scan` would: not
     * kept, no finding; a path-prefix sample among them is decoded for `ownRename` alone. Any other
     * is decoded and scanned.
     */
    scanBytes(path, bytes, decode, graph = false) {
        const { focus, rawFocus } = this;
        // No focus (`explain --all`, a header change that keeps every dump): every dump is kept whole,
        // and one the module reads as a graph needs no line loop (36 ns a byte in JavaScript, a fifth
        // of a kernel's `explain --all`).
        if (!focus && bytes.length > 0) {
            const whole = readWhole(bytes, graph);
            if (whole)
                return this.fromRead(path, whole, true);
        }
        let likelyKept = false;
        if (focus && rawFocus?.active && bytes.length > 0) {
            const answer = wantsWhole(focus, path) ? -1 : acceptOrRead(bytes, rawFocus, graph);
            if (typeof answer !== 'number')
                return this.recorded(path, focus, answer);
            if (answer >= 0) {
                const out = unreadDump(path, answer);
                if (this.samples < PREFIX_SAMPLE)
                    this.sample(out, classifyDumpPath(path), decode());
                return out;
            }
            // Refused: nearly always because a line names the focus (a malformed line or a filter's
            // false positive are rare), so the cross-line checks go in the same pass (see `lines`).
            likelyKept = true;
        }
        return this.scan(path, decode(), graph, likelyKept);
    }
    /**
     * `scan` of a dump the line check read whole (see LineCheck.graph): then every line is well
     * formed and agrees with the rest, so there is no finding. `kept`: the query wants it (its text,
     * and its graph when read).
     */
    fromRead(path, read, kept) {
        const out = {
            path,
            text: kept ? read.text : '',
            kept,
            lines: read.lines,
            findings: [],
            sampled: false
        };
        if (this.samples < PREFIX_SAMPLE)
            this.sample(out, classifyDumpPath(path), read.text);
        if (kept && read.graph)
            out.graph = read.graph;
        return out;
    }
    /**
     * `fromRead` of a dump the line check read with its graph because a line may name the focus:
     * kept exactly when a node does (each occurrence of a node spells its first one's name and
     * file). In JavaScript the kept dumps' line loop was most of a focused load's time at
     * distribution scale (~575 µs a kept dump, 960 of them for the bench patch at 10x). Where the
     * check cannot read the graph, the full scan reads the dump.
     */
    recorded(path, focus, read) {
        const kept = graphMentions(focus, read.graph);
        const out = this.fromRead(path, read, kept);
        out.names = kept ? graphFocusNames(focus, read.graph) : [];
        return out;
    }
    /**
     * path: relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones'). `graph`: a kept
     * dump's compact graph is read in the same pass (`ScannedDump.graph`). `likelyKept`: the dump
     * probably is kept, so its cross-line checks run in the validating pass (their findings held
     * back until it is), instead of in a second pass once a focus name made it kept.
     */
    scan(path, input, graph = false, likelyKept = false) {
        // Editors and some archivers prepend a byte-order mark; GCC never writes one.
        const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
        const info = classifyDumpPath(path);
        const out = { path, text: '', kept: false, lines: 0, findings: [], sampled: false };
        if (this.focus)
            out.names = [];
        // The first PREFIX_SAMPLE non-empty TU dumps with an answer vote; this scanner's first ones
        // include every one of them it was given.
        if (this.samples < PREFIX_SAMPLE)
            this.sample(out, info, text);
        const wanted = wantsWhole(this.focus, path);
        // An empty dump has nothing to drop: its (empty) graph is a true answer.
        const reader = graph ? new GraphReader(text) : undefined;
        out.kept = this.lines(out, text, wanted || text.length === 0, likelyKept, reader);
        if (out.kept)
            out.text = text;
        if (out.kept && reader) {
            out.graph = reader.done();
            if (out.names)
                out.names = graphFocusNames(this.focus, out.graph);
        }
        return out;
    }
    sample(out, info, text) {
        if (info.stage !== 'tu' || text.length === 0)
            return;
        out.sampled = true;
        out.rename = ownRename(info.name, text);
        if (out.rename !== undefined)
            this.samples++;
    }
    /**
     * Counts and validates every line, reporting malformed ones; true when the dump is `wanted` or
     * one of its lines names a focus symbol or file.
     */
    lines(out, text, wanted, likelyKept, reader) {
        const { cuts, res, focus, consistency } = this;
        let keep = wanted;
        const len = text.length;
        let pos = 0;
        let lineNo = 0;
        let bad = 0;
        // With a graph read, the focus names come from its node names once (see graphFocusNames).
        const names = reader ? undefined : out.names;
        // Cross-line errors of a dump not known to be kept yet: reported after its own malformed
        // lines, as the second pass would, and only if it is kept.
        const held = !wanted && likelyKept ? new HeldErrors() : undefined;
        if (wanted || held)
            consistency.reset(text);
        while (pos < len) {
            let end = text.indexOf('\n', pos);
            if (end < 0)
                end = len;
            const next = end + 1;
            if (end > pos && text.charCodeAt(end - 1) === 13)
                end--;
            lineNo++;
            if (end > pos) {
                out.lines++;
                if (scanLine(text, pos, end, cuts, res).kind !== 0) {
                    reader?.line(pos, cuts, res, lineNo);
                    if (names)
                        noteNames(focus, names, text, pos, cuts, res);
                    if (wanted)
                        res.error = consistency.check(pos, end, cuts, res, lineNo, reader);
                    else {
                        if (held)
                            held.add(consistency.check(pos, end, cuts, res, lineNo, reader), lineNo, pos, end);
                        if (!keep)
                            keep = mentionsFocus(focus, text, pos, cuts, res);
                    }
                    if (res.error !== '' && ++bad <= MALFORMED_DETAIL_LIMIT)
                        this.malformed(out, lineNo, text, pos, end);
                }
                else if (++bad <= MALFORMED_DETAIL_LIMIT)
                    this.malformed(out, lineNo, text, pos, end);
            }
            pos = next;
        }
        // Only a dump whose text is kept is ever read into a graph: the cross-line checks are spent on
        // those, and one that a focus name made kept halfway is checked in a second pass.
        if (keep && held)
            bad += this.reportHeld(out, text, held, bad);
        else if (keep && !wanted)
            bad += this.checkConsistency(out, text, bad);
        if (bad > MALFORMED_DETAIL_LIMIT)
            out.findings.push({
                kind: 'dump-malformed-line',
                severity: 'unresolved',
                set: this.label,
                file: out.path,
                message: `${out.path}: ${bad} malformed lines in all; the first ${MALFORMED_DETAIL_LIMIT} are ` +
                    `reported one by one, ${bad - MALFORMED_DETAIL_LIMIT} more are not`
            });
        return keep;
    }
    malformed(out, lineNo, text, pos, end, error = this.res.error) {
        out.findings.push({
            kind: 'dump-malformed-line',
            severity: 'unresolved',
            set: this.label,
            file: out.path,
            line: lineNo,
            message: `${out.path}:${lineNo}: ${error}: ${clip(text.slice(pos, end))}`
        });
    }
    /** Cross-line errors' findings, after the `before` malformed lines reported; their count. */
    reportHeld(out, text, held, before) {
        const shown = Math.max(0, Math.min(held.errors.length, MALFORMED_DETAIL_LIMIT - before));
        for (let i = 0; i < shown; i++) {
            const at = i * 3;
            this.malformed(out, held.at[at], text, held.at[at + 1], held.at[at + 2], held.errors[i]);
        }
        return held.count;
    }
    /**
     * Lines that parse alone but contradict the rest of the dump (see DumpConsistency) are malformed
     * too: reordered lines, one order naming two symbols or files, invalid UTF-8. Returns how many;
     * `before` malformed lines were already reported one by one.
     */
    checkConsistency(out, text, before) {
        const { cuts, res, consistency } = this;
        consistency.reset(text);
        const held = new HeldErrors();
        someWellFormedLine(text, cuts, res, (pos, end, lineNo) => {
            held.add(consistency.check(pos, end, cuts, res, lineNo), lineNo, pos, end);
        });
        return this.reportHeld(out, text, held, before);
    }
}
/**
 * Cross-line errors met in a validating pass: all counted, the first MALFORMED_DETAIL_LIMIT kept
 * with their line number, start and end (no more can be reported one by one).
 */
class HeldErrors {
    count = 0;
    errors = [];
    at = [];
    add(error, lineNo, pos, end) {
        if (error === '')
            return;
        if (++this.count > MALFORMED_DETAIL_LIMIT)
            return;
        this.errors.push(error);
        this.at.push(lineNo, pos, end);
    }
}
/**
 * Whether a line of the graph's dump names a focus symbol or file (`mentionsFocus`): each
 * occurrence of a node spells its first one's name and file, so one test per node.
 */
function graphMentions(focus, graph) {
    return (graph.names.some(n => focus.name(n, 0, n.length)) ||
        graph.files.some(f => focus.file(f, 0, f.length)));
}
/**
 * The focus names of a graph's nodes, in the order its lines first name them: what `noteNames`
 * lists line by line, from one test per node instead of per line.
 */
function graphFocusNames(focus, graph) {
    const names = [];
    for (const name of graph.names)
        if (focus.name(name, 0, name.length) && !names.includes(name))
            names.push(name);
    return names;
}
/** The focus names `text`'s well-formed lines have a node of, as `DumpScanner.scan` lists them. */
function focusNames(focus, text) {
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    const names = [];
    someWellFormedLine(text, cuts, res, pos => noteNames(focus, names, text, pos, cuts, res));
    return names;
}
/** Adds to `names` the focus names of a well-formed line's nodes (field 1, and a clone's new node). */
function noteNames(focus, names, text, pos, cuts, res) {
    noteName(focus, names, text, nameStart(text, pos, cuts, 1), cuts[1]);
    if (res.kind === LINE_CLONE) {
        const f = res.layout.newName;
        noteName(focus, names, text, nameStart(text, pos, cuts, f), cuts[f]);
    }
}
function noteName(focus, names, text, s, e) {
    if (!focus.name(text, s, e))
        return;
    const name = text.slice(s, e);
    // A handful per dump at most (the focus's own names): a list beats a set.
    if (!names.includes(name))
        names.push(detach(name));
}
/**
 * The query reads this dump whole (its text kept, its cross-line checks run): no focus, a
 * link-stage dump (few, and every LTO query walks them all), or the dump of a focus file. Without
 * focus files no path matches, and normalizing every dump's path to learn it costs more.
 */
function wantsWhole(focus, path) {
    const info = classifyDumpPath(path);
    if (!focus || info.stage !== 'tu')
        return true;
    return focus.files.size > 0 && focus.path(info.name);
}
/** Removal lines name their node in field 1, like the origin of a clone line. */
function mentionsFocus(focus, text, pos, cuts, res) {
    if (nodeInFocus(focus, text, pos, cuts, 1))
        return true;
    return res.kind === LINE_CLONE && nodeInFocus(focus, text, pos, cuts, res.layout.newName);
}
/** A node is `name;order;file;...` from field `f`. */
function nodeInFocus(focus, text, pos, cuts, f) {
    return (focus.name(text, nameStart(text, pos, cuts, f), cuts[f]) ||
        focus.file(text, cuts[f + 1] + 1, cuts[f + 2]));
}
function clip(line) {
    return line.length > 120 ? `${line.slice(0, 120)}...` : line;
}

const CR = 13;
/**
 * `focusNames` and whether a line mentions the focus, for a dump whose validation is already known
 * (a scan index entry for its bytes): found by searching the text for the focus names and file base
 * names and reading only the lines they occur in, where the line-by-line pass read every line (a
 * header inline's 960 dumps at 10x: twice over 77 MB). Every field the matcher accepts holds its
 * needle: a name field is a focus name (past its `*`), and a file field that matches ends with a
 * focus file's base name or normalizes to a path ending with it, and normalizing only drops
 * characters (see raw-prefilter.ts). A needle met on more lines than a pass would read is left to
 * the pass.
 */
function searchFocus(focus, text) {
    const { names, bases } = rawNeedles(focus);
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    // About half a dump's lines (~150 bytes each): past it, one pass costs less.
    let budget = Math.max(16, Math.floor(text.length / 300));
    const firstAt = new Map();
    let mentions = false;
    for (const needle of names.concat(bases)) {
        if (needle === '')
            return pass(focus, text);
        for (let at = text.indexOf(needle); at >= 0;) {
            if (--budget < 0)
                return pass(focus, text);
            const start = text.lastIndexOf('\n', at) + 1;
            let next = text.indexOf('\n', at);
            if (next < 0)
                next = text.length;
            let end = next;
            if (end > start && text.charCodeAt(end - 1) === CR)
                end--;
            if (end > start && scanLine(text, start, end, cuts, res).kind !== 0) {
                if (mentionsFocus(focus, text, start, cuts, res))
                    mentions = true;
                note(focus, firstAt, text, nameStart(text, start, cuts, 1), cuts[1]);
                if (res.kind === LINE_CLONE) {
                    const f = res.layout.newName;
                    note(focus, firstAt, text, nameStart(text, start, cuts, f), cuts[f]);
                }
            }
            at = next < text.length ? text.indexOf(needle, next + 1) : -1;
        }
    }
    const found = [...firstAt].sort((a, b) => a[1] - b[1]).map(([name]) => name);
    return { names: found, mentions };
}
/** Records the name field `text[s, e)` when it is a focus name, at its first offset. */
function note(focus, firstAt, text, s, e) {
    if (!focus.name(text, s, e))
        return;
    const name = text.slice(s, e);
    const known = firstAt.get(name);
    if (known === undefined)
        firstAt.set(detach(name), s);
    else if (s < known)
        firstAt.set(name, s);
}
function pass(focus, text) {
    const names = focusNames(focus, text);
    return { names, mentions: names.length > 0 || textMentions(text, focus) };
}
/** Whether a well-formed line of `text` names a focus symbol or file (no validation). */
function textMentions(text, focus) {
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    return someWellFormedLine(text, cuts, res, pos => mentionsFocus(focus, text, pos, cuts, res));
}

/** The malformed-line findings DumpScanner.scan gives for this dump in this mode, in its order. */
function entryFindings(entry, path, label, mode) {
    const limit = MALFORMED_DETAIL_LIMIT;
    let shown;
    let bad;
    if (mode === 'wanted') {
        shown = merge(entry.lineErrors, entry.crossErrors).slice(0, limit);
        bad = entry.lineErrorCount + entry.crossErrorCount;
    }
    else if (mode === 'mentioned') {
        shown = [
            ...entry.lineErrors,
            ...entry.crossErrors.slice(0, Math.max(0, limit - entry.lineErrorCount))
        ];
        bad = entry.lineErrorCount + entry.crossErrorCount;
    }
    else {
        shown = entry.lineErrors;
        bad = entry.lineErrorCount;
    }
    if (shown.length === 0 && bad <= limit)
        return NONE;
    const findings = shown.map(([line, text]) => ({
        kind: 'dump-malformed-line',
        severity: 'unresolved',
        set: label,
        file: path,
        line,
        message: `${path}:${line}: ${text}`
    }));
    if (bad > limit)
        findings.push({
            kind: 'dump-malformed-line',
            severity: 'unresolved',
            set: label,
            file: path,
            message: `${path}: ${bad} malformed lines in all; the first ${limit} are ` +
                `reported one by one, ${bad - limit} more are not`
        });
    return findings;
}
/** Two line-ordered lists (a line is in at most one) as one. */
function merge(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        if (j >= b.length || (i < a.length && a[i][0] < b[j][0]))
            out.push(a[i++]);
        else
            out.push(b[j++]);
    }
    return out;
}

/**
 * A Bloom filter of the symbol names and file base names one dump's well-formed lines hold, kept in
 * its index entry: with it, a later query rules a dump out without reading it (kgraft greps every
 * file; an entry that answers "not here" saves the read itself). A filter can say "maybe" for a
 * name the dump lacks (the dump is then read and searched as before), never "no" for one it holds.
 *
 * Stored as text, six bits per character (JSON keeps it as it is), and tested without decoding.
 */
/** Bits per distinct key: with K hashes, about one false "maybe" in a hundred. */
const BITS_PER_KEY = 10;
const K = 4;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++)
    VALUE[ALPHABET.charCodeAt(i)] = i;
/** FNV-1a over the UTF-16 code units of `text[s, e)`: the same key, sliced or not. */
function keyHash(text, s, e) {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++)
        h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return h >>> 0;
}
/** murmur3's finaliser: FNV-1a's low bits alone follow a name's last characters too closely. */
function mix(h) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
}
/** The filter's first bit for a key hash, and the step to the next (double hashing). */
function first(h, bits) {
    return mix(h) % bits;
}
function step(h, bits) {
    return (mix(h ^ 0x9e3779b9) % (bits - 1)) + 1;
}
/**
 * Collects one dump's keys (deduplicated, so the filter is sized by what is distinct), then makes
 * the filter. Reused from dump to dump: its table grows to the largest dump and stays.
 */
class SummaryBuilder {
    table = new Uint32Array(1024);
    used = [];
    add(text, s, e) {
        this.place(summaryKey(text, s, e));
        if (this.used.length * 2 > this.table.length)
            this.grow();
    }
    /** The filter of the keys added since the last `finish`, which starts the next dump. */
    finish() {
        const keys = this.used.map(i => this.table[i]);
        for (const i of this.used)
            this.table[i] = 0;
        this.used = [];
        const chars = Math.max(4, Math.ceil((keys.length * BITS_PER_KEY) / 6));
        const bits = chars * 6;
        const cells = new Uint8Array(chars);
        for (const h of keys) {
            const d = step(h, bits);
            for (let k = 0, at = first(h, bits); k < K; k++, at = (at + d) % bits)
                cells[(at / 6) | 0] |= 1 << (at % 6);
        }
        let out = '';
        for (const c of cells)
            out += ALPHABET[c];
        return out;
    }
    /** Into the table unless there already (open addressing; 0 is an empty slot). */
    place(h) {
        const mask = this.table.length - 1;
        let i = h & mask;
        for (; this.table[i] !== 0; i = (i + 1) & mask)
            if (this.table[i] === h)
                return;
        this.table[i] = h;
        this.used.push(i);
    }
    grow() {
        const old = this.used.map(i => this.table[i]);
        this.table = new Uint32Array(this.table.length * 2);
        this.used = [];
        for (const h of old)
            this.place(h);
    }
}
/**
 * A key as the filter holds it: `keyHash`, never 0 (the table's empty slot: the one key hashing to
 * 0 shares its value with the one hashing to 1). Made once per focus key, tested on every entry.
 */
function summaryKey(text, s = 0, e = text.length) {
    return keyHash(text, s, e) || 1;
}
/** False only when the key of `h` (`summaryKey`) was not among the keys `summary` was made of. */
function summaryMayHold(summary, h) {
    const bits = summary.length * 6;
    const d = step(h, bits);
    for (let k = 0, at = first(h, bits); k < K; k++, at = (at + d) % bits) {
        if (((cell(summary, (at / 6) | 0) >> (at % 6)) & 1) === 0)
            return false;
    }
    return true;
}
function cell(s, i) {
    const c = s.charCodeAt(i);
    return c < 128 ? VALUE[c] : -1;
}

/**
 * Validates every line of `text` (byte-order mark already dropped) completely, cross-line checks
 * included, whatever the focus: an entry must serve every later query. `focus`, when given, is also
 * asked whether a well-formed line names one of its symbols or files (one pass for both).
 */
function recordDump(path, text, hash, focus) {
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    consistency.reset(text);
    const info = classifyDumpPath(path);
    const entry = {
        hash,
        lines: 0,
        empty: text.length === 0,
        lineErrors: [],
        lineErrorCount: 0,
        crossErrors: [],
        crossErrorCount: 0,
        summary: ''
    };
    if (info.stage === 'tu' && text.length > 0)
        entry.rename = ownRename(info.name, text) ?? null;
    let mentions = false;
    const len = text.length;
    let pos = 0;
    let lineNo = 0;
    while (pos < len) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = len;
        const next = end + 1;
        if (end > pos && text.charCodeAt(end - 1) === 13)
            end--;
        lineNo++;
        if (end > pos) {
            entry.lines++;
            if (scanLine(text, pos, end, cuts, res).kind === 0) {
                if (++entry.lineErrorCount <= MALFORMED_DETAIL_LIMIT)
                    entry.lineErrors.push([lineNo, `${res.error}: ${clip(text.slice(pos, end))}`]);
            }
            else {
                if (focus && !mentions)
                    mentions = mentionsFocus(focus, text, pos, cuts, res);
                addNodeKeys(keys, text, pos, cuts, 1);
                if (res.kind === LINE_CLONE)
                    addNodeKeys(keys, text, pos, cuts, res.layout.newName);
                const error = consistency.check(pos, end, cuts, res, lineNo);
                if (error !== '' && ++entry.crossErrorCount <= MALFORMED_DETAIL_LIMIT)
                    entry.crossErrors.push([lineNo, `${error}: ${clip(text.slice(pos, end))}`]);
            }
        }
        pos = next;
    }
    entry.summary = keys.finish();
    return { entry, mentions };
}
/** One per thread: its table grows to the largest dump. */
const keys = new SummaryBuilder();
/**
 * One per thread too: its tables, indexed by order, grow to the largest dump's orders and serve
 * every later dump uncleared. Made per dump, they were allocated, zeroed and doubled up to that
 * size 27,000 times at 10x (0.5 s of each thread's first indexed run, and the GC of it).
 */
const consistency = new DumpConsistency();
const SLASH = 47;
const DOT = 46;
const DASH = 45;
/**
 * The keys FocusMatcher can match a node by (`name;order;file;...` from field `f`): its name; the
 * base name of its file field, which a matching focus file shares; and, for a field FocusMatcher
 * normalizes (a `/.` in it), the normalized base name and each tail after a `-` in it (a one-shot
 * LTO build's `prog-a.c` matches `a.c`).
 */
function addNodeKeys(into, text, pos, cuts, f) {
    into.add(text, nameStart(text, pos, cuts, f), cuts[f]);
    const s = cuts[f + 1] + 1;
    const e = cuts[f + 2];
    let base = s;
    let dotted = false;
    for (let i = s; i < e; i++) {
        const c = text.charCodeAt(i);
        if (c === SLASH)
            base = i + 1;
        else if (c === DOT && i > s && text.charCodeAt(i - 1) === SLASH)
            dotted = true;
    }
    into.add(text, base, e);
    if (!dotted)
        return;
    const n = normalizePath(text.slice(s, e));
    const b = n.lastIndexOf('/') + 1;
    into.add(n, b, n.length);
    for (let i = b; i < n.length; i++)
        if (n.charCodeAt(i) === DASH)
            into.add(n, i + 1, n.length);
}

/**
 * DumpScanner's answers, given from an index entry where the run has one for the dump's bytes: the
 * same `ScannedDump` (findings, kept text, line count, path-prefix sample) as `DumpScanner.scan`
 * with the same label and focus, fed the same dumps in the same order. Where there is no entry,
 * the dump is validated completely and the entry made. Like DumpScanner, one per thread, fed its
 * dumps in path order (the prefix samples count across dumps).
 */
class IndexedScanner {
    label;
    focus;
    prefilter;
    rawFocus;
    samples = 0;
    /** What `ruledOut` looks for (`summaryKey`s); undefined when a summary cannot rule a dump out. */
    summaryKeys;
    constructor(label, focus) {
        this.label = label;
        this.focus = focus && new FocusMatcher(focus);
        this.prefilter = this.focus && new RawPrefilter(this.focus);
        this.rawFocus = this.focus && new RawFocus(this.focus);
        if (this.focus) {
            const { names, bases } = rawNeedles(this.focus);
            // A file with no base name (never a TU's) matches fields the summary has no key for.
            if (bases.every(b => b !== ''))
                this.summaryKeys = names.concat(bases).map(k => summaryKey(k));
        }
    }
    /**
     * True when this dump, with a valid entry, must still be decoded: the focus wants all of it (no
     * focus, a link-stage dump, the dump of a focus file) or its bytes may name a focus symbol or
     * file. False: `fromEntry` answers from the entry alone.
     */
    needsText(path, entry, bytes) {
        if (entry.empty || wantsWhole(this.focus, path))
            return true;
        return this.prefilter.mayMention(bytes);
    }
    /**
     * True when the entry alone says what the focus makes of this dump: it is empty (kept, with no
     * text: nothing to read), or its summary holds none of the focus names and file base names (not
     * kept). The adapter may then skip reading it, when it knows the file is unchanged since the
     * entry was made, and answer `fromEntry`. False whenever reading could tell otherwise.
     */
    ruledOut(path, entry) {
        if (!this.summaryKeys || wantsWhole(this.focus, path))
            return false;
        return entry.empty === true || !this.summaryKeys.some(k => summaryMayHold(entry.summary, k));
    }
    /**
     * `scan` of a dump with an entry for these bytes, answered on the undecoded bytes by the line
     * check's module where it can (see LineCheck.checkOrGraph), as DumpScanner.scanBytes answers a
     * dump without one: no line may name the focus (the entry answers), or, with `graph`, the
     * module reads the dump's graph in the same call and the graph says whether the focus is in it
     * (kept: the text is the bytes' latin1, every byte being ASCII). Decoding and searching a kept
     * dump, then decoding its stored graph, took a warm `analyze` ~400 ms at 10x. Undefined: the
     * module cannot tell (a malformed line, a byte past ASCII, a line that names the focus without
     * `graph`...): `needsText` and `scan` decide.
     */
    scanBytes(path, entry, bytes, graph) {
        const { focus, rawFocus } = this;
        if (!focus || !rawFocus?.active || entry.empty || bytes.length === 0)
            return undefined;
        if (wantsWhole(focus, path))
            return undefined;
        const answer = acceptOrRead(bytes, rawFocus, graph);
        if (typeof answer === 'number')
            return answer < 0 ? undefined : { scanned: this.fromEntry(path, entry) };
        const read = answer.graph;
        if (!graphMentions(focus, read))
            return { scanned: this.fromEntry(path, entry) };
        const names = graphFocusNames(focus, read);
        return { scanned: this.answer(path, entry, 'mentioned', answer.text, names), graph: read };
    }
    /**
     * A dump `needsText` or `ruledOut` ruled out: not kept (an empty one kept, with no text), its
     * malformed lines from the entry.
     */
    fromEntry(path, entry) {
        return this.answer(path, entry, 'none', '');
    }
    /**
     * A dump read as text (`input` as decoded, byte-order mark included). `entry`: the index's entry
     * for these very bytes, if any; else one is made (returned) from a complete validation.
     */
    scan(path, input, hash, entry) {
        // Editors and some archivers prepend a byte-order mark; GCC never writes one (as DumpScanner).
        const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
        const wanted = wantsWhole(this.focus, path) || text.length === 0;
        const focus = wanted ? undefined : this.focus;
        let made;
        let mentions;
        // With an entry the lines are known valid: the focus is searched for, not read line by line.
        const found = entry && this.focus ? searchFocus(this.focus, text) : undefined;
        if (entry)
            mentions = focus !== undefined && (found?.mentions ?? false);
        else
            ({ entry: made, mentions } = recordDump(path, text, hash, focus));
        const mode = wanted ? 'wanted' : mentions ? 'mentioned' : 'none';
        const scanned = this.answer(path, (entry ?? made), mode, text, found?.names);
        return made ? { scanned, made } : { scanned };
    }
    answer(path, entry, mode, text, names) {
        const kept = mode !== 'none' || entry.empty;
        const out = {
            path,
            text: kept ? text : '',
            kept,
            lines: entry.lines,
            findings: entryFindings(entry, path, this.label, mode),
            sampled: false
        };
        // Not kept for its names: none of them is in it.
        if (this.focus)
            out.names = mode === 'none' ? NONE : (names ?? searchFocus(this.focus, text).names);
        if (this.samples < PREFIX_SAMPLE && classifyDumpPath(path).stage === 'tu' && !entry.empty) {
            out.sampled = true;
            if (entry.rename) {
                out.rename = entry.rename;
                this.samples++;
            }
        }
        return out;
    }
}

const DEPS_HEAD = /^deps_(\S+?)\s*:=\s*\\?\s*$/;
const SOURCE = /^source_\S+?\s*:=\s*(\S+)/;
/**
 * One `.cmd` file's dependency list. Kconfig entries (`$(wildcard include/config/FOO)`) are not
 * files. In an O= build the paths are absolute under the source tree: the `source_` line tells
 * that prefix, and any other absolute path (the compiler's own headers) is outside the tree.
 */
function parseDeps(text) {
    const head = depsHead(text);
    if (!head?.target.endsWith('.o'))
        return undefined;
    const tu = `${normalizePath(head.target).slice(0, -2)}.c`;
    if (head.source !== undefined && !head.source.endsWith('.c'))
        return undefined;
    const { files, complete } = depsFiles(text, head, tu);
    return { tu, files, complete };
}
/**
 * The list of a kbuild target that `parseDeps` does not read (`arch/x86/kernel/vmlinux.lds` from
 * its `.lds.S`, `asm-offsets.s` from its `.c`, an object assembled from a `.S`): the files it was
 * preprocessed from, its source first. kbuild makes such a target beside its source, so the
 * source's tree path is the target's folder and the source's name.
 */
function parseTargetDeps(text) {
    const head = depsHead(text);
    if (!head?.source || (head.target.endsWith('.o') && head.source.endsWith('.c')))
        return undefined;
    const target = normalizePath(head.target);
    const folder = target.slice(0, target.lastIndexOf('/') + 1);
    const source = folder + head.source.slice(head.source.lastIndexOf('/') + 1);
    const { files, complete } = depsFiles(text, head, source);
    return { target, source, files, complete };
}
function depsHead(text) {
    // Walked line by line in place: a build's 2,800 lists are ~1.7 million lines, and splitting
    // each file whole (the command lines after the list included) cost more than reading them.
    let source;
    let pos = 0;
    let last = false;
    while (!last) {
        let end = text.indexOf('\n', pos);
        last = end < 0;
        if (last)
            end = text.length;
        const line = text.slice(pos, end);
        pos = end + 1;
        const s = SOURCE.exec(line);
        if (s && source === undefined)
            source = s[1];
        const d = DEPS_HEAD.exec(line);
        if (d)
            return { target: d[1], source, pos, last };
    }
    return undefined;
}
/** The list after its head, `own` (the tree path of the source) first. */
function depsFiles(text, head, own) {
    const { source } = head;
    const prefix = source?.startsWith('/') && source.endsWith(own) ? source.slice(0, -own.length) : undefined;
    const files = new Set([own]);
    let complete = false;
    let { pos, last } = head;
    while (!last) {
        let end = text.indexOf('\n', pos);
        last = end < 0;
        if (last)
            end = text.length;
        // trimEnd takes a CRLF's `\r` too.
        const line = text.slice(pos, end).trimEnd();
        pos = end + 1;
        const more = line.endsWith('\\');
        const entry = (more ? line.slice(0, -1) : line).trim();
        if (entry !== '' && !entry.startsWith('$(')) {
            if (entry.startsWith('/')) {
                if (prefix !== undefined && entry.startsWith(prefix))
                    files.add(normalizePath(entry.slice(prefix.length)));
            }
            else
                files.add(normalizePath(entry));
        }
        if (!more) {
            // fixdep ends the list with a blank line; a read cut at the cap ends anywhere.
            complete = entry === '' && !last;
            break;
        }
    }
    return { files: [...files], complete };
}

function scriptKind(target, source = '') {
    if (target.endsWith('.o'))
        return source.endsWith('.S') ? 'assembler' : undefined;
    if (target.endsWith('.lds'))
        return 'linker-script';
    // `scripts/mod/devicetable-offsets.s` feeds modpost, a host program: its offsets name module
    // aliases, never code of the running kernel.
    if (target.endsWith('.s') && !target.startsWith('scripts/'))
        return 'offsets';
    return undefined;
}
/** One `.<target>.cmd` file of a script, or undefined (an object's, or no list). */
function parseScriptList(text) {
    const parsed = parseTargetDeps(text);
    const kind = parsed && scriptKind(parsed.target, parsed.source);
    return parsed && kind ? { ...parsed, kind } : undefined;
}

/**
 * A `.cmd` file's head (CMD_HEAD_BYTES), read and parsed where it is read: on a scan thread, its
 * dependency list is parsed there too. A build's 2,800 lists (~1.7 million lines) cost the main
 * thread 1.5 s to read and parse, for a fix in one `.c` file as for a header.
 */
function readCmdHead(abs) {
    const text = readBytes(abs, CMD_HEAD_BYTES).toString('utf8');
    const deps = parseDeps(text);
    if (deps)
        return { text: trimCmd(text), deps: { ...deps, files: deps.files.join('\n') } };
    // An object assembled from a `.S`: its list says which headers its code expands.
    const script = parseScriptList(text);
    return script
        ? { text: trimCmd(text), script: { ...script, files: script.files.join('\n') } }
        : { text: trimCmd(text) };
}

/**
 * The digest an entry is keyed by: of the file's bytes, so a dump rebuilt with other contents never
 * reuses its old answers, whatever its timestamps say. SHA-256 costs ~1 ms per MB here (less than
 * decoding the text), and no accidental or crafted change of the bytes keeps it.
 */
function digestOf(bytes) {
    return createHash('sha256').update(bytes).digest('base64');
}
/**
 * Reads one dump file and scans it with the index's help. An entry whose `stat` the file still
 * has, and whose summary holds no focus name or file, answers without a read. Else, with an entry
 * for these bytes, the line check's module answers on the bytes where it can (no line names the
 * focus; or, with `graph`, one does and the module reads the dump's graph: see
 * IndexedScanner.scanBytes); else a dump the focus cannot want is neither decoded nor validated
 * (kgraft's grep, then the recorded answer); any other is decoded, and validated unless the entry
 * already says what validation finds. `print`: the fingerprint Collector compares copies with,
 * made from the text as it does. `made`: a new entry, or one whose `stat` changed.
 */
function scanIndexedFile(scanner, abs, path, entry, print, stableMs, graph = false) {
    let bytes;
    let stat;
    let unchanged;
    try {
        stat = currentStatKey(abs, stableMs);
    }
    catch {
        // Gone or unreadable: the read says so in the words a run without the index uses (`open`).
        stat = undefined;
    }
    try {
        unchanged = stat !== undefined && entry?.stat === stat ? entry : undefined;
        if (unchanged && !print && scanner.ruledOut(path, unchanged))
            return { scanned: scanner.fromEntry(path, unchanged) };
        bytes = readBytes(abs);
    }
    catch (error) {
        return { error: error.message };
    }
    // Unchanged: the bytes are the entry's (the premise of not reading at all), not hashed again.
    const hash = unchanged ? unchanged.hash : digestOf(bytes);
    const valid = entry?.hash === hash ? entry : undefined;
    const restated = valid && valid.stat !== stat ? withStat(valid, stat) : undefined;
    const read = valid && !print ? scanner.scanBytes(path, valid, dumpBytes(bytes), graph) : undefined;
    if (read) {
        const held = read.graph
            ? {
                graph: read.graph,
                bytes,
                digest: unchanged ? readDigest(abs, stat, hash, bytes, stableMs) : hash
            }
            : {};
        return { scanned: read.scanned, ...(restated ? { made: restated } : {}), ...held };
    }
    if (valid && !print && !scanner.needsText(path, valid, rawBytes(bytes)))
        return { scanned: scanner.fromEntry(path, valid), ...(restated ? { made: restated } : {}) };
    const text = bytes.toString('utf8');
    const { scanned, made } = scanner.scan(path, text, hash, valid);
    const fresh = made && withStat(made, stat);
    return {
        scanned,
        ...(print ? { print: `${text.length}:${crc32(text)}` } : {}),
        ...(fresh || restated ? { made: fresh ?? restated } : {}),
        ...(scanned.kept
            ? { digest: unchanged ? readDigest(abs, stat, hash, bytes, stableMs) : hash }
            : {})
    };
}
/**
 * The digest of a kept dump whose bytes were taken for its entry's on the strength of its stat,
 * taken before the read: it files the dump's graph across runs (graph cache), so it must be of
 * the bytes read. A write between the stat and the read moves the change time: the same stat
 * after the read means these are the entry's bytes; else they are hashed.
 */
function readDigest(abs, stat, hash, bytes, stableMs) {
    let after;
    try {
        after = currentStatKey(abs, stableMs);
    }
    catch {
        after = undefined;
    }
    return after !== undefined && after === stat ? hash : digestOf(bytes);
}
function withStat(entry, stat) {
    const out = { ...entry };
    if (stat === undefined)
        delete out.stat;
    else
        out.stat = stat;
    return out;
}

/**
 * Scans dump files as one scan thread does, for one dump set: a worker thread, or the main thread
 * when it lends the pool a hand (see ScanPool.lend) or scans without one (see DumpFeed). Files
 * must come in path order.
 */
class FileScanner {
    spec;
    scanner;
    indexed;
    /** Bytes of kept dumps sent so far (see ScanSpec.share). */
    held = 0;
    stableMs;
    constructor(spec) {
        this.spec = spec;
        this.scanner = new DumpScanner(spec.label, spec.focus);
        this.indexed = spec.index ? new IndexedScanner(spec.label, spec.focus) : undefined;
        this.stableMs = spec.stableMs ?? stableWindow();
    }
    scan(f) {
        const spec = this.spec;
        if (f.cmd) {
            try {
                return { cmd: readCmdHead(f.abs) };
            }
            catch (error) {
                return { error: error.message };
            }
        }
        if (this.indexed) {
            const print = spec.print ?? false;
            const room = spec.focus !== undefined && this.held < (spec.share ?? 0);
            const read = scanIndexedFile(this.indexed, f.abs, f.path, f.entry, print, this.stableMs, room);
            if (!('scanned' in read) || !read.graph)
                return read;
            // A kept dump the module read: held as the cold scan holds it (its graph, or what checks a
            // re-read), with the entry's news and the digest the graph cache would file it under.
            const { graph, bytes, ...rest } = read;
            return { ...rest, ...this.hold(read.scanned, bytes, graph) };
        }
        let bytes;
        try {
            // Synchronous on purpose: per file, fs.readFile's callback machinery cost more than the read.
            bytes = readBytes(f.abs);
        }
        catch (error) {
            return { error: error.message };
        }
        if (spec.print) {
            const text = bytes.toString('utf8');
            return { scanned: this.scanner.scan(f.path, text), print: `${text.length}:${crc32(text)}` };
        }
        // While the share has room, a kept dump's graph is read in the pass that validates it. With a
        // focus only: then the scan lists the focus names each dump holds and the set needs no text
        // for them (without one, its name lookups would re-read every dump held as a graph).
        const room = spec.focus !== undefined && this.held < (spec.share ?? 0);
        const scanned = this.scanner.scanBytes(f.path, dumpBytes(bytes), () => bytes.toString('utf8'), room);
        const graph = scanned.graph;
        if (graph)
            delete scanned.graph;
        if (!scanned.kept || scanned.text === '')
            return { scanned };
        return this.hold(scanned, bytes, graph);
    }
    /**
     * A kept dump goes back as its graph, in place of its text, while this scanner's share of the
     * set's budget lasts (see HeldText.graph); without one, as its bytes, moved, not copied; past the
     * share, as what checks a re-read.
     */
    hold(scanned, bytes, graph) {
        scanned.text = '';
        const share = this.spec.share ?? 0;
        const size = graph ? graphBytes(graph) : bytes.byteLength;
        const spilled = () => ({ length: bytes.byteLength, crc: crc32(bytes) });
        if (this.held + size > share)
            return { scanned, spilled: spilled() };
        this.held += size;
        return graph
            ? { scanned, spilled: spilled(), graph, size }
            : { scanned, bytes: new Uint8Array(bytes) };
    }
}

function post(file) {
    if (!('scanned' in file) || file.print !== undefined || file.made !== undefined)
        return file;
    const s = file.scanned;
    const plain = !s.kept && s.text === '' && s.findings.length === 0 && !s.sampled;
    return plain && s.rename === undefined && !s.names?.length ? s.lines : file;
}

// Worker-thread entry (bundled as dist/scan-worker.js): reads and validates chunks of dump files
// for one dump set, synchronously, and hands back what the set needs of each (see scan-pool.ts);
// or searches a share of the dumps for names near a mistyped one (see near-search.ts).
// A prewarmed thread (scan-pool.ts) learns its set's spec from its first message.
let spec = workerData.deferred ? undefined : workerData;
let files = spec && new FileScanner(spec);
parentPort?.on('message', (message) => {
    if ('walk' in message) {
        parentPort?.postMessage(walkReply(message));
        return;
    }
    if ('spec' in message) {
        spec = message.spec;
        files = new FileScanner(spec);
        return;
    }
    if ('near' in message) {
        const near = new NearNames(message.near);
        searchNearNames(near, message.files);
        parentPort?.postMessage(near.found());
        return;
    }
    const scanner = files;
    const chunk = message;
    // Every thread is sent every chunk: the first to flag it scans it (see startScanPool).
    if (Atomics.compareExchange(new Int32Array(chunk.claims), chunk.slot, 0, spec?.tag ?? 2) !== 0)
        return;
    const out = chunk.files.map(f => scanner.scan(f));
    parentPort?.postMessage({ id: chunk.id, out: out.map(post) }, out.flatMap(moved));
});
/** What crosses moved, not copied: a kept dump's bytes, or its graph's arrays (strings are cloned). */
function moved(r) {
    if (!('scanned' in r))
        return [];
    if (r.bytes)
        return [r.bytes.buffer];
    return r.graph ? [r.graph.nodes.buffer, r.graph.edges.buffer] : [];
}
