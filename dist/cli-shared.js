import { open, stat, readFile, mkdir, writeFile, rename, rm } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { resolve, sep, join } from 'node:path';
import { existsSync, lstatSync, realpathSync, statSync, openSync, constants, closeSync, readFileSync, readSync, statfsSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Per set: every TU it compiled has a complete kbuild list (see needsNo). */
const listed$1 = new WeakMap();
/**
 * The set neither compiled `path` as a TU nor has a TU that read it, by kbuild's lists of every
 * TU: an x86_64 vdso image is nothing to an arm64 set.
 */
function needsNo(s, path) {
    const deps = s.deps;
    if (!deps?.complete() || s.set.hasTu(path))
        return false;
    let all = listed$1.get(s);
    if (all === undefined)
        listed$1.set(s, (all = s.set.tus().every(tu => deps.has(tu))));
    return all && deps.tusSeeing(path).length === 0;
}
/**
 * The generated file the sets carry, for a search that is not per set: one text only when every
 * set that may read it carries the same. A set that may read it without carrying it, or two
 * texts (a matrix's arm64 and x86_64 `include/generated/`), leave it absent or unreadable: its
 * TUs stay "could not be searched", a doubt, rather than searched in another build's copy.
 */
function generatedOf(sets, path, maxBytes) {
    let found = null;
    for (const s of sets) {
        const text = s.generated?.readSync(path, maxBytes) ?? null;
        if (text === false)
            return false;
        if (text === null) {
            if (needsNo(s, path))
                continue;
            return null;
        }
        if (found !== null && found !== text)
            return false;
        found = text;
    }
    return found;
}
/** The report's view of one dump set. */
function summarize(entry) {
    return {
        label: entry.set.label,
        dumps: entry.set.dumpCount,
        lines: entry.set.lineCount,
        lto: entry.set.lto,
        symbolsMode: entry.symbols ? 'symbol-tables' : 'dump-only',
        objectsKnown: entry.objectOf !== undefined
    };
}

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
 * Reads a dump's text into its compact graph. Malformed lines are skipped: the dump set reported
 * them when the dump was added.
 */
function scanTuGraph(text) {
    const reader = new GraphReader(text);
    const cuts = new Int32Array(MAX_FIELDS + 1);
    const res = { kind: 0, layout: undefined, error: '' };
    someWellFormedLine(text, cuts, res, (pos, _end, lineNo) => reader.line(pos, cuts, res, lineNo));
    return reader.done();
}
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

/**
 * Every node whose code contains a start node's code, with the shortest explanation chain.
 *
 * GCC writes the dump as it decides, so the edges are in time order, and that order matters: a
 * line `A;..;B;..;inlining to` copies A's body as it is at that moment into B (`B` being the
 * outermost function at that moment, hence the transitive walk). A clone made of B *before* A was
 * inlined into B does not contain A (the later inlining into the clone gets its own line). One pass
 * over the edges in dump order therefore follows exactly the paths GCC took; a plain closure over
 * the edges would also report such clones.
 *
 * Same-name copies (`(null)`: the master clone of recursive inlining, an ltrans partition's copy)
 * are followed without adding a step: they are the same function.
 */
function walkForward(g, starts, chainOf) {
    const reached = new Map();
    // Most edges start at a node not reached: a flag per node answers them without the Map.
    const seen = new Uint8Array(g.size);
    for (const s of starts) {
        reached.set(s, chainOf(s));
        seen[s] = 1;
    }
    // The compact edges read in place: most edges start at a node not reached, and two accessor
    // calls each were a third of the analysis stage's walks at 10x.
    const data = g.compact.edges;
    for (let at = 0, e = 0; at < data.length; at += EDGE_FIELDS, e++) {
        const f = data[at];
        if (seen[f] === 0)
            continue;
        const t = data[at + 1];
        if (f === t)
            continue;
        const from = reached.get(f);
        const copy = g.edgeCopy(e);
        const known = reached.get(t);
        // Only a shorter chain is kept: building the others first made deep inline nests quadratic.
        if (known && known.length <= from.length + (copy ? 0 : 1))
            continue;
        // concat, not a spread: a spread array keeps ~17 slots of slack, and a header inline's
        // hundreds of thousands of entries each hold one chain (32 MB of slack at distribution scale).
        const chain = copy
            ? from
            : from.concat(g.edgeInline(e)
                ? { kind: 'inlined-into', name: g.name(t) }
                : { kind: 'cloned-as', name: g.name(t), reason: g.edgeReason(e) });
        reached.set(t, chain);
        seen[t] = 1;
    }
    return reached;
}
/** A symbol name is gone from its TU only when every node of that name was removed. */
function symbolRemoved(g, name) {
    const ids = g.ids(name);
    return ids.length > 0 && ids.every(id => g.removed(id));
}
/** `foo.isra.0.constprop.1` -> `foo`: C identifiers have no dot, GCC's suffixes all start with one. */
function baseName$1(name) {
    const dot = name.indexOf('.');
    return dot < 0 ? name : name.slice(0, dot);
}
/** `foo.lto_priv.0` and `foo` name the same function across LTO stages. */
function ltoJoinName(name) {
    return name.replace(/\.lto_priv\.\d+/g, '');
}

/**
 * `into.push(...from)` passes every element as an argument: V8 throws RangeError (call stack size)
 * somewhere past ~120,000 of them, which a distribution-scale report reaches. A loop has no limit.
 */
function append(into, from) {
    for (let i = 0; i < from.length; i++)
        into.push(from[i]);
    return into;
}
/**
 * An empty list to share where most answers have none (a clean dump's findings, its focus names,
 * an entry's error lists): at 27,000 dumps, fresh empty arrays outlived the young generation by
 * the tens of thousands. Frozen: whoever pushes to it throws.
 */
const NONE$1 = Object.freeze([]);
/** `Math.max(...values)` without the argument limit; `empty` when there is no value. */
function maxOf(values, empty = -Infinity) {
    let m = empty;
    for (let i = 0; i < values.length; i++)
        if (values[i] > m)
            m = values[i];
    return m;
}
/**
 * The first index in [0, `length`) where `before(i)` is false, for a `before` true on a prefix
 * and false after it (a binary search); `length` when it is true throughout.
 */
function partitionPoint(length, before) {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (before(mid))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** `f` of every item, as a set; undefined as soon as `f` has no answer for one. */
function mapEvery(items, f) {
    const out = new Set();
    for (const item of items) {
        const v = f(item);
        if (v === undefined)
            return undefined;
        out.add(v);
    }
    return out;
}

const cache = new WeakMap();
/**
 * Names that are the origin of a constprop/isra clone in `graph`. Asked once per affected function:
 * scanning the edges each time made a dump where one function is inlined into N others cost N^2
 * (16,000 inline edges took 4 s, 64,000 took 32 s), so the answer is built once per graph.
 */
function specializedOriginals(graph) {
    let names = cache.get(graph);
    if (!names) {
        const found = new Set();
        for (let e = 0; e < graph.edgeCount; e++) {
            if (graph.edgeInline(e) || graph.edgeCopy(e))
                continue;
            const reason = graph.edgeReason(e);
            if (reason === 'constprop' || reason === 'isra')
                found.add(graph.name(graph.edgeFrom(e)));
        }
        names = found;
        cache.set(graph, names);
    }
    return names;
}

/**
 * The calls of `calls` whose callee this TU's dump shows inlined into exactly one function and
 * removed (a static GCC inlined as "called once"), that function being another than the new
 * caller: with a second call GCC may keep the callee out of line and call it from there. A callee
 * with a clone, an offline copy or several containers is left alone (its callers' code does not
 * hang on its caller count), as is a name the dump does not hold (a macro, a function GCC took no
 * decision about).
 */
function calledOnceFlips(g, calls) {
    const out = [];
    for (const call of calls) {
        const ids = g.ids(call.callee).filter(id => g.file(id) === call.file);
        if (ids.length === 0 || !symbolRemoved(g, call.callee))
            continue;
        const from = new Set(ids);
        const into = new Set();
        let other = false;
        for (let e = 0; e < g.edgeCount && !other; e++) {
            if (!from.has(g.edgeFrom(e)))
                continue;
            if (!g.edgeInline(e) && !g.edgeCopy(e))
                other = true;
            else if (g.edgeInline(e))
                into.add(g.edgeTo(e));
        }
        const names = new Set([...into].map(id => g.name(id)));
        if (other || names.size !== 1 || names.has(call.caller))
            continue;
        out.push({ call, container: [...into][0] });
    }
    return out;
}

/**
 * The calls of `calls` whose callee this TU's dump shows cloned as `constprop` (specialised for
 * the constant arguments of every call GCC saw), the clone kept out of line: with a new call
 * passing other arguments GCC may drop or change the clone, and the functions calling it then
 * call another copy with other arguments (virtio_ring.c, 6.1.176 -> 6.1.187: new callers of
 * vring_map_single end vring_map_single.constprop.0, and virtqueue_add_split and
 * virtqueue_add_packed change).
 */
function cloneFlips(g, calls) {
    const out = [];
    for (const call of calls) {
        const ids = new Set(g.ids(call.callee).filter(id => g.file(id) === call.file));
        if (ids.size === 0)
            continue;
        for (let e = 0; e < g.edgeCount; e++) {
            if (!ids.has(g.edgeFrom(e)) || g.edgeInline(e) || g.edgeCopy(e))
                continue;
            if (g.edgeReason(e) !== 'constprop')
                continue;
            const clone = g.name(g.edgeTo(e));
            if (!symbolRemoved(g, clone))
                out.push({ call, clone });
        }
    }
    return out;
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

/**
 * What to do about a file no input has: most are files kbuild generates (selinux's flask.h,
 * vdso images, `*.mod.c`), which the gate's checkout never has and the build's dumps can carry.
 */
const UNFOUND_HINT = "a file kbuild generates is found when the dumps come with the build's generated .c/.h files (the README's build job packs them)";

/** Suffixes of clones whose signature GCC changed: their callers were rewritten to match. */
const SIGNATURE_CLONE = /\.(isra|constprop)\.\d+/;
/**
 * Every function of `set` whose machine code contains one of the changed functions (tier
 * `required`), plus the callers of signature-changing clones (tier `review`). Pure: reads the dump
 * set's graphs, never files.
 */
function computeAffected(set, changed, options = {}) {
    const acc = new Accumulator(set, options);
    const queries = [];
    for (const fn of changed) {
        // An added function has no node in dumps of the unpatched build; its callers are changed too.
        if (fn.change === 'added')
            continue;
        // A definer's body symbol (`__do_sys_read`, BPF_CALL's `____name`) is the one holding the
        // change; its wrappers (`__se_`, `__x64_`, `__ia32_`) hold it only where GCC inlined it into
        // them, which the body's walk reaches. Walked on their own, wrappers that merely call it were
        // required (a holdout's `__x64_sys_pivot_root`, whose machine code the fix leaves alone).
        const name = fn.symbols[0] ?? fn.name;
        queries.push({ origin: fn.name, name, file: fn.file, reason: viaReason(fn) });
        if (!fn.file.endsWith('.c'))
            acc.headerFinding(fn.name, fn.file);
    }
    affectSymbols(acc, queries);
    if (options.newCalls && options.newCalls.length > 0) {
        addCalledOnceFlips(acc, options.newCalls);
        addCloneFlips(acc, options.newCalls);
    }
    return acc.result();
}
/**
 * The containers `calledOnceFlips` finds, for review, with those that contain them: GCC decides
 * the inlining again with the new call, which the pre-fix dumps cannot show (exact mode can).
 */
function addCalledOnceFlips(acc, calls) {
    const { set } = acc;
    const required = acc.requiredKeys();
    // A `.c`'s statics only: a header's inline is decided per TU that includes it (and a focused
    // set answers only for the changed `.c` files).
    for (const file of new Set(calls.map(c => c.file).filter(f => f.endsWith('.c')))) {
        const own = calls.filter(c => c.file === file);
        for (const tu of set.tusCompiling(file)) {
            const g = set.graph(tu, true);
            if (!g)
                continue;
            for (const { call, container } of calledOnceFlips(g, own)) {
                const chain = [
                    { kind: 'changed', name: call.caller },
                    {
                        kind: 'gcc-decision',
                        name: call.callee,
                        reason: `GCC inlined ${call.callee} into its only caller ${g.name(container)}; ${call.caller} now calls it too, so GCC may keep it out of line, and ${g.name(container)} then calls it instead`
                    }
                ];
                acc.review(g, tu, [container], chain, call.caller, required);
            }
        }
    }
}
/**
 * The callers of the `constprop` clones `cloneFlips` finds, for review, with those that contain
 * them: GCC specialises the callee again with the new call, which the pre-fix dumps cannot show
 * (exact mode can). Callers come from the source search of the review tier; without it, none.
 */
function addCloneFlips(acc, calls) {
    const search = acc.options.callersOf;
    if (!search)
        return;
    const required = acc.requiredKeys();
    for (const file of new Set(calls.map(c => c.file).filter(f => f.endsWith('.c')))) {
        const own = calls.filter(c => c.file === file);
        for (const tu of acc.set.tusCompiling(file)) {
            const g = acc.set.graph(tu, true);
            if (!g)
                continue;
            for (const { call, clone } of cloneFlips(g, own)) {
                const found = search(tu, call.callee, file === tu ? [] : [file]);
                if (!found)
                    continue;
                const head = [
                    { kind: 'changed', name: call.caller },
                    {
                        kind: 'gcc-decision',
                        name: clone,
                        reason: `GCC specialised ${call.callee} as ${clone} for the calls it saw; ${call.caller} now calls ${call.callee} too, so GCC may drop or change the clone, and its callers then call another copy`
                    }
                ];
                for (const caller of found.callers) {
                    if (caller === call.caller || caller === call.callee)
                        continue;
                    const chain = head.concat({ kind: 'caller-of', name: caller });
                    const ids = g.ids(caller);
                    if (ids.length === 0) {
                        if (!required.has(`${tu}\u0000${caller}`))
                            acc.add(g, tu, caller, 'review', chain, call.caller);
                        continue;
                    }
                    acc.review(g, tu, ids, chain, call.caller, required);
                }
            }
        }
    }
}
/** For the `explain <function>` command: everything affected by one symbol, optionally restricted to the definition file. */
function explainSymbol(set, name, file, options = {}) {
    const acc = new Accumulator(set, options);
    const [found] = affectSymbols(acc, [{ origin: name, name, file }]);
    if (!found)
        acc.finding({
            kind: 'no-dump',
            severity: 'info',
            message: `${name}${file ? ` (${file})` : ''} is not mentioned in any dump of set ${set.label}: ` +
                'GCC neither inlined nor cloned it (an ordinary out-of-line function), or it is not built.',
            file,
            functions: [name]
        });
    return acc.result();
}
/**
 * Walks every symbol through every TU that holds a copy of it; per query, false when nothing was
 * found. TU-major: a TU is parsed once for all the symbols it holds (header inlines of one fix share
 * hundreds of TUs, and the set keeps only a bounded number of parsed graphs).
 */
function affectSymbols(acc, queries) {
    const { set } = acc;
    const found = queries.map(() => false);
    // What the TU stage reached, carried into the link stages: only an LTO set has any.
    const lto = set.lto;
    const ltoSeeds = queries.map(() => new Map());
    const byTu = new Map();
    // The TUs that compile each query's file: the file itself, or the TUs that #include it.
    const homes = queries.map(q => homeTus(acc, q));
    set.expectLookups(queries.map(q => q.name));
    queries.forEach((q, qi) => {
        const tus = new Set([...set.tusMentioning(q.name), ...homes[qi]]);
        for (const tu of tus)
            byTu.set(tu, [...(byTu.get(tu) ?? []), qi]);
    });
    const firstOf = (q) => [
        q.reason
            ? { kind: 'changed', name: q.name, reason: q.reason }
            : { kind: 'changed', name: q.name }
    ];
    for (const tu of [...byTu.keys()].sort()) {
        const g = set.graph(tu, true);
        if (!g)
            continue;
        const unseen = [];
        for (const qi of byTu.get(tu) ?? []) {
            const { origin, name, file } = queries[qi];
            const starts = g.ids(name).filter(id => file === undefined || g.file(id) === file);
            if (starts.length === 0) {
                if (homes[qi].includes(tu))
                    unseen.push(qi);
                continue;
            }
            found[qi] = true;
            const first = firstOf(queries[qi]);
            for (const [id, chain] of walkForward(g, starts, () => first)) {
                acc.add(g, tu, g.name(id), 'required', chain, origin, id);
                if (lto)
                    seed(ltoSeeds[qi], joinKey(g.file(id), g.name(id)), chain);
            }
        }
        for (const qi of unseen) {
            const { origin, name } = queries[qi];
            // GCC took no decision about it: an ordinary out-of-line function of its own TU.
            const first = firstOf(queries[qi]);
            acc.add(g, tu, name, 'required', first, origin);
            if (lto)
                ltoSeeds[qi].set(joinKey(tu, name), first);
            found[qi] = true;
        }
    }
    if (lto)
        queries.forEach((q, qi) => acc.followLinkStages(ltoSeeds[qi], q.origin));
    return found;
}
function viaReason(fn) {
    if (fn.via?.kind === 'header-macro')
        return `uses macro ${fn.via.macro}`;
    if (fn.via?.kind === 'enum-value')
        return `uses enumerator ${fn.via.macro}`;
    if (fn.via?.kind === 'type-layout')
        return fn.via.macro;
    if (fn.via?.kind === 'trace-event')
        return fn.via.macro;
    return undefined;
}
const includers = new WeakMap();
/**
 * The TUs that compile a `.c`: its own, and those that `#include` it (`fs/compat_binfmt_elf.c`
 * includes `fs/binfmt_elf.c`: a function GCC took no decision about has a copy in each).
 */
function homeTus(acc, q) {
    const { set } = acc;
    if (q.file === undefined || !q.file.endsWith('.c'))
        return [];
    let known = includers.get(set);
    if (!known)
        includers.set(set, (known = new Map()));
    let tus = known.get(q.file);
    if (!tus) {
        const others = set.tusDeclaring(q.file).filter(tu => tu !== q.file);
        tus = set.hasTu(q.file) ? [q.file, ...others] : others;
        known.set(q.file, tus);
    }
    const own = tus;
    const listed = acc.options.tusReading?.(q.file).filter(tu => set.hasTu(tu) && !own.includes(tu));
    const all = listed && listed.length > 0 ? [...own, ...listed] : own;
    if (all.length === 0)
        acc.notBuilt(q.file, q.origin);
    return all;
}
function joinKey(file, name) {
    return `${file}\u0000${ltoJoinName(name)}`;
}
function seed(seeds, key, chain) {
    const known = seeds.get(key);
    if (!known || chain.length < known.length)
        seeds.set(key, chain);
}
/**
 * GCC keeps the original of a constprop/isra clone as the clone's origin and writes no removal line
 * even when every caller was redirected to the clone and no symbol is emitted (seen in the
 * validation builds: `__parse_nl_addr`, `rtm_to_ipmr_mfcc`). It stays required (fail closed), with
 * this note, unless symbol tables decide.
 */
const ORIGINAL_NOTE = 'original of a constprop/isra clone: GCC may have emitted no symbol for it (no removal line is written then); check with nm or give symbol tables';
/**
 * A function only the source search named (a user of a changed header macro, an ordinary function
 * GCC took no decision about) that neither its TU's dump nor the symbol tables have: this build
 * does not compile it (an `#if` the `.config` leaves out, or a static function nothing calls), so
 * there is nothing to patch. With a dump node, a missing symbol is a conflict instead (see result).
 */
function notCompiled(entry) {
    entry.symbol = 'removed';
    entry.note =
        "neither its TU's dump nor the symbol tables have it: not compiled in this build (an #if the .config leaves out, or nothing calls it)";
}
function isSpecializedOriginal(graph, name) {
    return specializedOriginals(graph).has(name);
}
class Accumulator {
    set;
    options;
    entries = new Map();
    findings = [];
    findingKeys = new Set();
    headers = [];
    constructor(set, options) {
        this.set = set;
        this.options = options;
    }
    /**
     * `review` entries for the nodes `ids` of `graph` and the functions that contain them (a
     * function inlined away is reviewed where it went), but for the `required` ones (`tu\0name`).
     */
    review(graph, tu, ids, chain, origin, required) {
        for (const [id, c] of walkForward(graph, ids, () => chain)) {
            const name = graph.name(id);
            if (!required.has(`${tu}\u0000${name}`))
                this.add(graph, tu, name, 'review', c, origin, id);
        }
    }
    add(graph, tu, name, tier, chain, origin, 
    /** `graph`'s node of `name` the entry comes from, when a walk reached it. */
    id) {
        const key = `${tu}\u0000${name}\u0000${tier}`;
        const known = this.entries.get(key);
        if (known && known.entry.chain.length <= chain.length)
            return;
        // A name is removed when every node of it is: a reached node that is not settles it without
        // looking the name up (a header inline reaches hundreds of nodes in a TU).
        const removed = graph !== undefined && (id === undefined || graph.removed(id)) && symbolRemoved(graph, name);
        // The review tier walks this TU's graph again (see addReviewTier): kept rather than re-parsed
        // (a fix in a header inline: 380 of 960 TUs at 10x).
        const reviewed = tier === 'required' && this.options.callersOf && SIGNATURE_CLONE.test(name);
        if (reviewed && graph?.stage === 'tu')
            this.set.keep(tu, graph);
        this.entries.set(key, {
            // TU graphs are parsed again on demand (the set's cache is bounded); only link-stage graphs,
            // which the set cannot hand out by TU, are kept.
            graph: graph?.stage === 'tu' ? undefined : graph,
            specializedOriginal: !removed && graph !== undefined && isSpecializedOriginal(graph, name),
            inDump: graph !== undefined && (id !== undefined || graph.has(name)),
            entry: {
                set: this.set.label,
                name,
                tu,
                object: this.options.objectOf ? this.options.objectOf(tu) : null,
                tier,
                symbol: removed ? 'removed' : 'present',
                origin,
                chain
            }
        });
    }
    finding(f) {
        const key = `${f.kind}\u0000${f.file ?? ''}\u0000${f.message}`;
        if (this.findingKeys.has(key))
            return;
        this.findingKeys.add(key);
        this.findings.push({ ...f, set: this.set.label });
    }
    notBuilt(tu, origin) {
        const elsewhere = this.options.tuBuiltElsewhere?.(tu) ?? false;
        this.finding({
            kind: 'not-built',
            severity: elsewhere ? 'info' : 'unresolved',
            file: tu,
            functions: [origin],
            message: elsewhere
                ? `${tu} is not built in set ${this.set.label} (other sets build it): nothing to patch there.`
                : `no dump for TU ${tu} in set ${this.set.label}: not built in this configuration, or the dump was not uploaded.`
        });
    }
    /** A changed header function: its invisible out-of-line copies are judged in `result`. */
    headerFinding(name, file) {
        this.headers.push({ name, file });
    }
    /**
     * A TU that includes a header but never inlined its function may hold an out-of-line copy that no
     * dump line shows. Symbol tables of every object settle it only when each function symbol of that
     * name is attributed (readelf FILE symbols) to a TU the report has a present entry for: a bare
     * count could pair an invisible copy with an entry whose symbol GCC silently dropped (see
     * ORIGINAL_NOTE). Anything less stays unresolved, with what the tables show, for a human to check.
     */
    headerFindings(affected) {
        const { objects, functionFiles } = this.options;
        for (const { name, file } of this.headers) {
            const base = `${name} is defined in header ${file}: a TU that includes it but never inlined it may ` +
                'hold an out-of-line copy, which the dumps do not show';
            let verdict;
            if (objects && functionFiles) {
                const uncovered = [];
                const open = [];
                for (const o of objects) {
                    const syms = functionFiles(o, name);
                    if (syms === undefined) {
                        uncovered.push(o);
                        continue;
                    }
                    const present = affected
                        .filter(a => a.object === o && a.name === name && a.symbol === 'present')
                        .map(a => fileName(a.tu));
                    const unmatched = syms.filter(f => {
                        const at = f === null ? -1 : present.indexOf(f);
                        if (at >= 0)
                            present.splice(at, 1);
                        return at < 0 && !(f !== null && this.tableCopy(affected, o, f, name));
                    });
                    if (unmatched.length > 0) {
                        const where = unmatched.every(f => f === null)
                            ? 'its table does not say which TU each is from'
                            : `not from a TU the report lists: ${unmatched.map(f => f ?? '?').join(', ')}`;
                        open.push(`${o} has ${syms.length} function symbol(s) named ${name} (${where})`);
                    }
                }
                if (uncovered.length === 0 && open.length === 0) {
                    this.finding({
                        kind: 'header-out-of-line',
                        severity: 'info',
                        file,
                        functions: [name],
                        message: `${base}; the symbol tables of all ${objects.length} object(s) show no copy the report lacks (a copy in a TU no dump names is listed as an entry there).`
                    });
                    continue;
                }
                verdict = [
                    ...open,
                    ...(uncovered.length > 0 ? [`no symbol table for ${listed(uncovered)}`] : [])
                ].join('; ');
            }
            this.finding({
                kind: 'header-out-of-line',
                severity: 'unresolved',
                file,
                functions: [name],
                message: `${base}; ` +
                    (verdict ??
                        `check the built objects for local symbols named ${name} (nm) in TUs not listed here, or give symbol tables of every object`) +
                    '.'
            });
        }
    }
    /**
     * A copy the table attributes to a TU the report lacks (its dump never names the function: the
     * TU called it out of line): when one TU of the object has that basename, the copy is an entry
     * there, required like any copy of a changed function, rather than a doubt for a human.
     */
    tableCopy(affected, object, file, name) {
        const tus = this.set
            .tus()
            .filter(tu => fileName(tu) === file)
            .filter(tu => (this.options.objectOf?.(tu) ?? null) === object);
        if (tus.length !== 1)
            return false;
        const copy = {
            set: this.set.label,
            name,
            tu: tus[0],
            object,
            tier: 'required',
            symbol: 'present',
            origin: name,
            chain: [
                {
                    kind: 'changed',
                    name,
                    reason: 'an out-of-line copy in this TU, which its symbol table shows and no dump line does'
                }
            ]
        };
        const sympos = this.options.symbolInfo?.(object, tus[0], name)?.sympos;
        if (sympos !== undefined)
            copy.sympos = sympos;
        affected.push(copy);
        return true;
    }
    /** LTO: carries what the TU stage reached into the WPA dump, then into every ltrans partition. */
    followLinkStages(seeds, origin) {
        for (const g of this.set.linkGraphs()) {
            const starts = new Map();
            for (const node of g.nodes) {
                const chain = seeds.get(joinKey(node.file, node.name));
                if (chain)
                    starts.set(node.id, chain);
            }
            if (starts.size === 0)
                continue;
            for (const [id, chain] of walkForward(g, starts.keys(), s => starts.get(s) ?? [])) {
                const node = g.nodes[id];
                this.add(g, node.file.endsWith('.c') ? node.file : g.tu, node.name, 'required', chain, origin, id);
                seed(seeds, joinKey(node.file, node.name), chain);
            }
        }
    }
    /** `tu\0name` of every required entry so far. */
    requiredKeys() {
        const out = new Set();
        for (const { entry } of this.entries.values())
            if (entry.tier === 'required')
                out.add(`${entry.tu}\u0000${entry.name}`);
        return out;
    }
    result() {
        this.addReviewTier();
        const affected = [];
        const info = this.options.symbolInfo;
        for (const { entry, specializedOriginal, inDump } of this.entries.values()) {
            if (info && entry.object !== null) {
                const s = info(entry.object, entry.tu, entry.name);
                if (s) {
                    if (!s.exists && entry.tier === 'required' && entry.symbol === 'present') {
                        if (specializedOriginal) {
                            // GCC drops the original of an isra/constprop clone without a removal line: this
                            // is the question the tables are for.
                            entry.symbol = 'removed';
                        }
                        else if (!inDump) {
                            notCompiled(entry);
                        }
                        else if (s.absentFromTu) {
                            // A readelf table that lists the TU and no such function anywhere in the object is
                            // this build's answer: a node inlined into its last caller is no removal line.
                            entry.symbol = 'removed';
                            entry.note = `no symbol in the symbol table of ${entry.object}, which lists its TU: GCC inlined every call`;
                        }
                        else {
                            // The dump kept this copy; a table without it is of another build, or cut (an
                            // old readelf without -W): it cannot overrule the dump.
                            this.finding({
                                kind: 'symbols-mode',
                                severity: 'unresolved',
                                file: entry.tu,
                                functions: [entry.name],
                                message: `the dump keeps ${entry.name}, but the symbol tables of ${entry.object} have no ` +
                                    'such symbol: kept as required. The tables may come from another build or have ' +
                                    'cut names; check them.'
                            });
                        }
                    }
                    else if (!s.exists) {
                        // A review-tier caller found in the source may be compiled out (#ifdef) of this build.
                        entry.symbol = 'removed';
                    }
                    if (s.sympos !== undefined && entry.symbol === 'present')
                        entry.sympos = s.sympos;
                    affected.push(entry);
                    continue;
                }
            }
            if (entry.symbol === 'present' && specializedOriginal) {
                entry.note = ORIGINAL_NOTE;
            }
            affected.push(entry);
        }
        this.headerFindings(affected);
        // After headerFindings: it adds the copies the symbol tables show.
        affected.sort(compareAffected$1);
        return { affected, findings: this.findings };
    }
    /**
     * An isra/constprop clone has a signature GCC chose from the body: if the change alters what the
     * body does with its parameters, the next build may clone differently and every caller changes.
     */
    addReviewTier() {
        const required = [...this.entries.values()].filter(e => e.entry.tier === 'required');
        const isRequired = new Set(required.map(e => `${e.entry.tu}\u0000${e.entry.name}`));
        // A reviewed caller that is itself a signature clone may be re-cloned as well once its body
        // changes, and its callers change with it (6.1.176's sound/core/timer.c: snd_timer_user_params
        // loses its isra clone, __snd_timer_user_ioctl.isra.0 goes too, and both ioctl entry points
        // change): its callers are reviewed in turn, each clone once.
        const done = new Set();
        for (let queue = required; queue.length > 0;) {
            for (const e of queue)
                done.add(`${e.entry.tu}\u0000${e.entry.name}`);
            this.reviewCallers(queue, isRequired);
            queue = [...this.entries.values()].filter(e => e.entry.tier === 'review' &&
                SIGNATURE_CLONE.test(e.entry.name) &&
                !done.has(`${e.entry.tu}\u0000${e.entry.name}`));
        }
    }
    reviewCallers(from, isRequired) {
        for (const { entry, graph: linkGraph } of from) {
            if (!SIGNATURE_CLONE.test(entry.name))
                continue;
            // Without a source to search, the graph would be parsed again (the set's cache is bounded:
            // a header inline's thousands of TUs thrash it) only to build a search nobody runs.
            const graph = this.options.callersOf ? (linkGraph ?? this.set.graph(entry.tu)) : undefined;
            const base = baseName$1(entry.name);
            const own = graph?.ids(entry.name)[0];
            const file = own === undefined ? undefined : graph?.file(own);
            const also = file === undefined || file === entry.tu ? [] : [file];
            // The search follows the TU's includes; the headers its dump names are searched whatever
            // the include resolution finds, and tell which arch/*/include folders apply.
            if (graph)
                append(also, headersOf(graph));
            const callers = this.options.callersOf?.(entry.tu, base, [...new Set(also)]);
            if (callers === undefined || callers.unsearched.length > 0) {
                const why = callers === undefined
                    ? 'the source is not available to list them.'
                    : `${listed(callers.unsearched)} could not be searched (not in the source tree, or not readable there; ${UNFOUND_HINT}): the ` +
                        'callers listed may be incomplete.';
                this.finding({
                    kind: 'review-callers-unknown',
                    severity: 'warning',
                    file: entry.tu,
                    functions: [entry.name],
                    message: `${entry.name} changes the signature of ${base}; its callers in ${entry.tu} should be ` +
                        `reviewed, but ${why}`
                });
            }
            if (callers === undefined)
                continue;
            for (const caller of callers.callers) {
                if (isRequired.has(`${entry.tu}\u0000${caller}`))
                    continue;
                const chain = entry.chain.concat({ kind: 'caller-of', name: caller });
                const ids = graph?.ids(caller);
                if (!graph || !ids || ids.length === 0) {
                    this.add(graph, entry.tu, caller, 'review', chain, entry.origin);
                    continue;
                }
                // A caller that was itself inlined away is reviewed in the functions that contain it.
                this.review(graph, entry.tu, ids, chain, entry.origin, isRequired);
            }
        }
    }
}
const headerLists = new WeakMap();
function headersOf(graph) {
    let headers = headerLists.get(graph);
    if (!headers) {
        headers = graph
            .nodeFiles()
            .filter(f => f.endsWith('.h'))
            .sort();
        headerLists.set(graph, headers);
    }
    return headers;
}
function listed(files) {
    const shown = files.slice(0, 5).join(', ');
    return files.length > 5 ? `${shown} and ${files.length - 5} more` : shown;
}
function compareAffected$1(a, b) {
    return (cmp$1(a.set, b.set) ||
        cmp$1(a.object ?? '', b.object ?? '') ||
        cmp$1(a.name, b.name) ||
        cmp$1(a.tu, b.tu) ||
        cmp$1(a.tier, b.tier));
}
function cmp$1(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** A layout finding: a type the fix reshapes, which no function replacement carries. */
function isLayout(f) {
    return (f.kind === 'type-change' && f.severity === 'unresolved' && /not livepatchable/.test(f.message));
}
/**
 * Unresolved kinds that say what the fix does, seen whole, is something a livepatch cannot carry
 * by replacing functions: a human decides how (shadow variables, a callback, a reworked fix).
 * Every other unresolved finding is an input the analysis could not cover.
 */
const CANNOT_CARRY = {
    'global-change': 'data the running kernel keeps',
    'export-change': "the kernel's export table",
    'module-param-change': 'a module parameter',
    'not-patchable': 'functions without an ftrace call site',
    'script-change': 'a linker script or constants assembler code reads'
};
/** Whether an unresolved finding is a change to carry (see CANNOT_CARRY), not a gap in the analysis. */
function isDecision(f) {
    return isLayout(f) || CANNOT_CARRY[f.kind] !== undefined;
}

/**
 * Decides pass/fail from the policy items, always in the order missing, review, unresolved.
 * Without a declaration (`coverage` null) the run only reports what must be patched: `missing` and
 * `review` cannot be judged and never trip; `unresolved` still does, since the list itself may be
 * incomplete. Under `review`, a clone whose callers could not all be searched fails too. Under `missing`, an analysis that found no affected function while some input could
 * not be analysed fails too: the gate must not pass because it saw nothing.
 */
function evaluatePolicy(policy, affected, coverage, findings) {
    const items = new Set(policy);
    const reasons = [];
    const setCount = new Set(affected.map(a => a.set)).size;
    if (items.has('missing') && coverage && coverage.missing.length > 0) {
        const n = coverage.missing.length;
        reasons.push(`${plural(n, 'required function is', 'required functions are')} not declared by the livepatch` +
            perSet(n, coverage.missing.map(a => a.set), setCount));
    }
    const ambiguous = coverage?.ambiguous?.length ?? 0;
    if (items.has('missing') && ambiguous > 0) {
        reasons.push(`${plural(ambiguous, 'declaration does', 'declarations do')} not say which of several ` +
            'same-name symbols to replace (old_sympos missing, wrong or unverifiable): the kernel ' +
            'would refuse to load the livepatch, or replace another function');
    }
    if (items.has('review') && coverage && coverage.review.length > 0) {
        const n = coverage.review.length;
        reasons.push(`${plural(n, 'review-tier function is', 'review-tier functions are')} not declared by the livepatch` +
            perSet(n, coverage.review.map(a => a.set), setCount));
    }
    // Gating on review judges a list: a caller search that could not read part of a TU leaves that
    // list short, so it cannot pass for a complete one.
    const unknownCallers = findings.filter(f => f.kind === 'review-callers-unknown').length;
    if (items.has('review') && coverage && unknownCallers > 0) {
        reasons.push(`${plural(unknownCallers, 'clone has', 'clones have')} callers that could not be listed ` +
            '(review-callers-unknown): the review tier may be incomplete');
    }
    const unresolvedList = findings.filter(f => f.severity === 'unresolved');
    const unresolved = unresolvedList.length;
    if (items.has('unresolved') && unresolved > 0) {
        const decisions = unresolvedList.filter(isDecision).length;
        if (decisions > 0)
            reasons.push(`${plural(decisions, 'change', 'changes')} no function replacement carries (unresolved findings: a human decides how)`);
        if (unresolved > decisions)
            reasons.push(`${plural(unresolved - decisions, 'input could not be analysed', 'inputs could not be analysed')}` +
                ' (unresolved findings)');
    }
    else if (items.has('missing') && unresolved > 0 && affected.length === 0) {
        // A gate must not pass on an analysis that found nothing because it could analyse nothing.
        reasons.push(`no affected function was found and ${plural(unresolved, 'input', 'inputs')} could not be ` +
            'analysed: an empty analysis cannot pass the gate (see the unresolved findings)');
    }
    return { result: reasons.length > 0 ? 'fail' : 'pass', reasons };
}
function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/** Entries are per dump set, so the count says so when several sets contribute. */
function perSet(n, sets, setCount) {
    const distinct = new Set(sets).size;
    return setCount > 1 && distinct > 1 && n > 0 ? ' (counted once per dump set)' : '';
}

/** Kept equal to package.json's version by a test (bundles cannot read package.json at run time). */
const VERSION = '0.1.0';

const DUMP_SUFFIX$1 = /\.\d{3}i\.ipa-clones$/;
const WPA = /\.wpa$/;
const LTRANS = /\.ltrans(\d+)\.ltrans$/;
function classifyDumpPath(path) {
    const name = normalizePath(path).replace(DUMP_SUFFIX$1, '');
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
function renameKey(rename) {
    return `${rename.drop}:${rename.prepend}`;
}
/** Applies a rename to a dump's path; a path too short to drop from is kept. */
function applyRename(name, rename) {
    // A kernel tree's rename (27,000 dumps at distribution scale: splitting each cost 20 ms).
    if (rename.drop === 0 && rename.prepend === '')
        return name;
    let parts = name.split('/');
    if (rename.drop > 0 && parts.length > rename.drop)
        parts = parts.slice(rename.drop);
    return rename.prepend === '' ? parts.join('/') : `${rename.prepend}/${parts.join('/')}`;
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

/** `s` as a regular expression that matches exactly `s`. */
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Answers "which dumps mention symbol X" without paying for an index at load time: indexing every
 * name of every line costs about twice as much as reading the dumps, while a query for one name is a
 * native substring search. After `FULL_INDEX_AFTER` distinct names the whole index is built once,
 * so a query about hundreds of functions (a changed macro) stays linear.
 */
const FULL_INDEX_AFTER = 8;
class NameIndex {
    texts;
    include;
    textAt;
    known;
    memo = new Map();
    full;
    cuts = new Int32Array(MAX_FIELDS + 1);
    res = {
        kind: 0,
        layout: undefined,
        error: ''
    };
    /**
     * `texts[i]` is dump i's text; only dumps for which `include(i)` holds are answered. `textAt`,
     * when given, is asked instead (a set that re-reads dumps it did not keep in memory). `known(i)`:
     * the names dump i was found to hold when it was scanned, if listed (every name a lookup can be
     * asked for is among what the scan looked for); its text is then not read.
     */
    constructor(texts, include, textAt = i => texts[i], known = () => undefined) {
        this.texts = texts;
        this.include = include;
        this.textAt = textAt;
        this.known = known;
    }
    /**
     * The caller is about to look up `names`: when that is more than FULL_INDEX_AFTER new ones, the
     * full index is built now rather than after as many passes over every text (each a decode of
     * every kept dump: a changed header macro asks for hundreds of functions).
     */
    expect(names) {
        if (this.full)
            return;
        const fresh = new Set();
        for (const n of names)
            if (!this.memo.has(n))
                fresh.add(n);
        if (this.memo.size + fresh.size > FULL_INDEX_AFTER)
            this.full = this.buildFull();
    }
    /** Indexes (ascending) of the dumps that have a node named `name` (without `*`). */
    lookup(name) {
        if (this.full)
            return this.full.get(name) ?? [];
        let hit = this.memo.get(name);
        if (hit)
            return hit;
        if (this.memo.size >= FULL_INDEX_AFTER) {
            this.full = this.buildFull();
            return this.full.get(name) ?? [];
        }
        hit = [];
        for (let i = 0; i < this.texts.length; i++) {
            if (!this.include(i))
                continue;
            const known = this.known(i);
            if (known ? known.includes(name) : this.mentions(this.textAt(i), name))
                hit.push(i);
        }
        this.memo.set(name, hit);
        return hit;
    }
    /**
     * `;name;` can only be a name field (names are never digits, files have a `/` or an extension),
     * but each hit is still checked to sit in a name field of a well-formed line.
     */
    mentions(text, name) {
        for (const pat of [`;${name};`, `;*${name};`]) {
            let at = text.indexOf(pat);
            while (at >= 0) {
                const start = text.lastIndexOf('\n', at) + 1;
                let end = text.indexOf('\n', at);
                if (end < 0)
                    end = text.length;
                if (end > start && text.charCodeAt(end - 1) === 13)
                    end--;
                const r = scanLine(text, start, end, this.cuts, this.res);
                if (r.kind !== 0) {
                    if (this.cuts[r.layout.origName - 1] === at)
                        return true;
                    if (r.kind === LINE_CLONE && this.cuts[r.layout.newName - 1] === at)
                        return true;
                }
                at = text.indexOf(pat, at + 1);
            }
        }
        return false;
    }
    buildFull() {
        const names = new Map();
        const { cuts, res } = this;
        for (let idx = 0; idx < this.texts.length; idx++) {
            if (!this.include(idx))
                continue;
            const known = this.known(idx);
            if (known) {
                for (const name of known)
                    add(names, name, idx);
                continue;
            }
            const text = this.textAt(idx);
            const len = text.length;
            let pos = 0;
            while (pos < len) {
                let end = text.indexOf('\n', pos);
                if (end < 0)
                    end = len;
                const next = end + 1;
                if (end > pos && text.charCodeAt(end - 1) === 13)
                    end--;
                if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0) {
                    const f = res.layout.origName;
                    add(names, text.slice(nameStart(text, pos, cuts, f), cuts[f]), idx);
                    if (res.kind === LINE_CLONE) {
                        const n = res.layout.newName;
                        add(names, text.slice(nameStart(text, pos, cuts, n), cuts[n]), idx);
                    }
                }
                pos = next;
            }
        }
        return names;
    }
}
function add(names, name, idx) {
    const list = names.get(name);
    // A slice would keep its dump's text alive for as long as the index lives.
    if (list === undefined)
        names.set(detach(name), [idx]);
    else if (list[list.length - 1] !== idx)
        list.push(idx);
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

const encoder = new TextEncoder();
/**
 * A dump's graph read by the line check's module from its text (LineCheck.graph), or undefined
 * where the module cannot read the whole dump exactly: a character past ASCII (the module's byte
 * offsets would not be the text's), a malformed line, an order past its table, no WebAssembly.
 */
function moduleGraph(text) {
    const check = lineCheck();
    // Past GRAPH_MAX the module reads no graph: neither encoding nor validating it would pay.
    if (!check || text.length === 0 || text.length > GRAPH_MAX)
        return undefined;
    let view;
    try {
        view = check.input(text.length);
    }
    catch {
        // The memory could not grow (a RangeError): the line loop needs none.
        return undefined;
    }
    // ASCII only: one byte a character, so all of the text and all of the view, or not at all.
    const { read, written } = encoder.encodeInto(text, view);
    if (read !== text.length || written !== text.length)
        return undefined;
    return readWhole({ length: text.length, latin1: () => text, view: () => view }, true)?.graph;
}
/**
 * `scanTuGraph` of a dump's text, read by the line check's module where it can (see
 * `moduleGraph`): the same graph (every line well formed and ASCII, the module reads what the line
 * loop would), 4-5x faster. A kept dump that did not fit the set's budget is re-read when a query
 * needs its graph: for a header inline at distribution scale (`explain kzalloc`, 27,000 dumps)
 * the JavaScript line loop over those re-read texts was a third of the run.
 */
function readTuGraph(text) {
    return moduleGraph(text) ?? scanTuGraph(text);
}

const COPY_REASON = '(null)';
/** Name lookups answered by a scan of the names before they are indexed (see `TuGraph.ids`). */
const SCANNED_LOOKUPS = 8;
/**
 * One dump's clone graph. What defines it is its compact form and its files made repository-
 * relative; the node and edge objects, and the index by name, are made when first asked for. A
 * query walks a few names through each graph it reads, by the accessors below: at 27,000 dumps a
 * fix in a header inline reads 960 graphs, and making every node and edge an object was half the
 * analysis (200 ms, 75 MB).
 */
class TuGraph {
    tu;
    stage;
    compact;
    files;
    #nodes;
    #edges;
    #byName;
    #lookups = 0;
    /** Per reason index of `compact.edges` (0: `inlining to`): a same-name copy's. */
    #copies;
    constructor(
    /** TU path (`net/ipv4/tcp.c`), or the link-stage dump's name (`vmlinux.wpa`). */
    tu, stage, compact, 
    /** Each file of `compact.files`, repository-relative (`include/linux/skbuff.h`). */
    files) {
        this.tu = tu;
        this.stage = stage;
        this.compact = compact;
        this.files = files;
        this.#copies = [false, ...compact.reasons.map(r => r === COPY_REASON)];
    }
    /** Node count; node ids are 0 to size - 1. */
    get size() {
        return this.compact.names.length;
    }
    name(id) {
        return this.compact.names[id];
    }
    file(id) {
        return this.files[this.compact.nodes[id * NODE_FIELDS + 1]];
    }
    removed(id) {
        return this.compact.nodes[id * NODE_FIELDS + 3] === 1;
    }
    /** The ids of the nodes of this name (several: a same-name copy, or one name at two orders). */
    ids(name) {
        if (this.#byName)
            return this.#byName.get(name) ?? NONE;
        // A graph is mostly asked for one or two names: a scan beats indexing thousands.
        if (++this.#lookups > SCANNED_LOOKUPS)
            return this.byName.get(name) ?? NONE;
        const { names } = this.compact;
        let found;
        for (let id = names.indexOf(name); id >= 0; id = names.indexOf(name, id + 1))
            (found ??= []).push(id);
        return found ?? NONE;
    }
    has(name) {
        return this.ids(name).length > 0;
    }
    /** The files the nodes are declared in, each once, in the order the dump first names them. */
    nodeFiles() {
        const { nodes } = this.compact;
        const used = new Uint8Array(this.files.length);
        for (let at = 1; at < nodes.length; at += NODE_FIELDS)
            used[nodes[at]] = 1;
        return [...new Set(this.files.filter((_, i) => used[i] === 1))];
    }
    /** Edge count; edges are 0 to edgeCount - 1, in dump order. */
    get edgeCount() {
        return this.compact.edges.length / EDGE_FIELDS;
    }
    edgeFrom(e) {
        return this.compact.edges[e * EDGE_FIELDS];
    }
    edgeTo(e) {
        return this.compact.edges[e * EDGE_FIELDS + 1];
    }
    /** `inlining to`, rather than a clone. */
    edgeInline(e) {
        return this.compact.edges[e * EDGE_FIELDS + 2] === 0;
    }
    /** A same-name copy (see DumpEdge.copy). */
    edgeCopy(e) {
        return this.#copies[this.compact.edges[e * EDGE_FIELDS + 2]];
    }
    edgeReason(e) {
        const r = this.compact.edges[e * EDGE_FIELDS + 2];
        return r === 0 ? INLINE_REASON$1 : this.compact.reasons[r - 1];
    }
    get nodes() {
        return (this.#nodes ??= this.makeNodes());
    }
    /** In dump order, which is the order GCC took its decisions in. */
    get edges() {
        return (this.#edges ??= this.makeEdges());
    }
    /** Node ids by name. */
    get byName() {
        if (!this.#byName) {
            const byName = new Map();
            this.compact.names.forEach((name, id) => {
                const same = byName.get(name);
                if (same)
                    same.push(id);
                else
                    byName.set(name, [id]);
            });
            this.#byName = byName;
        }
        return this.#byName;
    }
    makeNodes() {
        const { names, nodes } = this.compact;
        const out = names.map((name, id) => {
            const at = id * NODE_FIELDS;
            return {
                id,
                name,
                order: nodes[at],
                file: this.files[nodes[at + 1]],
                line: nodes[at + 2],
                removed: nodes[at + 3] === 1
            };
        });
        for (let e = 0; e < this.edgeCount; e++) {
            const from = this.edgeFrom(e);
            const to = this.edgeTo(e);
            if (this.edgeCopy(e) && out[to].copyOf === undefined && to !== from)
                out[to].copyOf = out[from].copyOf ?? from;
        }
        return out;
    }
    makeEdges() {
        const out = [];
        for (let e = 0; e < this.edgeCount; e++) {
            const inline = this.edgeInline(e);
            out.push({
                from: this.edgeFrom(e),
                to: this.edgeTo(e),
                kind: inline ? 'inline' : 'clone',
                reason: this.edgeReason(e),
                copy: this.edgeCopy(e),
                line: this.compact.edges[e * EDGE_FIELDS + 3]
            });
        }
        return out;
    }
}
const NONE = [];
/**
 * Parses a dump's text into its clone graph (see readTuGraph). Malformed lines are skipped here:
 * the dump set reported them when the dump was added.
 */
function parseTuGraph(tu, stage, text) {
    return buildTuGraph(tu, stage, readTuGraph(text));
}
/**
 * The graph of a compact one (see compact-graph.ts). GCC writes file names as given on its command
 * line: `./include/linux/skbuff.h`, `net/ipv4/tcp.c`, or absolute / `../`-prefixed in out-of-tree
 * builds. The TU's own file tells the prefix: its spelling ends with the TU path, and whatever
 * precedes that is the build's view of the tree root, stripped from every file of the dump.
 */
function buildTuGraph(tu, stage, c) {
    const files = c.files.map(normalizedFile);
    const own = '/' + tu;
    const spelledOwn = files.find(n => n !== tu && n.endsWith(own));
    if (spelledOwn !== undefined) {
        const prefix = spelledOwn.slice(0, spelledOwn.length - tu.length);
        for (let i = 0; i < files.length; i++)
            if (files[i].startsWith(prefix))
                files[i] = files[i].slice(prefix.length);
    }
    return new TuGraph(tu, stage, c, files);
}
/**
 * Normalized file spellings, shared by every graph parsed on this thread: a header is spelled
 * alike in the hundreds of TUs that include it, and normalizing (`./include/...` is not normal)
 * was a sixth of a parse. Bounded, as a distribution build spells tens of thousands of files.
 */
const normalized = new Map();
const MAX_NORMALIZED = 1 << 16;
function normalizedFile(spelled) {
    let n = normalized.get(spelled);
    if (n === undefined) {
        if (normalized.size >= MAX_NORMALIZED)
            normalized.clear();
        n = detach(normalizePath(spelled));
        normalized.set(detach(spelled), n);
    }
    return n;
}

/**
 * How a dump's text becomes its compact graph (compact-graph.ts, dump-line.ts, or the line
 * check's module with recorded-graph.ts, the choice made in read-graph.ts) and how it is stored
 * (this file). A stored graph holds that answer, so a change to those files must bump this: a
 * test pins it to their digest and fails until it is bumped.
 */
const GRAPH_CACHE_SCHEMA = 7;
function encodeGraph(g) {
    return JSON.stringify({
        n: g.names,
        f: g.files,
        r: g.reasons,
        N: Array.from(g.nodes),
        E: Array.from(g.edges)
    });
}
/**
 * The stored graph, or undefined when `stored` is not one this code wrote (then the dump is read
 * again). The store checked its digest; the shape is checked here, down to every index, since a
 * wrong one would join the wrong functions in a report.
 */
function decodeGraph(stored) {
    let v;
    try {
        v = JSON.parse(stored);
    }
    catch {
        return undefined;
    }
    if (typeof v !== 'object' || v === null)
        return undefined;
    const { n, f, r, N, E } = v;
    if (!strings(n) || !strings(f) || !strings(r) || !ints(N) || !ints(E))
        return undefined;
    if (N.length !== n.length * NODE_FIELDS || E.length % EDGE_FIELDS !== 0)
        return undefined;
    for (let at = 0; at < N.length; at += NODE_FIELDS) {
        const file = N[at + 1];
        if (file >= f.length)
            return undefined;
        if (N[at + 3] !== 0 && N[at + 3] !== 1)
            return undefined;
    }
    for (let at = 0; at < E.length; at += EDGE_FIELDS) {
        const [from, to, reason, line] = [E[at], E[at + 1], E[at + 2], E[at + 3]];
        if (from >= n.length || to >= n.length || reason > r.length || line < 1)
            return undefined;
    }
    return {
        names: n,
        files: f,
        reasons: r,
        nodes: Float64Array.from(N),
        edges: Float64Array.from(E)
    };
}
function strings(v) {
    return Array.isArray(v) && v.every(s => typeof s === 'string');
}
/** Whole numbers of any size (an order or a line is what the dump's digits say), never negative. */
function ints(v) {
    return Array.isArray(v) && v.every(x => Number.isInteger(x) && x >= 0);
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
    const out = { path, text: '', kept: false, lines, findings: NONE$1, sampled: false };
    if (focused)
        out.names = NONE$1;
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
                const out = unreadDump(path, answer, true);
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

/**
 * Text kept in memory per dump set before kept dumps are re-read instead. A header inline is named
 * in half the dumps of a distribution build: keeping their text was ~600 MB at 27,000 dumps, while a
 * query reads each of them once (TU-major), so re-reading costs one more read of those files.
 */
const KEPT_TEXT_BUDGET = 96 * 1024 * 1024;

/**
 * A header inline is in thousands of TUs of a distribution build; keeping every parsed graph cost
 * ~100 MB at 27,000 dumps. Re-parsing one is cheap (~0.5 ms), so only the recent ones stay.
 */
const MAX_CACHED_GRAPHS = 512;
/** A graph with more nodes and edges than this is not stored (an LTO link-stage dump, say). */
const MAX_STORED_RECORDS = 1 << 18;
/**
 * The `-fdump-ipa-clones` dumps of one build (one configuration, one architecture). Adding a dump
 * validates every line and keeps its text; a TU's graph is parsed on first use, because a query
 * touches a few hundred TUs of the tens of thousands a distro build has. With a focus, only the
 * dumps that mention a focus name or file keep their text (every dump is still validated and known
 * as a TU), and asking outside the focus is an error rather than a silently short answer.
 */
class DumpSet {
    label;
    keptTextBudget;
    findings = [];
    dumps = [];
    names;
    byTu = new Map();
    graphs = new Map();
    linkStage = [];
    lines = 0;
    keptBytes = 0;
    finished = false;
    isLto = false;
    focus;
    prefixVotes = new Map();
    prefixSampled = 0;
    scanner;
    graphStore;
    stored = new Set();
    sources;
    /** `.c` files asked about by tusDeclaring: past two, sourcesIndex answers. */
    declaringAsked = 0;
    /** What another thread needs to scan dumps for this set (see `addScanned`). */
    scanSpec;
    constructor(label, focus, keptTextBudget = KEPT_TEXT_BUDGET) {
        this.label = label;
        this.keptTextBudget = keptTextBudget;
        this.focus = focus && new FocusMatcher(focus);
        this.scanner = new DumpScanner(label, focus);
        this.scanSpec = {
            label,
            keptTextBudget,
            ...(focus ? { focus: { names: [...focus.names], files: [...focus.files] } } : {})
        };
    }
    get lto() {
        return this.isLto;
    }
    get dumpCount() {
        return this.dumps.length;
    }
    /** Dumps whose text is kept (in memory or to re-read): all of them without a focus. */
    get keptCount() {
        return this.dumps.reduce((n, d) => n + (d.kept && (d.text.length > 0 || d.reread) ? 1 : 0), 0);
    }
    get lineCount() {
        return this.lines;
    }
    /**
     * path: the dump's path relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones').
     * `rereadable`: the dump can be read again, so past `KEPT_TEXT_BUDGET` its text is not kept.
     */
    addDump(path, input, rereadable) {
        if (this.finished)
            throw new Error('DumpSet.addDump after finish()');
        this.addScanned(this.scanner.scan(path, input), rereadable);
    }
    /**
     * A dump scanned elsewhere (a worker thread) by a DumpScanner made from `scanSpec`. Dumps must
     * come in path order, as to `addDump`; each scanner must have been fed its share in that order.
     * `held`: a kept dump whose text came as bytes (`scanned.text` is then ''). `digest`: a kept
     * dump's SHA-256 (base64), as the scan index has it.
     */
    addScanned(scanned, rereadable, held, digest) {
        if (this.finished)
            throw new Error('DumpSet.addDump after finish()');
        const { path, text, kept } = scanned;
        const info = classifyDumpPath(path);
        // Every scanner samples its first non-empty TU dumps, so the set's first ones are all sampled.
        if (this.prefixSampled < PREFIX_SAMPLE && scanned.sampled)
            this.vote(scanned.rename);
        this.lines += scanned.lines;
        for (const f of scanned.findings)
            this.findings.push(f);
        let reread;
        let compact;
        if (kept && held) {
            // Held: the graph a thread read (the text then re-read if a question needs it), or the text.
            if ((held.graph || held.read) && this.keptBytes + held.size <= this.keptTextBudget) {
                this.keptBytes += held.size;
                compact = held.graph;
                reread = held.graph ? held.spill() : held.read;
            }
            else
                reread = held.spill();
        }
        else if (kept && rereadable && this.keptBytes + text.length > this.keptTextBudget)
            reread = rereadable(text);
        else if (kept)
            this.keptBytes += text.length;
        const dump = { path, info, text: kept && !reread ? text : '', kept, key: info.name };
        if (reread)
            dump.reread = reread;
        if (scanned.names)
            dump.names = scanned.names;
        if (kept && digest !== undefined)
            dump.digest = digest;
        if (compact)
            dump.compact = compact;
        this.dumps.push(dump);
        // Taken: the loader's settled promises hold `scanned` until the whole load ends, and with it
        // every dump's text (590 MB at 27,000 dumps for a header inline's focus).
        scanned.text = '';
    }
    /** Call once after all addDump calls. */
    finish() {
        if (this.finished)
            return;
        this.finished = true;
        this.resolveTuNames();
        for (let i = 0; i < this.dumps.length; i++) {
            const d = this.dumps[i];
            if (d.info.stage === 'tu') {
                const first = this.byTu.get(d.key);
                if (first === undefined)
                    this.byTu.set(d.key, i);
                else {
                    // Two dumps claim one TU (two builds mixed in one set, or prefixes that resolved alike):
                    // only one can be read, and which one is right is not knowable here.
                    this.findings.push({
                        kind: 'dump-duplicate',
                        severity: 'unresolved',
                        set: this.label,
                        file: d.path,
                        message: `${d.path} is a second dump of TU ${d.key} in set ${this.label} (first: ${this.dumps[first].path}); only the first is used`
                    });
                }
            }
            else
                this.linkStage.push(i);
        }
        this.names = new NameIndex(this.dumps.map(d => d.text), i => this.byTu.get(this.dumps[i].key) === i, i => this.textAt(i), i => this.dumps[i].names);
        this.linkStage.sort((a, b) => stageRank(this.dumps[a].info) - stageRank(this.dumps[b].info));
        if (this.linkStage.length > 0) {
            this.isLto = true;
            this.findings.push({
                kind: 'lto-build',
                severity: 'warning',
                set: this.label,
                message: `Dump set ${this.label} comes from an LTO build (${this.linkStage.length} link-time dumps): ` +
                    'GCC rejects -flive-patching with -flto, so IPA effects other than inlining and cloning ' +
                    '(IPA-RA, IPA-pure-const, ...) are not recorded; functions were joined across TUs by ' +
                    'source file and name.'
            });
        }
    }
    /**
     * TUs whose dump names `file` as a declaration's file: for a `.c` compiled only as part of
     * another (`kernel/sched/rt.c` inside `build_policy.c`), the TUs that really build it. A text
     * search: asked only for changed files that have no dump of their own.
     */
    tusDeclaring(file) {
        const path = normalizePath(file);
        if (this.focus && !this.focus.files.has(path))
            this.outsideFocus(`file ${file}`);
        // `;kernel/sched/rt.c;`, `;./kernel/...;`, out of tree `/src/linux/kernel/...;`, or through a
        // relative include `kernel/x/../sched/rt.c;`: the text search on the file's base name finds
        // candidates, the parsed graph (its files normalised, the build's prefix stripped) decides.
        const base = path.slice(path.lastIndexOf('/') + 1);
        const needles = [`;${base};`, `/${base};`];
        // A dump held as its graph is searched in its file spellings, not read again from disk.
        const mayDeclare = (i) => {
            const files = this.dumps[i].compact?.files;
            if (files)
                return files.some(f => f === base || f.endsWith(`/${base}`));
            const text = this.textAt(i);
            return needles.some(n => text.includes(n));
        };
        // One file is searched for (a `.c` fix): no index, which costs a few searches to make.
        const index = base.endsWith('.c') && ++this.declaringAsked > 2 ? this.sourcesIndex() : undefined;
        const candidates = index
            ? (index.get(base) ?? [])
            : [...this.byTu].filter(([, i]) => mayDeclare(i));
        const tus = [];
        for (const [tu, i] of candidates)
            if (declares$1(this.graphAt(i), path))
                tus.push(tu);
        return tus.sort();
    }
    /**
     * Per `.c` base name, the dumps naming a file of that name: a wide header's layout readers sit
     * in a hundred `.c` files, each asked about (homeTus), and searching every dump per file cost
     * seconds (sched.h: 11 of 80 s). A dump names few `.c` files (its own, those it includes), so
     * this stays small.
     */
    sourcesIndex() {
        if (this.sources)
            return this.sources;
        const names = new Map();
        for (const [tu, i] of this.byTu) {
            const files = this.dumps[i].compact?.files;
            const bases = files
                ? new Set(files.filter(f => f.endsWith('.c')).map(f => f.slice(f.lastIndexOf('/') + 1)))
                : sourceNames(this.textAt(i));
            for (const b of bases) {
                const list = names.get(b);
                if (list)
                    list.push([tu, i]);
                else
                    names.set(b, [[tu, i]]);
            }
        }
        return (this.sources = names);
    }
    /** The TUs that compile a `.c`: its own, when it has a dump, and those whose dump declares it. */
    tusCompiling(file) {
        const tus = this.tusDeclaring(file);
        return this.hasTu(file) && !tus.includes(file) ? [file, ...tus].sort() : tus;
    }
    /** TU paths ('net/ipv4/tcp.c') that have a dump (empty ones included). */
    hasTu(tu) {
        return this.byTu.has(tu);
    }
    tus() {
        return [...this.byTu.keys()].sort();
    }
    /** `tusMentioning` is about to be asked for each of `names` (see NameIndex.expect). */
    expectLookups(names) {
        if (!this.names)
            throw new Error('DumpSet.expectLookups before finish()');
        const bare = [...names].map(n => (n.startsWith('*') ? n.slice(1) : n));
        if (this.focus)
            for (const n of bare)
                if (!this.focus.names.has(n))
                    this.outsideFocus(`symbol ${n}`);
        this.names.expect(bare);
    }
    /** TUs whose dump mentions a node with this exact symbol name (as orig or new). */
    tusMentioning(name) {
        if (!this.names)
            throw new Error('DumpSet.tusMentioning before finish()');
        const bare = name.startsWith('*') ? name.slice(1) : name;
        if (this.focus && !this.focus.names.has(bare))
            this.outsideFocus(`symbol ${bare}`);
        const idx = this.names.lookup(bare);
        return idx.map(i => this.dumps[i].key).sort();
    }
    /**
     * Parsed graph of one TU (parsed on first use, then kept among the recent ones). `once`: the
     * caller reads each TU once (a query's TU-major pass), so a graph not already kept is not kept:
     * kept, every graph of a header inline's thousands of TUs outlived the young generation and was
     * then dropped from the old one, which grew the heap by gigabytes at distribution scale.
     */
    graph(tu, once = false) {
        const i = this.byTu.get(tu);
        if (i === undefined)
            return undefined;
        if (once && !this.graphs.has(i))
            return this.parse(i);
        return this.graphAt(i);
    }
    /**
     * A graph the caller had `once` and now knows it will ask for again: kept while the cache has
     * room, never in place of a kept one (an eviction here would only move the re-parse elsewhere).
     */
    keep(tu, g) {
        const i = this.byTu.get(tu);
        if (i !== undefined && !this.graphs.has(i) && this.graphs.size < MAX_CACHED_GRAPHS)
            this.graphs.set(i, g);
    }
    /** LTO only: the WPA dump's graph first, then the ltrans partitions', in partition order. */
    linkGraphs() {
        return this.linkStage.map(i => this.graphAt(i));
    }
    graphAt(i) {
        let g = this.graphs.get(i);
        if (g) {
            // Map order is the LRU order: a hit moves to the back.
            this.graphs.delete(i);
        }
        else {
            g = this.parse(i);
            if (this.graphs.size >= MAX_CACHED_GRAPHS) {
                this.graphs.delete(this.graphs.keys().next().value);
            }
        }
        this.graphs.set(i, g);
        return g;
    }
    /**
     * Graphs of the dumps whose digest the scan index gave are looked up in `store` first, and the
     * ones read from text are added to it: a dump's graph is a function of its bytes.
     */
    useGraphStore(store) {
        this.graphStore = store;
    }
    parse(i) {
        const d = this.dumps[i];
        if (!d.kept)
            this.outsideFocus(`TU ${d.key}`);
        if (d.compact)
            return buildTuGraph(d.key, d.info.stage, d.compact);
        const store = this.graphStore;
        if (!store || d.digest === undefined)
            return parseTuGraph(d.key, d.info.stage, this.textAt(i));
        const stored = store.get(d.digest);
        const known = stored === undefined ? undefined : decodeGraph(stored);
        if (known)
            return buildTuGraph(d.key, d.info.stage, known);
        const compact = readTuGraph(this.textAt(i));
        // Only text held since the scan is of the digest's bytes: a re-read is checked by its length
        // and CRC, enough for this run, not to file a graph for later ones.
        const records = (compact.nodes.length + compact.edges.length) / 4;
        if (!d.reread && !this.stored.has(d.digest) && records <= MAX_STORED_RECORDS) {
            this.stored.add(d.digest);
            store.set(d.digest, encodeGraph(compact));
        }
        return buildTuGraph(d.key, d.info.stage, compact);
    }
    textAt(i) {
        const d = this.dumps[i];
        return d.reread ? d.reread() : d.text;
    }
    outsideFocus(what) {
        throw new Error(`internal: ${what} is outside the focus dump set ${this.label} was loaded with`);
    }
    /** A vote for the foreign leading folder of dump paths (see `resolveTuNames`). */
    vote(rename) {
        if (rename === undefined)
            return;
        this.prefixSampled++;
        const key = renameKey(rename);
        const vote = this.prefixVotes.get(key) ?? { rename, votes: 0 };
        vote.votes++;
        this.prefixVotes.set(key, vote);
    }
    /**
     * Dump paths may carry a leading folder that is not part of the tree (an archive's top folder),
     * or lack the folders the sources sit in (a build folder given as the input). GCC wrote the
     * TU's own file as compiled, so a sample of non-empty dumps tells how to rename them (see
     * `ownRename`); the most common answer is applied to every dump. One-shot LTO builds name
     * compile-stage dumps `<out>-<src>`: that `<out>-` is dropped when a link-stage dump `<out>.wpa`
     * sits beside them.
     */
    resolveTuNames() {
        let rename = { drop: 0, prepend: '' };
        let best = 0;
        for (const v of this.prefixVotes.values()) {
            const fewer = v.votes === best &&
                (v.rename.drop < rename.drop ||
                    (v.rename.drop === rename.drop && v.rename.prepend.length < rename.prepend.length));
            if (v.votes > best || fewer)
                [rename, best] = [v.rename, v.votes];
        }
        const outs = new Set();
        for (const d of this.dumps)
            if (d.info.stage === 'wpa')
                outs.add(d.info.name.replace(/\.wpa$/, '') + '-');
        for (const d of this.dumps) {
            d.key = applyRename(d.info.name, rename);
            if (d.info.stage !== 'tu')
                continue;
            const dir = d.info.name.slice(0, d.info.name.lastIndexOf('/') + 1);
            for (const out of outs) {
                const base = out.slice(out.lastIndexOf('/') + 1);
                if (out === dir + base && d.info.name.startsWith(out)) {
                    d.key = d.key.replace(new RegExp(`(^|/)${escapeRegExp(base)}`), '$1');
                    break;
                }
            }
        }
    }
}
function stageRank(info) {
    return info.stage === 'wpa' ? -1 : info.partition;
}
function declares$1(g, path) {
    return g.nodeFiles().includes(path);
}
/**
 * The base names of the `.c` files a dump's text names (`;kernel/fork.c;`, `/src/x/y.c;`): each
 * `.c;`, back to the `;` or `/` before it.
 */
function sourceNames(text) {
    const out = new Set();
    for (let at = text.indexOf('.c;'); at >= 0; at = text.indexOf('.c;', at + 3)) {
        let from = at - 1;
        for (let c = text.charCodeAt(from); from >= 0 && c !== 59 && c !== 47 && c !== 10;)
            c = text.charCodeAt(--from);
        if (from >= 0 && text.charCodeAt(from) !== 10)
            out.add(text.slice(from + 1, at + 2));
    }
    return out;
}

/** Artifact names say little (`dumps (3).zip`), so the magic bytes decide, the name only for old tars. */
async function sniffArchive(path) {
    const fh = await open(path, 'r');
    const head = Buffer.alloc(512);
    let n;
    try {
        n = (await fh.read(head, 0, 512, 0)).bytesRead;
    }
    finally {
        await fh.close();
    }
    const starts = (...bytes) => bytes.every((b, i) => head[i] === b);
    if (starts(0x1f, 0x8b))
        return 'tar.gz';
    if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
        return 'tar.xz';
    if (starts(0x50, 0x4b) && (head[2] === 3 || head[2] === 5 || head[2] === 7))
        return 'zip';
    if (n >= 262 && head.toString('latin1', 257, 262) === 'ustar')
        return 'tar';
    if (/\.tar$/i.test(path) && n >= 512)
        return 'tar';
    if (starts(0x28, 0xb5, 0x2f, 0xfd))
        throw new Error(`${path}: zstd archives are not supported; use .tar.xz, .tar.gz or .zip`);
    if (starts(0x42, 0x5a, 0x68))
        throw new Error(`${path}: bzip2 archives are not supported; use .tar.xz, .tar.gz or .zip`);
    throw new Error(`${path}: not a directory, .zip, .tar, .tar.gz/.tgz or .tar.xz archive`);
}

/**
 * The files each TU was compiled from, as fixdep wrote them into kbuild's `.<obj>.o.cmd`
 * (`deps_<obj> := \` then one path per line). Exact where it exists: the compiler's own `-MD`
 * list, `#if` branches already decided. At kernel scale (2,700 TUs x ~600 files) the paths are
 * interned and each TU keeps an array of ids: a few MB instead of the ~60 MB of text.
 */
class HeaderDeps {
    paths = [];
    ids = new Map();
    byTu = new Map();
    cut = new Set();
    seers;
    /** Reads one `.cmd` file's text; returns the TU it describes, or undefined (no C compile, no deps). */
    add(text) {
        const parsed = parseDeps(text);
        return parsed && this.addParsed(parsed);
    }
    /** One `.cmd` file's list, parsed elsewhere (a scan thread); returns its TU. */
    addParsed(parsed) {
        const ids = new Uint32Array(parsed.files.length);
        parsed.files.forEach((p, i) => {
            let id = this.ids.get(p);
            if (id === undefined) {
                id = this.paths.length;
                this.paths.push(p);
                this.ids.set(p, id);
            }
            ids[i] = id;
        });
        this.byTu.set(parsed.tu, ids);
        if (!parsed.complete)
            this.cut.add(parsed.tu);
        else
            this.cut.delete(parsed.tu);
        this.seers = undefined;
        return parsed.tu;
    }
    get size() {
        return this.byTu.size;
    }
    /** The TU has a complete list (a list cut by a size cap counts as none). */
    has(tu) {
        return this.byTu.has(tu) && !this.cut.has(tu);
    }
    /** Every file the TU was compiled from (its `.c` first), tree-relative; undefined when not known. */
    filesOf(tu) {
        if (!this.has(tu))
            return undefined;
        return [...(this.byTu.get(tu) ?? [])].map(i => this.paths[i]);
    }
    /** Every TU's list is complete: `tusSeeing` then names every TU that reads a file. */
    complete() {
        return this.cut.size === 0;
    }
    /** TUs with a complete list that name `file` among their dependencies. */
    tusSeeing(file) {
        if (!this.seers) {
            const seers = new Map();
            for (const [tu, ids] of this.byTu) {
                if (this.cut.has(tu))
                    continue;
                for (const id of ids) {
                    const list = seers.get(id);
                    if (list)
                        list.push(tu);
                    else
                        seers.set(id, [tu]);
                }
            }
            this.seers = seers;
        }
        const id = this.ids.get(normalizePath(file));
        return id === undefined ? [] : [...(this.seers.get(id) ?? [])].sort();
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
 * The running kernel's scripts by kbuild's fixed names (the top Makefile's `vmlinux.lds`,
 * `scripts/module.lds`, `asm-offsets.s` and `bounds.s` of `prepare`), for a set whose upload
 * carries no script lists: their includes are then walked over the source tree.
 */
function knownScripts(arches) {
    return [
        ...arches.flatMap((a) => [
            {
                target: `arch/${a}/kernel/vmlinux.lds`,
                source: `arch/${a}/kernel/vmlinux.lds.S`,
                kind: 'linker-script'
            },
            {
                target: `arch/${a}/kernel/asm-offsets.s`,
                source: `arch/${a}/kernel/asm-offsets.c`,
                kind: 'offsets'
            }
        ]),
        { target: 'scripts/module.lds', source: 'scripts/module.lds.S', kind: 'linker-script' },
        { target: 'kernel/bounds.s', source: 'kernel/bounds.c', kind: 'offsets' }
    ];
}

/**
 * A C source or header a dump set carries beside its dumps: in a build folder, every file kbuild
 * generated (`include/generated/`, vdso images, `.vmlinux.export.c`, `*.mod.c`, selinux's
 * `flask.h`); in an archive, the ones the build job packed. The checkout has none of them, and a
 * header's reach must search the TUs that read them (see generated.ts).
 */
function isGeneratedSource(path) {
    return path.endsWith('.c') || path.endsWith('.h');
}
/**
 * What an archive entry is for: a role, or a generated source the build job packed. Not for
 * folders, whose sources are read on demand (a build tree holds the whole kernel's).
 */
function entryRole(path) {
    return roleOf(path) ?? (isGeneratedSource(path) ? 'source' : undefined);
}
/** GCC numbers the dump after the pass (`000i` in GCC 8 to 14); any number is accepted. */
const DUMP_SUFFIX = /\.\d{3}i\.ipa-clones$/;
function roleOf(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (DUMP_SUFFIX.test(base))
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
 * Over this a file is not read at all: the pipeline refuses to locate functions past 4 MB anyway,
 * and a PR can place anything in the checkout the tree is read from.
 */
const MAX_READ_BYTES = 64 << 20;
/**
 * Reads repo-relative files from a source root; null when absent or not readable as a source.
 * The tree is the PR's checkout in the action, so a path (from the diff or a dump) must not climb
 * out, a symlink must not lead out, and only a regular file is read: a FIFO would hang the run and
 * `/dev/zero` would fill the memory.
 */
function makeSourceReader(root) {
    const base = resolve(root);
    let realBase;
    const inside = (abs) => {
        realBase ??= realpathSync(base);
        return abs.startsWith(realBase + sep);
    };
    const locate = (path) => {
        const rel = normalizePath(path);
        if (rel === '' || rel === '..' || rel.startsWith('../'))
            return undefined;
        const abs = resolve(base, rel);
        return abs.startsWith(base + sep) ? abs : undefined;
    };
    // A header's reach reads thousands of files of a few hundred folders, several times each:
    // resolving every component of every path again (an lstat each) cost more than the reads. A
    // folder the tree lacks is asked for as often (the review tier's lookups of the TUs of a dump
    // set larger than the checkout): its answer is kept too.
    const realDirs = new Map();
    const realDir = (dir) => {
        let real = realDirs.get(dir);
        if (real === undefined) {
            try {
                real = realpathSync(dir);
            }
            catch (error) {
                const code = error.code;
                if (code === 'ENOENT' || code === 'ENOTDIR')
                    realDirs.set(dir, error);
                throw error;
            }
            realDirs.set(dir, real);
        }
        if (typeof real !== 'string')
            throw real;
        return real;
    };
    /** `abs` with every symlink resolved, and its status (the target's). */
    const resolved = (abs) => {
        const slash = abs.lastIndexOf(sep);
        const dir = realDir(abs.slice(0, slash));
        const candidate = (dir.endsWith(sep) ? dir : dir + sep) + abs.slice(slash + 1);
        const own = lstatSync(candidate);
        if (!own.isSymbolicLink())
            return { real: candidate, kind: own };
        const real = realpathSync(candidate);
        return { real, kind: statSync(real) };
    };
    /** Opens `path` as readSync reads it and hands the descriptor to `use`; null or false as readSync. */
    const opened = (path, maxBytes, use) => {
        const abs = locate(path);
        if (!abs)
            return null;
        let fd;
        try {
            const { real, kind } = resolved(abs);
            if (!inside(real))
                return false;
            if (kind.isDirectory())
                return null;
            if (!kind.isFile() || kind.size > maxBytes)
                return false;
            fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
            return use(fd);
        }
        catch (error) {
            const code = error.code;
            return code === 'ENOENT' || code === 'ENOTDIR' ? null : false;
        }
        finally {
            if (fd !== undefined)
                closeSync(fd);
        }
    };
    const readText = (path, maxBytes = MAX_READ_BYTES) => opened(path, maxBytes, fd => readFileSync(fd, 'utf8'));
    return {
        // The changed files are a handful: the same checks as the review tier's reads, synchronously.
        read(path) {
            const text = readText(path);
            return Promise.resolve(typeof text === 'string' ? text : null);
        },
        readSync: readText,
        // One byte read: a file that opens but cannot be read (EIO) is no 'ok'.
        statusSync: (path, maxBytes = MAX_READ_BYTES) => opened(path, maxBytes, fd => {
            readSync(fd, Buffer.alloc(1), 0, 1, 0);
            return 'ok';
        }),
        exists(path) {
            const abs = locate(path);
            if (!abs || !existsSync(abs))
                return false;
            try {
                const { real, kind } = resolved(abs);
                return inside(real) && kind.isFile();
            }
            catch {
                return false;
            }
        }
    };
}

/**
 * Source text an archive may keep per set: the corpus' defconfig build generates 90 such files
 * (121 KB as .tar.xz), a distribution's thousands of modules add a few KB of `*.mod.c` each; a
 * whole build tree packed by mistake stops here, and the files past it are as absent (their TUs
 * "could not be searched", a doubt, never a guess).
 */
const GENERATED_TEXT_BUDGET = 256 * 1024 * 1024;
/** KLP_AFFECTED_GENERATED_BUDGET (bytes) overrides the budget: tests use it to spend it. */
function generatedBudget() {
    const forced = process.env.KLP_AFFECTED_GENERATED_BUDGET;
    return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : GENERATED_TEXT_BUDGET;
}
/**
 * The generated sources of one set: archive entries kept in memory and its folders. A path two
 * of its inputs hold with different texts (an archive and a folder, two folders, `tar rf` of a
 * newer copy) is unreadable: which one the build compiled is not knowable here.
 */
class SetSources {
    budget;
    /** false: two different copies. */
    files = new Map();
    held = 0;
    readers = [];
    constructor(budget = generatedBudget()) {
        this.budget = budget;
    }
    /** A folder input, rooted where its kernel tree starts (the same root its dumps' paths have). */
    addFolder(input, root) {
        this.readers.push(makeSourceReader(root === '' ? input : join(input, root)));
    }
    /**
     * Takes `bytes` of the budget for an archive entry before it is decompressed; false, taking
     * nothing, once the budget is spent.
     */
    reserve(bytes) {
        if (this.held + bytes > this.budget)
            return false;
        this.held += bytes;
        return true;
    }
    keep(path, text) {
        const known = this.files.get(path);
        this.files.set(path, known === undefined || known === text ? text : false);
    }
    get empty() {
        return this.files.size === 0 && this.readers.length === 0;
    }
    readSync(path, maxBytes) {
        if (!isGeneratedSource(path))
            return null;
        const kept = this.files.get(path);
        if (kept === false)
            return false;
        let found = kept ?? null;
        if (found !== null && found.length > maxBytes)
            return false;
        for (const r of this.readers) {
            const text = r.readSync(path, maxBytes);
            if (text === null)
                continue;
            if (text === false || (found !== null && found !== text))
                return false;
            found = text;
        }
        return found;
    }
}

/** Top-level directories of a kernel tree: the first one on a path marks where the tree starts. */
const KERNEL_TOP_DIRS = new Set('arch block certs crypto drivers fs include init io_uring ipc kernel lib mm net rust samples scripts security sound tools usr virt'.split(' '));
/** Leading folders before the first kernel top-level directory of a file's folder part. */
function prefixOf(parts) {
    for (let i = 0; i < parts.length - 1; i++) {
        if (KERNEL_TOP_DIRS.has(parts[i]))
            return parts.slice(0, i);
    }
    return undefined;
}
function startsWith(parts, prefix) {
    return prefix.length <= parts.length && prefix.every((p, i) => parts[i] === p);
}
/**
 * Finds where the kernel tree starts inside one directory or archive (`build/linux/` in
 * `build/linux/net/ipv4/tcp.c.000i.ipa-clones`). Archives stream, so the root is decided by the
 * first file under a kernel top-level directory; files seen before that (root-level `.config`,
 * `modules.order`) wait in `pending`. A build folder itself named like a kernel directory
 * (`/home/kernel/obj`) would be taken for the tree: the documented limit of this heuristic.
 */
class RootDetector {
    prefix;
    /** The prefix as a path with its trailing `/` ('' for none), once known. */
    under;
    pending = [];
    /** Returns the files (possibly earlier ones) whose root-relative path is now known. */
    offer(path, item) {
        const normal = normalizePath(path);
        // Once the root is known, most paths are under it: a string test, not a split and join per
        // file (the loader offers every file of a 27,000-dump set twice).
        if (this.under !== undefined && normal.startsWith(this.under))
            return [{ path: normal.slice(this.under.length), item }];
        const parts = normal.split('/');
        if (this.prefix === undefined) {
            const found = prefixOf(parts);
            if (found === undefined) {
                this.pending.push({ parts, item });
                return [];
            }
            this.prefix = found;
            this.under = found.length === 0 ? '' : `${found.join('/')}/`;
            const out = this.pending.map(p => ({ path: this.strip(p.parts), item: p.item }));
            this.pending.length = 0;
            out.push({ path: this.strip(parts), item });
            return out;
        }
        return [{ path: this.strip(parts), item }];
    }
    /**
     * No file under a kernel directory: not a kernel tree (an out-of-tree module, a build folder).
     * Paths stay relative to the input: stripping their common folder would turn
     * `build/src/net.c.000i.ipa-clones` into `net.c`, which nothing names; the dumps' own lines
     * tell the TU paths (the dump set renames by them).
     */
    finish() {
        if (this.prefix === undefined) {
            this.prefix = [];
            this.under = '';
        }
        const out = this.pending.map(p => ({ path: this.strip(p.parts), item: p.item }));
        this.pending.length = 0;
        return out;
    }
    get root() {
        return this.prefix?.join('/');
    }
    strip(parts) {
        const prefix = this.prefix ?? [];
        if (startsWith(parts, prefix))
            return parts.slice(prefix.length).join('/');
        // A second tree in the same input: place it by its own kernel directories.
        const own = prefixOf(parts);
        return parts.slice(own?.length ?? 0).join('/');
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
 * Re-reads a dump file the set chose not to keep in memory. The text must be the one validated on
 * the first read: a dump rebuilt or replaced meanwhile would silently answer for another build.
 */
function rereadFrom(file, path) {
    return (text) => {
        const length = text.length;
        const print = crc32(text);
        return () => {
            const again = readFileSync(file, 'utf8');
            const now = again.charCodeAt(0) === 0xfeff ? again.slice(1) : again;
            if (now.length !== length || crc32(now) !== print)
                throw new Error(`${path} changed on disk while it was being analysed (${file})`);
            return now;
        };
    };
}
/** A kept dump's text as decoded from its bytes, as the scanner decoded it (byte-order mark dropped). */
function decoded(bytes) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/**
 * A kept dump whose bytes a scan thread handed over: held as they are, or, past the set's budget,
 * re-read from `file` and checked against them (by length and CRC of the bytes, as `rereadFrom`
 * checks the text), without holding them.
 */
function heldBytes(bytes, file, path) {
    return {
        size: bytes.byteLength,
        read: () => decoded(bytes),
        spill: () => bytesReread(file, path, { length: bytes.byteLength, crc: crc32(bytes) })
    };
}
/** A kept dump a thread sent as its graph (see HeldText.graph): its text re-read from `file`. */
function heldGraph(graph, print, file, path, size = graphBytes(graph)) {
    return { size, spill: () => bytesReread(file, path, print), graph };
}
/** A kept dump a thread sent no bytes of: re-read from `file`, checked against `print`. */
function spilledBytes(print, file, path) {
    return { size: print.length, spill: () => bytesReread(file, path, print) };
}
function bytesReread(file, path, print) {
    return () => {
        const again = readFileSync(file);
        if (again.byteLength !== print.length || crc32(again) !== print.crc)
            throw new Error(`${path} changed on disk while it was being analysed (${file})`);
        return decoded(again);
    };
}

const PROGRESS_EVERY = 1000;
/** Routes each file of one dump set, found in any of its inputs, to the DumpSet or the kbuild side. */
class Collector {
    label;
    sink;
    onProgress;
    inputs;
    index;
    kbuild = {
        mods: new Map(),
        cmds: new Map(),
        archives: new Map(),
        scripts: new Map(),
        symbols: new Map(),
        generated: new SetSources()
    };
    findings = [];
    /**
     * Path -> the input it came from, and a fingerprint of its text when several inputs are joined
     * (the input alone otherwise: an object per file was 27,000 to make and collect at 10x).
     */
    seen = new Map();
    subOrders = [];
    root;
    origin = '';
    /** The input folder being read; undefined for an archive. */
    folder;
    files = 0;
    sourcesDropped = 0;
    /**
     * `inputs` > 1: several inputs joined into one set may hold the same file (a modules.order in
     * both artifacts), so each file is fingerprinted to tell an identical copy from a different one.
     * A single input costs nothing: a path twice in one archive is refused whatever its content.
     */
    constructor(label, sink, onProgress, inputs = 1, index) {
        this.label = label;
        this.sink = sink;
        this.onProgress = onProgress;
        this.inputs = inputs;
        this.index = index;
    }
    /** The persistent scan index, when the set is read through one (directories only). */
    get scanIndex() {
        return this.sink.addScanned ? this.index : undefined;
    }
    /** `folder`: the input is that directory (its generated sources are read from it on demand). */
    beginInput(origin, folder) {
        this.origin = origin;
        this.folder = folder;
        this.root = new RootDetector();
    }
    /** `path` is relative to the input (directory or archive); the text is decoded once, here or by the reader. */
    add(path, text, file) {
        this.offer(path, { text, file });
    }
    /** How dumps are to be scanned elsewhere, when the sink takes them so. */
    get scanSpec() {
        const spec = this.sink.addScanned ? this.sink.scanSpec : undefined;
        return spec && { ...spec, ...(this.inputs > 1 ? { print: true } : {}) };
    }
    /**
     * A dump of a directory already read and scanned (see scan-pool.ts), under the root-relative
     * path it was scanned as; `print` as `route` would make it, when several inputs are joined.
     */
    addScanned(path, file, sent) {
        const { scanned, print, bytes, spilled, digest, graph, size } = sent;
        this.offer(path, { scanned, file, print, bytes, spilled, digest, graph, size });
    }
    /**
     * Whether an archive's `.c`/`.h` entry of `bytes` is to be read: past the generated sources'
     * budget it is skipped, counted, never held (a whole build tree packed by mistake must not
     * crowd the dumps out of the archive's memory budget).
     */
    wantsSource(bytes) {
        if (this.kbuild.generated.reserve(bytes))
            return true;
        this.sourcesDropped++;
        return false;
    }
    /** A `.cmd` file read and parsed on a scan thread (see cmd-head.ts). */
    addCmd(path, cmd) {
        this.offer(path, { cmd });
    }
    offer(path, item) {
        for (const f of this.root?.offer(path, item) ?? [])
            this.route(f.path, f.item);
    }
    endInput() {
        for (const f of this.root?.finish() ?? [])
            this.route(f.path, f.item);
        if (this.folder !== undefined)
            this.kbuild.generated.addFolder(this.folder, this.root?.root ?? '');
        this.root = undefined;
    }
    refuse(entry, reason) {
        this.findings.push({
            kind: 'archive-refused',
            severity: 'unresolved',
            message: `${this.origin}: entry ${JSON.stringify(entry)} refused: ${reason}`,
            file: entry,
            set: this.label
        });
    }
    unreadable(entry, reason) {
        this.findings.push({
            kind: 'dump-unreadable',
            severity: 'unresolved',
            message: `${this.origin}: ${entry} could not be read: ${reason}`,
            file: entry,
            set: this.label
        });
    }
    finish() {
        if (this.sourcesDropped > 0)
            this.findings.push({
                kind: 'archive-refused',
                severity: 'warning',
                message: `${this.sourcesDropped} generated source file(s) not kept: the set's archives hold more C source than the ${this.kbuild.generated.budget} bytes kept for searches (pack only the files kbuild generated); a TU that reads one is "could not be searched"`,
                set: this.label
            });
        if (this.kbuild.modulesOrder === undefined && this.subOrders.length > 0) {
            // Each folder's modules.order names modules by their full tree path, so the union is the top one.
            const lines = new Set(this.subOrders.flatMap(t => t.split('\n')).filter(l => l.trim() !== ''));
            this.kbuild.modulesOrder = [...lines].join('\n') + '\n';
        }
        return this.kbuild;
    }
    route(path, item) {
        const role = roleOf(path);
        if (!role) {
            // No duplicate finding: a source no search reads is no doubt (SetSources marks two
            // different copies unreadable, and a search that wants one says so).
            const { text } = 'text' in item ? item : { text: undefined };
            if (text !== undefined && isGeneratedSource(path))
                this.kbuild.generated.keep(path, text);
            return;
        }
        if ('scanned' in item) {
            // Scanned under the path the reader computed with this same root detection.
            if (role !== 'dump' || item.scanned.path !== path || !this.sink.addScanned)
                throw new Error(`internal: ${path} was scanned as ${item.scanned.path}`);
            if (!this.first(path, item.print))
                return;
            const held = item.bytes
                ? heldBytes(item.bytes, item.file, path)
                : item.graph && item.spilled
                    ? heldGraph(item.graph, item.spilled, item.file, path, item.size)
                    : item.spilled && spilledBytes(item.spilled, item.file, path);
            this.sink.addScanned(item.scanned, rereadFrom(item.file, path), held, item.digest);
            this.counted();
            return;
        }
        if ('cmd' in item) {
            // Never joined from several inputs (see DumpFeed): no fingerprint to compare.
            if (role !== 'cmd' || !this.first(path, undefined))
                return;
            this.kbuild.cmds.set(path, item.cmd.text);
            const deps = (this.kbuild.deps ??= new HeaderDeps());
            const parsed = item.cmd.deps;
            if (parsed)
                deps.addParsed({ ...parsed, files: parsed.files.split('\n') });
            const script = item.cmd.script;
            if (script)
                this.kbuild.scripts.set(path, { ...script, files: script.files.split('\n') });
            this.counted();
            return;
        }
        const { text, file } = item;
        if (!this.first(path, this.inputs > 1 ? `${text.length}:${crc32(text)}` : undefined))
            return;
        switch (role) {
            case 'dump':
                this.sink.addDump(path, text, file === undefined ? undefined : rereadFrom(file, path));
                break;
            case 'mod':
                this.kbuild.mods.set(path, text);
                break;
            case 'modules-order':
                if (path === 'modules.order')
                    this.kbuild.modulesOrder = text;
                else
                    this.subOrders.push(text);
                break;
            case 'cmd':
                this.kbuild.cmds.set(path, trimCmd(text));
                if ((this.kbuild.deps ??= new HeaderDeps()).add(text) === undefined)
                    this.script(path, text);
                break;
            case 'archive':
                this.kbuild.archives.set(path, trimCmd(text));
                break;
            case 'script':
                this.script(path, text);
                break;
            case 'symbols':
                this.kbuild.symbols.set(path, text);
                break;
            case 'config':
                if (path === '.config')
                    this.kbuild.config = text;
                break;
        }
        this.counted();
    }
    script(path, text) {
        const list = parseScriptList(text);
        if (list)
            this.kbuild.scripts.set(path, list);
    }
    /** False, with a finding, when `path` was already given (by this input or an earlier one). */
    first(path, print) {
        const known = this.seen.get(path);
        if (known !== undefined) {
            const first = typeof known === 'string' ? { origin: known, print: undefined } : known;
            const same = print !== undefined && first.print === print;
            // Which of two different copies the build really made is not knowable here (a stale
            // artifact, `tar rf` appending a newer file): using either could drop a function.
            this.findings.push({
                kind: 'dump-duplicate',
                severity: same ? 'info' : 'unresolved',
                message: same
                    ? `${path} is in both ${first.origin} and ${this.origin}, identical; one copy is used`
                    : `${path} is ${first.origin === this.origin ? 'twice in' : `in both ${first.origin} and`} ` +
                        `${this.origin}${print === undefined ? '' : ' with different contents'}; which one the ` +
                        'build made is not knowable here, the first one is used',
                file: path,
                set: this.label
            });
            return false;
        }
        this.seen.set(path, print === undefined ? this.origin : { origin: this.origin, print });
        return true;
    }
    counted() {
        this.files++;
        if (this.files % PROGRESS_EVERY === 0) {
            this.onProgress?.(`${this.label}: ${this.files} files read`);
        }
    }
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
                note$1(focus, firstAt, text, nameStart(text, start, cuts, 1), cuts[1]);
                if (res.kind === LINE_CLONE) {
                    const f = res.layout.newName;
                    note$1(focus, firstAt, text, nameStart(text, start, cuts, f), cuts[f]);
                }
            }
            at = next < text.length ? text.indexOf(needle, next + 1) : -1;
        }
    }
    const found = [...firstAt].sort((a, b) => a[1] - b[1]).map(([name]) => name);
    return { names: found, mentions };
}
/** Records the name field `text[s, e)` when it is a focus name, at its first offset. */
function note$1(focus, firstAt, text, s, e) {
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
        return NONE$1;
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
/**
 * Two or more of ALPHABET's characters: V8 runs a regular expression as machine code, where a
 * loop over `cell` ran cold in the interpreter (16 ms for the 3.8 million characters of a 27,000-
 * dump index, ~3 ms for a kernel's; each entry is checked when the index file is read).
 */
const SUMMARY = new RegExp(`^[${ALPHABET.replace(/[-\\\]^]/g, '\\$&')}]{2,}$`);
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
/** Whether `s` is a summary `summaryMayHold` can read (the index file is not trusted). */
function isSummary(s) {
    return SUMMARY.test(s);
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
            out.names = mode === 'none' ? NONE$1 : (names ?? searchFocus(this.focus, text).names);
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

/** Folders read between two turns of the event loop (a scan thread's answer waits for one). */
const FOLDERS_PER_TURN = 32;
/** Files handed on between two turns when the folders were read elsewhere (see `replayWalk`). */
const FILES_PER_TURN = 256;
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
/**
 * Every file of interest under `root`, handed to `onFile` in path order (the order of `rel` as
 * strings) while the walk goes on, so the dumps can be scanned meanwhile. A folder sorts as its
 * name plus `/`, which makes the depth-first order the order of the whole paths. Folders are read
 * synchronously, yielding now and then: on 27,000 cached dumps in 6,700 folders
 * `fs.promises.readdir` spent 300 ms in its per-folder promises, `readdirSync` 90 ms. `yields`:
 * whether a turn of the event loop can serve anyone now (a scan thread's answers); while none
 * can, the turns are skipped (22 of them, ~2 ms, in a kernel's walk with no thread).
 */
async function walkTree(root, onFile, yields = () => true) {
    const walk = new FolderWalk(root, onFile);
    let folders = 1;
    while (walk.step())
        if (++folders % FOLDERS_PER_TURN === 0 && yields())
            await new Promise(resolve => setImmediate(resolve));
    return walk.out;
}
/** The same walk's files handed to `onFile` as `walkTree` would hand them, yielding now and then. */
async function replayWalk(walk, onFile) {
    for (let i = 0; i < walk.files.length; i++) {
        onFile(walk.files[i]);
        if (i % FILES_PER_TURN === FILES_PER_TURN - 1)
            await new Promise(resolve => setImmediate(resolve));
    }
    return walk;
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

const pending = new Map();
/** A file the walking thread took no stat key of (the reader stats it). */
const NOT_STATTED = '\u0001';
function received$1(root, posted) {
    const prefix = walkPrefix(root);
    const rels = posted.files === '' ? [] : posted.files.split('\0');
    const roles = posted.roles.split('\0');
    const walk = {
        files: rels.map((rel, i) => ({ abs: prefix + rel, rel, role: roles[i] })),
        links: posted.links,
        errors: posted.errors
    };
    if (posted.stats !== undefined)
        walk.stats = posted.stats.split('\0');
    return walk;
}
/** Forgets the walks asked for and not taken: an earlier run's, stale for a new one. */
function forgetPrewalks() {
    pending.clear();
}
/**
 * Asks `worker`, a prewarmed thread no pool has taken yet (unreferenced), to walk `roots` (folders
 * or not: a root that is no folder is never asked for), and to take the stat keys of the dumps
 * under those in `statted`.
 */
function startPrewalks(worker, roots, statted = new Set()) {
    const waiting = new Map();
    for (const root of new Set(roots)) {
        pending.set(root, new Promise(resolve => waiting.set(root, resolve)));
        const request = { walk: root };
        if (statted.has(root))
            request.stat = true;
        worker.postMessage(request);
    }
    if (waiting.size === 0)
        return;
    const settle = (root, walk) => {
        waiting.get(root)?.(walk);
        waiting.delete(root);
        if (waiting.size > 0)
            return;
        worker.off('message', onMessage);
        worker.off('error', onEnd);
        worker.off('exit', onEnd);
    };
    const onMessage = (m) => {
        if (typeof m === 'object' && m !== null && 'walked' in m) {
            const { walked, walk } = m;
            settle(walked, received$1(walked, walk));
        }
    };
    // A thread lost before it answered: the load walks on its own thread.
    const onEnd = () => {
        for (const root of [...waiting.keys()])
            settle(root, undefined);
    };
    worker.on('message', onMessage);
    worker.on('error', onEnd);
    worker.on('exit', onEnd);
    // A message listener references the thread again; unreferenced, a run that fails before its
    // load exits at once instead of waiting for the walk (see takePrewalk for one that waits).
    worker.unref();
}
/** The walk of `root` a thread was asked for, once; undefined if none was (or it failed). */
async function takePrewalk(root) {
    const walk = pending.get(root);
    pending.delete(root);
    if (!walk)
        return undefined;
    // The thread is unreferenced until a pool takes it: awaiting its answer must keep this process
    // alive, without touching the thread's own reference (a pool's to manage). Only a load that
    // waits does: a run that ends before its load (a failure) does not wait for the walk.
    const alive = setInterval(() => undefined, 1 << 30);
    try {
        return await walk;
    }
    finally {
        clearInterval(alive);
    }
}

/**
 * `path`: the path the file was scanned as (the chunk's); `focused`: the scan had a focus (its
 * dumps then list the focus names they hold, none for a dump posted as a number).
 */
function received(posted, path, focused) {
    if (typeof posted !== 'number')
        return posted;
    return { scanned: unreadDump(path, posted, focused) };
}

/** Files per message: large enough that messaging is noise, small enough to balance the threads. */
const CHUNK = 48;
/**
 * Below MIN_FILES dumps this thread alone does best: a dump is read and checked in ~15 µs (see
 * core/line-check), and a thread's boot and messages cost more than it takes over. Measured on
 * two cores, `explain` (median of 3, seconds, threads 0 / 1 / 2): 2,711 dumps 0.25 / 0.28 / 0.30,
 * 8,133 dumps 0.49 / 0.45 / 0.48, 13,555 dumps 0.61 / 0.60 / 0.62, 27,110 dumps 1.05 / 0.88 /
 * 0.93 (`analyze` of the bench patch: 2.16 s with one thread, 2.24 s with two).
 */
const MIN_FILES = 6144;
/**
 * With a scan index, the files left to read are those it could not answer from a stat: nearly all
 * kept dumps, each read as a graph (~200-300 µs, not ~20). Warm at 10x (two cores, threads 0 / 1):
 * `explain skb_headlen`, 1,180 reads, 0.92 / 0.81 s; `explain sk_free`, 440 reads, 0.53 / 0.54 s;
 * `analyze` of the bench patch, 1,780 reads, 1.18 / 1.09 s.
 */
const MIN_INDEXED_READS = 1024;
/** Threads at most: four with this one, as before it lent a hand (not measured past two cores). */
const MAX_THREADS = 3;
/** The worker script beside this module: in dist/ and build/, not in the TypeScript sources. */
const SCAN_SCRIPT = new URL('./scan-worker.js', import.meta.url);
/**
 * Threads to use for `files` dumps: KLP_AFFECTED_SCAN_THREADS forces a count (0: none; tests use it
 * to compare both paths), else, for enough files, one fewer than the cores.
 */
function scanThreads(files, min = MIN_FILES) {
    const forced = process.env.KLP_AFFECTED_SCAN_THREADS;
    if (forced !== undefined && /^\d+$/.test(forced))
        return Number(forced);
    if (files < min)
        return 0;
    // This thread scans too once the walk is over (ScanPool.lend): one thread fewer than cores.
    return Math.min(availableParallelism() - 1, MAX_THREADS);
}
/**
 * Whether the `dumps`-th dump found is where `scanThreads` may change its answer: the first (a
 * forced count) or the MIN_FILES-th. The walk asks at each dump; reading the environment each
 * time would not be free.
 */
function poolCheckpoint(dumps, min = MIN_FILES) {
    return dumps === 1 || dumps === min;
}
function scanWorkerAvailable() {
    return SCAN_SCRIPT.protocol === 'file:' && existsSync(fileURLToPath(SCAN_SCRIPT));
}
/** A scan thread told what to do by its first message; undefined when none can start (EAGAIN). */
function deferredScanWorker() {
    try {
        return new Worker(SCAN_SCRIPT, { workerData: { deferred: true } });
    }
    catch {
        return undefined;
    }
}
/** A thread booted before any set knew it would want one (see `prewarmScanThread`). */
let warm;
/**
 * Boots one scan thread now, for the first pool to take: booting takes ~80 ms, which `analyze`
 * can hide on the idle core while it maps the diff (0.4 s, one core), where a pool started by the
 * walk would boot while the walk is already handing out dumps. It walks `roots` meanwhile (see
 * prewalk.ts). Unused, it holds nothing open.
 */
function prewarmScanThread(roots = [], statted = new Set()) {
    forgetPrewalks();
    if (!warm) {
        if (scanThreads(MIN_FILES) === 0 || !scanWorkerAvailable())
            return;
        // Out of threads (a pids limit, EAGAIN): the pool tries again when the walk wants one.
        const booted = deferredScanWorker();
        if (!booted)
            return;
        booted.unref();
        // A thread that failed or ended before a pool took it is a cold start, not an error of the run.
        const drop = () => {
            if (warm?.worker === booted)
                warm = undefined;
        };
        booted.on('error', drop);
        booted.on('exit', drop);
        warm = { worker: booted, drop };
    }
    // A thread an earlier run in this process booted and left untaken walks for this one.
    startPrewalks(warm.worker, roots, statted);
}
/** The prewarmed thread, told its set's spec (its first message), or a new thread. */
function scanWorker(spec) {
    const booted = warm;
    warm = undefined;
    if (!booted)
        return new Worker(SCAN_SCRIPT, { workerData: spec });
    booted.worker.off('error', booted.drop);
    booted.worker.off('exit', booted.drop);
    booted.worker.ref();
    booted.worker.postMessage({ spec });
    return booted.worker;
}
/** Chunks per claim table: one shared buffer of flags serves this many chunks. */
const CLAIMS_PER_TABLE = 1024;
/** The claim tag of the calling thread when it lends a hand; threads are 2, 3, ... */
const LENDER = 1;
/**
 * Starts `threads` scan threads for dumps scanned as `spec` says, fed while the caller still walks
 * the tree: a thread takes ~40 ms to boot and the walk of 27,000 dumps ~400 ms, during which the
 * threads would otherwise wait. Every chunk goes to every thread as soon as it is full, with a
 * flag in shared memory that the first thread to reach it claims (so does this thread, in
 * `lend`): a thread never waits for this one to hand it work. When chunks went out a few at a
 * time per answer, a thread drained them whenever this one was busy (a kept dump's scan, a
 * collection): 170 ms idle of the other core's 1.26 s load at 27,000 dumps. (Each thread
 * unpacks every chunk, those it skips too: cheap against a scan, for the few threads there are.)
 * Files are tickets, not promises: a promise per dump, its callbacks and its waiter were 27,000
 * of each for this thread to make and collect. A thread that dies fails the chunks it claimed
 * (a dump it died on may kill this thread too); once none is left, this thread scans the rest.
 */
function startScanPool(spec, threads) {
    // Shares of the most threads the pool can grow to, so that together they stay in the budget.
    const share = Math.floor((spec.keptTextBudget ?? 0) / Math.max(threads, scanThreads(Infinity)));
    const workers = new Map();
    const focused = spec.focus !== undefined;
    /** Chunks made and not yet wholly taken, in id order (a Map keeps insertion order). */
    const chunks = new Map();
    let queue = [];
    let added = 0;
    let ended = false;
    let nextId = 0;
    let nextTag = LENDER + 1;
    /** Chunks below this id are claimed (or failed): `lend` looks from here. */
    let lendFrom = 0;
    let table;
    let failure = new Error('no dump scan thread is running');
    let closed = false;
    let lender;
    const message = (c) => ({
        id: c.id,
        files: c.files,
        claims: c.flags.buffer,
        slot: c.slot
    });
    const back = (c, out) => {
        c.out = out;
        c.wake?.();
    };
    const fail = (c, error) => {
        c.error = error;
        c.wake?.();
    };
    /** The queued files as chunks, to every thread: full ones, or all once the files end. */
    const send = () => {
        while (queue.length >= CHUNK || (ended && queue.length > 0)) {
            const files = queue.length > CHUNK ? queue.slice(0, CHUNK) : queue;
            queue = files === queue ? [] : queue.slice(CHUNK);
            const id = nextId++;
            const slot = id % CLAIMS_PER_TABLE;
            if (slot === 0)
                table = new Int32Array(new SharedArrayBuffer(4 * CLAIMS_PER_TABLE));
            const c = {
                id,
                files,
                flags: table,
                slot,
                given: new Uint8Array(files.length),
                taken: 0
            };
            // A ticket's chunk is its number over CHUNK: after a short chunk, the next starts afresh.
            if (files.length < CHUNK)
                added = nextId * CHUNK;
            chunks.set(id, c);
            const m = message(c);
            for (const w of workers.keys())
                w.postMessage(m);
        }
    };
    const pending = (c) => c.out === undefined && c.error === undefined;
    /** Scans `c` on this thread if no thread claimed it: false when one had. */
    const scanHere = (c) => {
        if (Atomics.compareExchange(c.flags, c.slot, 0, LENDER) !== 0)
            return false;
        lender ??= new FileScanner({ ...spec, share });
        const out = [];
        for (const [k, f] of c.files.entries()) {
            try {
                out.push(lender.scan(f));
            }
            catch (error) {
                out.push(undefined);
                (c.thrown ??= new Map()).set(k, error instanceof Error ? error : new Error(String(error)));
            }
        }
        back(c, out);
        return true;
    };
    const spawn = () => {
        const tag = nextTag++;
        const worker = scanWorker({ ...spec, share, tag });
        workers.set(worker, tag);
        worker.on('message', ({ id, out }) => {
            const c = chunks.get(id);
            if (c && pending(c))
                back(c, out.map((r, k) => received(r, c.files[k].path, focused)));
        });
        // Failed on 'exit', not 'error': Node hands on the messages a thread posted before it died
        // only then, and a chunk it answered before its error is not lost with it.
        let error;
        worker.on('error', (e) => (error ??= e));
        worker.on('exit', code => {
            if (!workers.delete(worker))
                return;
            const lost = error ?? new Error(`dump scan thread exited (${code}) with files pending`);
            failure = lost;
            for (const c of chunks.values())
                if (pending(c) && Atomics.load(c.flags, c.slot) === tag)
                    fail(c, lost);
            // With every thread gone, whoever waits for a chunk none claimed has it scanned here.
            if (workers.size > 0 || closed)
                return;
            for (const c of chunks.values())
                if (pending(c))
                    c.wake?.();
        });
        // A thread started late takes the chunks sent before it too, those still unclaimed.
        for (const c of chunks.values())
            if (Atomics.load(c.flags, c.slot) === 0)
                worker.postMessage(message(c));
    };
    // Out of threads (a pids limit: `new Worker` throws EAGAIN): fewer threads, or none and the
    // caller scans on the main thread, rather than a failed run.
    const started = () => {
        try {
            spawn();
            return true;
        }
        catch {
            return false;
        }
    };
    for (let t = 0; t < threads; t++)
        if (!started())
            break;
    if (workers.size === 0)
        return undefined;
    let spawned = workers.size;
    const result = (ticket) => {
        const id = Math.floor(ticket / CHUNK);
        const c = chunks.get(id);
        const k = ticket % CHUNK;
        if (!c || c.given[k])
            throw new Error(`internal: scan ticket ${ticket} taken twice`);
        if (pending(c) && workers.size === 0 && !closed)
            scanHere(c);
        if (!pending(c)) {
            c.given[k] = 1;
            // Taken once: kept, every scan would live until the whole load ends.
            if (++c.taken === c.files.length)
                chunks.delete(id);
            if (c.error)
                return Promise.reject(c.error);
            const thrown = c.thrown?.get(k);
            if (thrown)
                return Promise.reject(thrown);
            const out = c.out[k];
            c.out[k] = undefined;
            return out;
        }
        if (closed)
            return Promise.reject(failure);
        const arrived = (c.back ??= new Promise(resolve => (c.wake = resolve)));
        return arrived.then(() => {
            c.back = undefined;
            return result(ticket);
        });
    };
    return {
        grow(more) {
            // Only while files are still coming: a thread started at the end would only boot. Not
            // after one was lost (it would be the one that failed for want of resources).
            while (!ended && spawned < more && workers.size === spawned) {
                if (!started())
                    break;
                spawned++;
            }
        },
        add(file) {
            const ticket = added++;
            queue.push(file);
            send();
            return ticket;
        },
        result,
        end() {
            ended = true;
            send();
        },
        lend() {
            if (!ended || closed)
                return false;
            if (workers.size >= availableParallelism())
                return false;
            for (let id = lendFrom; id < nextId; id++) {
                lendFrom = id + 1;
                const c = chunks.get(id);
                if (c && scanHere(c))
                    return true;
            }
            return false;
        },
        async close() {
            closed = true;
            await Promise.all([...workers.keys()].map(w => w.terminate()));
        }
    };
}

/** Stats `unchangedAnswer` tries before it judges whether they pay. */
const PROBES = 256;
/**
 * Hands the dumps of one directory to scan threads as the walk finds them (in path order), under
 * the root-relative path the collector will give each (the same root detection, fed the same
 * files in the same order). The threads start at the dump that makes them worth it
 * (`scanThreads`); the dumps found before wait for them. Without threads, dumps are read where
 * the collector asks, on this thread, in path order: read as bytes and checked undecoded as a
 * thread would (the collector's own text read decodes and scans every line).
 */
class DumpFeed {
    index;
    /** Files by their index in the walk (the order of `offer`), which stands for each below. */
    offered = [];
    root = new RootDetector();
    /**
     * A pooled dump's ticket (see ScanPool.add), or the answer found here, by walk index: at
     * 27,000 dumps, maps keyed by the file objects cost this thread ~25 ms in their identity hashes.
     */
    results = [];
    /** Dumps placed while no thread runs, by walk index, with their root-relative paths. */
    waiting = [];
    pathOf = [];
    dumps = 0;
    /** With an index: the files placed that it did not answer (see `place`). */
    reads = 0;
    pool;
    /** Without threads: the scanner on this thread, for the dumps placed (see `result`). */
    local;
    spec;
    stableMs = stableWindow();
    /** Answers, on this thread, the dumps the index rules out unread (see `unchangedAnswer`). */
    checker;
    probes = 0;
    equalStats = 0;
    /** The walk's stat keys, by walk index, where the walking thread took them (see prewalk.ts). */
    stats;
    constructor(spec, index) {
        this.index = index;
        this.spec = spec && index ? { ...spec, index: true, stableMs: this.stableMs } : spec;
    }
    /** The stat keys the walking thread took, by walk index: `offer` must hand that walk's files. */
    useStats(stats) {
        this.stats = stats;
    }
    offer(f) {
        if (!this.spec)
            return;
        // With an index, threads are for the files that must be read (see `place`).
        if (!this.index && f.role === 'dump' && poolCheckpoint(++this.dumps))
            this.threads(this.dumps);
        this.place(this.root.offer(f.rel, this.offered.push(f) - 1));
    }
    /** Threads for `files` files to read: started, or more of them. */
    threads(files) {
        const spec = this.spec;
        const threads = this.index ? scanThreads(files, MIN_INDEXED_READS) : scanThreads(files);
        if (this.pool)
            this.pool.grow(threads);
        else if (threads > 0 && scanWorkerAvailable()) {
            this.pool = startScanPool(spec, threads);
            if (this.pool) {
                for (const w of this.waiting)
                    this.add(w.item, w.path);
                this.waiting = [];
            }
        }
    }
    /** Scan threads run: their answers come in while the walk goes on. */
    get pooled() {
        return this.pool !== undefined;
    }
    /** The walk is over: every dump goes out. */
    end() {
        if (!this.spec)
            return;
        this.place(this.root.finish());
        if (this.pool)
            this.pool.end();
        else {
            this.local = new FileScanner({ ...this.spec, share: this.spec.keptTextBudget ?? 0 });
            for (const w of this.waiting)
                if (this.offered[w.item].role === 'dump')
                    this.pathOf[w.item] = w.path;
        }
        this.waiting = [];
    }
    /**
     * The scan of the `i`-th walked file, a dump, or undefined to read it as any other file. Asked
     * once per file, in path order, as a scanner must be fed (the indexed scan here runs then).
     */
    result(i) {
        const pooled = this.results[i];
        // Asked once: kept, every scanned dump would live until the whole load ends.
        this.results[i] = undefined;
        if (typeof pooled === 'number')
            return this.pool.result(pooled);
        const path = this.pathOf[i];
        if (pooled || !this.local || path === undefined)
            return pooled;
        const { abs } = this.offered[i];
        const entry = this.index?.lookup(path);
        return this.local.scan(entry ? { abs, path, entry } : { abs, path });
    }
    /** After `end`: `f` is at the root of the kernel tree the walk found (e.g. its modules.order). */
    atRoot(f) {
        const root = this.spec ? this.root.root : undefined;
        if (root === undefined)
            return false;
        const base = fileName(f.rel);
        return normalizePath(f.rel) === (root === '' ? base : `${root}/${base}`);
    }
    /**
     * After `end`: this thread scans queued dumps too, while the threads leave a core idle (one
     * thread on two cores: a kernel's 2,711 dumps). Yields between chunks, so results flow meanwhile.
     */
    async lend() {
        const pool = this.pool;
        if (!pool)
            return;
        while (pool.lend())
            await new Promise(resolve => setImmediate(resolve));
    }
    /**
     * A dump whose entry rules it out for the focus and whose stat is the entry's, answered here:
     * a thread would only stat it too, and at 27,000 dumps posting each entry to a thread and its
     * answer back cost the main thread more than the stat (warm `explain` at 10x: 1.43 -> 1.33 s).
     * Where the stats mostly differ (dumps downloaded afresh, the index restored from a cache), the
     * stat here would be wasted: after PROBES tries with fewer than half equal, it stops.
     */
    unchangedAnswer(i, path, entry) {
        const abs = this.offered[i].abs;
        const spec = this.spec;
        if (entry.stat === undefined || spec.print)
            return undefined;
        if (this.probes >= PROBES && this.equalStats * 2 < this.probes)
            return undefined;
        this.checker ??= new IndexedScanner(spec.label, spec.focus);
        if (!this.checker.ruledOut(path, entry))
            return undefined;
        this.probes++;
        let stat;
        const taken = this.stats?.[i];
        if (taken !== undefined && taken !== NOT_STATTED)
            stat = taken === '' ? undefined : taken;
        else {
            try {
                stat = currentStatKey(abs, this.stableMs);
            }
            catch {
                return undefined;
            }
        }
        if (stat !== entry.stat)
            return undefined;
        this.equalStats++;
        return { scanned: this.checker.fromEntry(path, entry) };
    }
    async close() {
        await this.pool?.close();
    }
    place(out) {
        for (const { path, item: i } of out) {
            const item = this.offered[i];
            // A `.cmd` file goes to a thread too (its dependency list is parsed there), unless the
            // set fingerprints its texts (several inputs joined: the collector compares whole texts).
            if (item.role !== 'dump' && (item.role !== 'cmd' || this.spec?.print))
                continue;
            if (this.index) {
                if (item.role === 'dump' && this.settle(i, path))
                    continue;
                // A warm index answers most dumps here from a stat: the threads start when enough
                // files are left to read (warm `explain` at 10x: 0.66 -> 0.59 s without a thread).
                if (poolCheckpoint(++this.reads, MIN_INDEXED_READS))
                    this.threads(this.reads);
            }
            if (this.pool)
                this.add(i, path);
            else
                this.waiting.push({ item: i, path });
        }
    }
    /** A dump the index answers on this thread (see `unchangedAnswer`): true when it did. */
    settle(i, path) {
        const entry = this.index?.lookup(path);
        const settled = entry && this.unchangedAnswer(i, path, entry);
        if (settled)
            this.results[i] = settled;
        return settled !== undefined;
    }
    add(i, path) {
        const pool = this.pool;
        const item = this.offered[i];
        if (item.role === 'cmd') {
            this.results[i] = pool.add({ abs: item.abs, path, cmd: true });
            return;
        }
        const entry = this.index?.lookup(path);
        this.results[i] = pool.add(entry ? { abs: item.abs, path, entry } : { abs: item.abs, path });
    }
}

/**
 * Runs `work` over `items` with at most `width` in flight and hands results back in input order,
 * so what is fed downstream (and every finding) does not depend on disk timing. A result `work`
 * gives synchronously is handed on without a turn of the microtask queue: at a kernel's 3,400
 * files, the promises and awaits of sync reads cost more than the reads.
 */
async function inOrder(items, width, work, each) {
    // Settled, never rejected: a rejection waiting in the queue would be reported as unhandled.
    // A synchronous throw is not settled but thrown, as a promise-returning `work` would have
    // thrown: an error of `work` itself (say a string too long for V8, a dump scanned here with no
    // scan threads) stops the run. A scan that throws on a scan thread (or in this thread's share
    // of a pool, see ScanPool.lend) comes back as that dump's rejection: a finding of the set.
    const start = (item) => {
        const r = work(item);
        if (!(r instanceof Promise))
            return { ok: true, value: r };
        return r.then(value => ({ ok: true, value }), (error) => ({ ok: false, error }));
    };
    const queue = [];
    let next = 0;
    for (const item of items) {
        while (next < items.length && queue.length < width)
            queue.push(start(items[next++]));
        const head = queue.shift();
        if (!head)
            break;
        each(item, head instanceof Promise ? await head : head);
    }
}

/** Enough scans in flight to keep the threads busy; more only costs memory. */
const READS_IN_FLIGHT = 32;
/**
 * A side file (modules.order, `.mod`, `.config`, a `.cmd` file's head), read here synchronously,
 * as the dumps are (on the threads, or here without them): a kernel tree has a modules.order per
 * folder, and 652 of them read through fs.readFile's callbacks took 45 ms, synchronously 5 ms.
 */
function readSide(f) {
    try {
        return f.role === 'cmd'
            ? readBytes(f.abs, CMD_HEAD_BYTES).toString('utf8')
            : readFileSync(f.abs, 'utf8');
    }
    catch (error) {
        // Unreadable (EACCES, EISDIR, gone): a finding of the set, as a dump's read error is.
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
}
/** Feeds every file of interest under `root` to the collector, in path order. */
async function readDirectory(root, collector) {
    const feed = new DumpFeed(collector.scanSpec, collector.scanIndex);
    try {
        const walked = await takePrewalk(root);
        if (walked?.stats)
            feed.useStats(walked.stats);
        const offer = (f) => feed.offer(f);
        // Without scan threads nothing answers during the walk: it need not yield.
        const found = walked
            ? await replayWalk(walked, offer)
            : await walkTree(root, offer, () => feed.pooled);
        feed.end();
        for (const rel of found.links.sort())
            collector.refuse(rel, 'it is a symbolic link');
        for (const e of found.errors)
            collector.unreadable(e.rel, e.message);
        // The per-folder modules.order files count only when there is no top-level one (see
        // Collector.finish): a kernel build tree has 650 of them, each a read on this thread.
        const top = found.files.find(f => f.role === 'modules-order' && feed.atRoot(f));
        // By index in the walk, as the feed knows them.
        const files = [];
        for (let i = 0; i < found.files.length; i++) {
            const f = found.files[i];
            if (!top || f.role !== 'modules-order' || f === top)
                files.push(i);
        }
        const lending = feed.lend();
        await inOrder(files, READS_IN_FLIGHT, (i) => feed.result(i) ?? readSide(found.files[i]), (i, r) => {
            const f = found.files[i];
            if (!r.ok)
                collector.unreadable(f.rel, r.error.message);
            else if (typeof r.value === 'string')
                collector.add(f.rel, r.value, f.abs);
            else if ('error' in r.value)
                collector.unreadable(f.rel, r.value.error);
            else if ('cmd' in r.value)
                collector.addCmd(f.rel, r.value.cmd);
            else {
                if (r.value.made)
                    collector.scanIndex?.record(r.value.scanned.path, r.value.made);
                collector.addScanned(f.rel, f.abs, r.value);
            }
        });
        await lending;
    }
    finally {
        await feed.close();
    }
}

/**
 * Feeds every input of one dump set to `sink` and gathers the kbuild side files. Throws, naming
 * the path, when an input is missing or is not a readable archive: that is the caller's mistake.
 */
async function collectInputs(label, paths, sink, onProgress, index) {
    const collector = new Collector(label, sink, onProgress, paths.length, index);
    for (const path of paths) {
        let isDir;
        try {
            const info = await stat(path);
            isDir = info.isDirectory();
            // Opening a FIFO waits for a writer and a device never ends: only files are archives.
            if (!isDir && !info.isFile())
                throw new Error(`${path}: not a directory or a regular file`);
        }
        catch (error) {
            const code = error.code;
            if (code === undefined)
                throw error;
            throw new Error(code === 'ENOENT'
                ? `${path}: no such file or directory`
                : `${path}: ${error.message}`, { cause: error });
        }
        collector.beginInput(path, isDir ? path : undefined);
        if (isDir)
            await readDirectory(path, collector);
        else {
            const kind = await sniffArchive(path);
            // Loaded when an archive comes: their decompressors are a third of the CLI's code, and a
            // directory of dumps (the common input) would pay for compiling them at every start.
            const { readArchive } = await import('./cli-read-archive.js');
            await readArchive(path, kind, collector);
        }
        collector.endInput();
    }
    return { kbuild: collector.finish(), findings: collector.findings };
}

/**
 * The entries of one dump set's index, by the dump's root-relative path. An entry is only a
 * candidate: the reader compares its digest with the bytes it read before using it. What the run
 * looked up or made is what gets saved, so dumps that left the set leave the index too.
 */
class ScanIndex {
    entries;
    next = new Map();
    changed = false;
    constructor(entries = []) {
        this.entries = new Map(entries);
    }
    /** The entry recorded for `path`, to be checked against the bytes read now. */
    lookup(path) {
        const entry = this.entries.get(path);
        if (entry)
            this.next.set(path, entry);
        return entry;
    }
    /** A fresh entry for `path` (its bytes were validated in this run). */
    record(path, entry) {
        this.next.set(path, entry);
        this.changed = true;
    }
    /** The index to save after this run: the dumps it met, each with its latest entry. */
    get saved() {
        return this.next;
    }
    /** Whether saving would change the file this index was read from. */
    get dirty() {
        return this.changed || this.next.size !== this.entries.size;
    }
    get size() {
        return this.entries.size;
    }
}

/**
 * What the validator checks and how it words its findings. An entry holds the validator's answer,
 * so a change to the dump scanner (scanner.ts, dump-line.ts, consistency.ts, own-path.ts), or to
 * what its summary's keys are (entry.ts, name-summary.ts, focus.ts, paths.ts), must bump this: a
 * test pins it to those files' digest and fails until it is bumped.
 */
const SCAN_INDEX_SCHEMA = 16;
const MAGIC = 'klp-affected scan index';
/**
 * The index file: a magic line, a header line (schema, engine version, entry count, the body's
 * length and checksum), then the entries as one JSON array. `engine` is the tool's version: an
 * index written by another version is foreign, whatever its schema.
 */
function encodeScanIndex(entries, engine, digest) {
    const rows = [];
    for (const [p, d] of [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
        const s = { p, h: d.hash, n: d.lines, b: d.summary };
        if (d.stat !== undefined)
            s.s = d.stat;
        if (d.empty)
            s.e = 1;
        if (d.rename !== undefined)
            s.r = d.rename && [d.rename.drop, d.rename.prepend];
        if (d.lineErrorCount > 0)
            [s.lc, s.le] = [d.lineErrorCount, d.lineErrors];
        if (d.crossErrorCount > 0)
            [s.cc, s.ce] = [d.crossErrorCount, d.crossErrors];
        rows.push(s);
    }
    const body = JSON.stringify(rows);
    const header = {
        schema: SCAN_INDEX_SCHEMA,
        engine,
        entries: rows.length,
        length: body.length,
        digest: digest(body)
    };
    return `${MAGIC}\n${JSON.stringify(header)}\n${body}`;
}
/** Never trusts the file: any doubt and the whole index is refused. */
function parseScanIndex(text, engine, digest) {
    const nl1 = text.indexOf('\n');
    const nl2 = nl1 < 0 ? -1 : text.indexOf('\n', nl1 + 1);
    if (nl2 < 0 || text.slice(0, nl1) !== MAGIC)
        return { ok: false, problem: 'foreign', reason: 'not a klp-affected scan index' };
    let header;
    try {
        header = JSON.parse(text.slice(nl1 + 1, nl2));
    }
    catch {
        return { ok: false, problem: 'corrupt', reason: 'its header is not JSON' };
    }
    if (typeof header !== 'object' || header === null)
        return { ok: false, problem: 'corrupt', reason: 'its header is not an object' };
    if (header.schema !== SCAN_INDEX_SCHEMA || header.engine !== engine)
        return {
            ok: false,
            problem: 'foreign',
            reason: `written by klp-affected ${String(header.engine)} (scan schema ${String(header.schema)}), this is ${engine} (schema ${SCAN_INDEX_SCHEMA})`
        };
    const body = text.slice(nl2 + 1);
    if (body.length !== header.length || digest(body) !== header.digest)
        return { ok: false, problem: 'corrupt', reason: 'its entries do not match their checksum' };
    let rows;
    try {
        rows = JSON.parse(body);
    }
    catch {
        return { ok: false, problem: 'corrupt', reason: 'its entries are not JSON' };
    }
    if (!Array.isArray(rows) || rows.length !== header.entries)
        return { ok: false, problem: 'corrupt', reason: 'its entry count is wrong' };
    const entries = [];
    for (const row of rows) {
        const entry = entryOf(row);
        if (!entry)
            return { ok: false, problem: 'corrupt', reason: 'an entry is malformed' };
        entries.push(entry);
    }
    return { ok: true, index: new ScanIndex(entries) };
}
function entryOf(row) {
    if (typeof row !== 'object' || row === null)
        return undefined;
    const s = row;
    if (typeof s.p !== 'string' || typeof s.h !== 'string' || s.h === '' || !count(s.n))
        return undefined;
    if (s.e !== undefined && s.e !== 1)
        return undefined;
    if (typeof s.b !== 'string' || !isSummary(s.b))
        return undefined;
    if (s.s !== undefined && (typeof s.s !== 'string' || s.s === ''))
        return undefined;
    let rename;
    if (s.r === null)
        rename = null;
    else if (s.r !== undefined) {
        if (!Array.isArray(s.r) || s.r.length !== 2 || !count(s.r[0]) || typeof s.r[1] !== 'string')
            return undefined;
        rename = { drop: s.r[0], prepend: s.r[1] };
    }
    const lineErrors = errors(s.lc, s.le);
    const crossErrors = errors(s.cc, s.ce);
    if (!lineErrors || !crossErrors)
        return undefined;
    const entry = {
        hash: s.h,
        lines: s.n,
        empty: s.e === 1,
        lineErrors,
        lineErrorCount: s.lc ?? 0,
        crossErrors,
        crossErrorCount: s.cc ?? 0,
        summary: s.b
    };
    if (s.s !== undefined)
        entry.stat = s.s;
    if (rename !== undefined)
        entry.rename = rename;
    return [s.p, entry];
}
/** A count and its first MALFORMED_DETAIL_LIMIT lines, ascending, as the scanner records them. */
function errors(n, list) {
    if (n === undefined && list === undefined)
        return NONE$1;
    if (!count(n) || n === 0 || !Array.isArray(list))
        return undefined;
    if (list.length !== Math.min(n, MALFORMED_DETAIL_LIMIT))
        return undefined;
    let last = 0;
    for (const e of list) {
        if (!Array.isArray(e) || e.length !== 2 || !count(e[0]) || typeof e[1] !== 'string')
            return undefined;
        if (e[0] <= last)
            return undefined;
        last = e[0];
    }
    return list;
}
function count(v) {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * The index file's own check, over its entries' text, against a truncated or damaged file: a
 * CRC-32 with the body's length in the header. Whoever can write the cache folder can also
 * recompute any digest written beside the body, so SHA-256 guarded against nothing more, and cost
 * a warm 10x run ~15 ms (9 MB of entries).
 */
function textDigest(text) {
    return crc32(text).toString(16).padStart(8, '0');
}
/** The file of set `label` in `dir`: one per set, so sets of several architectures share a folder. */
function scanIndexFile(dir, label) {
    return join(dir, `scan-index.${label.replace(/[^A-Za-z0-9._-]/g, '_')}.klpidx`);
}
/**
 * Reads the set's index. A missing file is a first run; a file that is not a valid index of this
 * version is not trusted in any part (a note says so) and is replaced when the run saves.
 */
async function openScanIndex(dir, label) {
    const file = scanIndexFile(dir, label);
    let text;
    try {
        text = await readFile(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return { index: new ScanIndex(), file, findings: [] };
        return { index: new ScanIndex(), file, findings: [note(label, file, error.message)] };
    }
    const parsed = parseScanIndex(text, VERSION, textDigest);
    if (parsed.ok)
        return { index: parsed.index, file, findings: [] };
    const finding = note(label, file, `${parsed.reason}; ignored, every dump is validated`);
    // A foreign index (another version) is routine after an upgrade; a corrupt one is worth a look.
    if (parsed.problem === 'corrupt')
        finding.severity = 'warning';
    return { index: new ScanIndex(), file, findings: [finding] };
}
/**
 * Writes the index when the run changed it, through a temporary file renamed over the old one, so
 * a concurrent reader sees the old index or the new one, never half of one. A failure is a note:
 * the analysis itself is complete without the index.
 */
async function saveScanIndex(opened, label) {
    const { index, file } = opened;
    if (!index.dirty)
        return [];
    const tmp = `${file}.${process.pid}.tmp`;
    try {
        await mkdir(join(file, '..'), { recursive: true });
        await writeFile(tmp, encodeScanIndex(index.saved, VERSION, textDigest));
        await rename(tmp, file);
        return [];
    }
    catch (error) {
        await rm(tmp, { force: true }).catch(() => undefined);
        return [note(label, file, `could not be written: ${error.message}`)];
    }
}
function note(label, file, what) {
    return {
        kind: 'scan-index',
        severity: 'info',
        set: label,
        message: `scan index ${file}: ${what}`
    };
}

/**
 * KLP_AFFECTED_KEPT_TEXT_BUDGET (bytes) overrides the set's budget of kept text: tests use it to
 * send every kept dump down the re-read path.
 */
function keptTextBudget() {
    const forced = process.env.KLP_AFFECTED_KEPT_TEXT_BUDGET;
    return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : KEPT_TEXT_BUDGET;
}
/**
 * Loads one dump set from directories and/or archives (.zip, .tar, .tar.gz/.tgz, .tar.xz), each
 * rooted where its kernel tree starts. Progress every ~1,000 files read. With a focus, only the
 * dumps that can answer it keep their text (see DumpSet). `indexCache`: a folder holding the
 * set's persistent scan index (read, then updated), which spares unchanged dumps their validation.
 */
async function loadDumpSet(label, paths, onProgress, focus, indexCache) {
    const set = new DumpSet(label, focus, keptTextBudget());
    const opened = indexCache === undefined ? undefined : await openScanIndex(indexCache, label);
    const { kbuild, findings } = await collectInputs(label, paths, set, onProgress, opened?.index);
    set.finish();
    if (opened) {
        append(findings, opened.findings);
        // The index serves dump folders: an archive's entries are validated on every run.
        if (opened.index.saved.size === 0 && set.dumpCount > 0)
            findings.push({
                kind: 'scan-index',
                severity: 'info',
                set: label,
                message: `scan index of ${label} not used: its dumps come from archives, and the index serves dump folders (extract the archive to use it)`
            });
        else
            append(findings, await saveScanIndex(opened, label));
    }
    return { set, kbuild, findings };
}

const SET = /^(CONFIG_\w+)=(.*)$/;
function parseKconfig(text) {
    const values = new Map();
    for (const raw of text.split('\n')) {
        const m = SET.exec(raw.trim());
        if (m && m[2] !== 'n')
            values.set(m[1], m[2]);
    }
    return values;
}
/** How `.config` reads for a human: `CONFIG_X is not set`, `CONFIG_X=m`. */
function describeSymbol(config, name) {
    const value = config.get(name);
    return value === undefined ? `${name} is not set` : `${name}=${value}`;
}

/** `klp_object.name` spells modules with `_` where kbuild file names may use `-`. */
function moduleName(fileStem) {
    return fileStem.replace(/-/g, '_');
}
function stem(path, ext) {
    return path.endsWith(ext) ? path.slice(0, -ext.length) : undefined;
}
function baseName(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.slice(slash + 1);
}
/**
 * Module paths (`net/netfilter/xt_LOG`, no extension) named by modules.order. Kernels up to 6.1
 * write `.ko` there, later ones `.o`; both name the same module.
 */
function orderedModules(modulesOrder) {
    const out = new Set();
    for (const raw of modulesOrder.split('\n')) {
        const line = normalizePath(raw.trim());
        const base = stem(line, '.ko') ?? stem(line, '.o');
        if (base)
            out.add(base);
    }
    return out;
}
/**
 * Every object of the build: `vmlinux` and each module (`_` spelling), from the same files as
 * `buildObjectMap`: modules.order when given, else the `.mod` files.
 */
function buildObjectList(mods, modulesOrder) {
    const listed = modulesOrder === undefined ? undefined : orderedModules(modulesOrder);
    const paths = new Set(listed ?? []);
    if (!listed) {
        for (const path of mods.keys()) {
            const modPath = stem(normalizePath(path), '.mod');
            if (modPath)
                paths.add(modPath);
        }
    }
    return ['vmlinux', ...new Set([...paths].map(p => moduleName(baseName(p))).sort())];
}
/**
 * tu ('net/netfilter/xt_LOG.c') -> 'vmlinux' or module name ('xt_LOG', '-' as '_'), from *.mod
 * files (each lists the module's .o files) and modules.order.
 */
function buildObjectMap(mods, modulesOrder) {
    const listed = modulesOrder === undefined ? undefined : orderedModules(modulesOrder);
    const byObject = new Map();
    const modulePaths = new Set();
    for (const [path, text] of mods) {
        const modPath = stem(normalizePath(path), '.mod');
        if (!modPath)
            continue;
        // A .mod left over from an older configuration (module now built in) would misname its
        // objects; modules.order is what the last build really linked as modules.
        if (listed && !listed.has(modPath))
            continue;
        modulePaths.add(modPath);
        const name = moduleName(baseName(modPath));
        // Tokens, not lines: kernels before 6.0 put all objects on line one and the undefined
        // symbols (never ending in .o) on line two.
        for (const token of text.split(/\s+/)) {
            if (token.endsWith('.o'))
                byObject.set(normalizePath(token), name);
        }
    }
    // Without a .mod, a listed module is most likely the single object of the same name.
    for (const modPath of listed ?? []) {
        if (!modulePaths.has(modPath) && !byObject.has(`${modPath}.o`)) {
            byObject.set(`${modPath}.o`, moduleName(baseName(modPath)));
        }
    }
    const moduleByPath = new Map();
    for (const modPath of [...modulePaths, ...(listed ?? [])]) {
        moduleByPath.set(modPath, moduleName(baseName(modPath)));
    }
    return (tu) => {
        const path = normalizePath(tu);
        // modpost's generated `<module>.mod.c` is linked into that module only.
        const modC = stem(path, '.mod.c');
        if (modC !== undefined)
            return moduleByPath.get(modC) ?? 'vmlinux';
        const base = stem(path, '.c') ?? stem(path, '.S') ?? path;
        return byObject.get(`${base}.o`) ?? 'vmlinux';
    };
}
/** Modules named one by one in the finding about missing `.mod` files. */
const MISSING_MOD_NAMED = 10;
/**
 * Modules that modules.order lists but whose `.mod` file is not in the set. `buildObjectMap` then
 * guesses that the module is the single object of its own name; the other objects of a
 * multi-object module (`foo-y := a.o b.o`) would be counted as vmlinux, so this is said, not
 * assumed. An empty list when every listed module has its `.mod`.
 */
function modulesWithoutMod(mods, modulesOrder) {
    if (modulesOrder === undefined)
        return [];
    const have = new Set();
    for (const path of mods.keys()) {
        const modPath = stem(normalizePath(path), '.mod');
        if (modPath)
            have.add(modPath);
    }
    return [...orderedModules(modulesOrder)].filter(m => !have.has(m)).sort();
}
/** The finding for `modulesWithoutMod`, or none. */
function objectMapFindings(mods, modulesOrder, set) {
    const missing = modulesWithoutMod(mods, modulesOrder);
    if (missing.length === 0)
        return [];
    const named = missing.slice(0, MISSING_MOD_NAMED).map(m => `${m}.mod`);
    const more = missing.length > named.length ? ` and ${missing.length - named.length} more` : '';
    const finding = {
        kind: 'module-objects-unknown',
        severity: 'warning',
        message: `modules.order lists ${missing.length} module(s) without their .mod file (${named.join(', ')}${more}): ` +
            'each is taken to be the single object of its own name, and any other object file of such ' +
            'a module is counted as vmlinux. Include the .mod files with the dumps to name objects exactly.'
    };
    return [finding];
}

const REQUIRED_FLAGS = [
    {
        flag: '-flive-patching=inline-clone',
        why: 'without it GCC may apply IPA optimizations (ipa-ra, ipa-icf, ...) the clone dump does not record'
    },
    { flag: '-fdump-ipa-clones', why: 'it writes the dump this analysis reads' }
];
const DUMP_FLAG = '-fdump-ipa-clones';
/** Per-object findings past this count say the same thing thousands of times. */
const MAX_PER_OBJECT = 20;
/**
 * Kbuild writes `cmd_<target> := <command>` (6.1; `savedcmd_` from 6.3 on) and, through fixdep,
 * `source_<target> := <source>`. Only kernel C compiles count: host tools lack `-D__KERNEL__` and
 * assembler sources never get a dump.
 */
function parseCmdFile(text) {
    let target;
    let command;
    let source;
    for (const line of text.split('\n')) {
        const cmd = /^(?:saved)?cmd_(\S+?)\s*:=\s*(.*)$/.exec(line);
        if (cmd && target === undefined) {
            target = cmd[1];
            command = cmd[2];
            continue;
        }
        const src = /^source_(\S+?)\s*:=\s*(\S+)/.exec(line);
        if (src)
            source = src[2];
    }
    if (target === undefined || command === undefined || !target.endsWith('.o'))
        return undefined;
    const args = command.split(/\s+/).filter(a => a !== '');
    if (!args.includes('-c') || !args.some(a => a === '-D__KERNEL__'))
        return undefined;
    source ??= [...args].reverse().find(a => a.endsWith('.c') || a.endsWith('.S'));
    if (!source?.endsWith('.c'))
        return undefined;
    const object = normalizePath(target);
    // GCC names the dump after the output's directory and stem, so the TU follows the object even in
    // O= builds where the source path is `../linux/net/ipv4/tcp.c` or absolute.
    return { object, tu: `${object.slice(0, -2)}.c`, args };
}
function lastOf(args, on, off) {
    let state = false;
    for (const a of args) {
        if (on(a))
            state = true;
        else if (off(a))
            state = false;
    }
    return state;
}
/**
 * From kbuild .cmd files ('cmd_net/ipv4/tcp.o := gcc ... '): per object the compile flags;
 * findings: 'build-flags' warning when an object with a dump lacks -flive-patching=inline-clone
 * or -fdump-ipa-clones (a dump from another build); 'no-dump' (unresolved) when an object was
 * compiled from a .c (per .cmd) but has no dump, saying whether its flags lacked the dump's; lto
 * when -flto.
 */
function checkBuildFlags(cmds, hasDump) {
    const compiles = [...cmds.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, text]) => parseCmdFile(text))
        .filter((c) => c !== undefined);
    const findings = [];
    let lto = false;
    for (const { flag, why } of REQUIRED_FLAGS) {
        // An object without a dump is a no-dump finding, judged against the fix (kbuild builds the
        // real-mode code and the EFI stub with their own flags in every kernel): said here too, it
        // made a warning in every report that no fix could clear.
        const lacking = compiles.filter(c => !c.args.includes(flag) && hasDump(c.tu));
        if (lacking.length === 0)
            continue;
        if (lacking.length === compiles.length || lacking.length > MAX_PER_OBJECT) {
            const examples = lacking.slice(0, 5).map(c => c.object);
            findings.push({
                kind: 'build-flags',
                severity: 'warning',
                message: `${lacking.length} of ${compiles.length} C objects were compiled without ${flag} ` +
                    `(${why}); e.g. ${examples.join(', ')}`
            });
            continue;
        }
        for (const c of lacking) {
            findings.push({
                kind: 'build-flags',
                severity: 'warning',
                message: `${c.object} was compiled without ${flag} (${why})`,
                file: c.tu
            });
        }
    }
    for (const c of compiles) {
        const cLto = lastOf(c.args, a => a === '-flto' || a.startsWith('-flto='), a => a === '-fno-lto');
        lto ||= cLto;
        if (!hasDump(c.tu)) {
            const how = c.args.includes(DUMP_FLAG) ? ' but' : ` without ${DUMP_FLAG}, so`;
            findings.push({
                kind: 'no-dump',
                severity: 'unresolved',
                message: `${c.object} was compiled from ${c.tu}${how} the dump set has no ${c.tu}.000i.ipa-clones`,
                file: c.tu
            });
        }
    }
    return { findings, lto };
}

/** `cmd_<archive> := <command>` of one archive's `.cmd` file. */
const CMD = /^(?:saved)?cmd_(\S+)\s*:=\s*(.*)$/m;
/** 6.1's thin archives: `printf "drivers/firmware/efi/%s " efi.o vars.o | xargs ar cDPrST X`. */
const PRINTF = /printf\s+"([^"%]*)%s\s*"\s+([^|;]*?)\s*\|\s*xargs\s+ar\s+\S+\s+(\S+)/;
/** `ar cDPrST vmlinux.a ./built-in.a lib/lib.a` (older kernels and the top-level archives). */
const AR = /(?:^|;|&&)\s*ar\s+c\S*\s+(\S+)((?:\s+[^\s;|&]+)*)/;
/** An archive's members, from the `cmd_` line kbuild wrote for it; undefined when not read. */
function archiveMembers(text) {
    const cmd = CMD.exec(text);
    if (!cmd)
        return undefined;
    const [, archive, command] = cmd;
    const p = PRINTF.exec(command);
    if (p) {
        const members = p[2].split(/\s+/).filter(Boolean);
        return { archive: normalizePath(p[3]), members: members.map(m => normalizePath(p[1] + m)) };
    }
    const a = AR.exec(command);
    if (a && normalizePath(a[1]) === normalizePath(archive))
        return {
            archive: normalizePath(a[1]),
            members: a[2].split(/\s+/).filter(Boolean).map(normalizePath)
        };
    return undefined;
}
/**
 * The objects kbuild links into vmlinux: from `vmlinux.a` (kernels since 6.1) through every
 * archive it holds, by the archives' own `.cmd` files. Undefined when
 * there is no root or an archive on the way has no readable list: an object missing from a
 * partial closure would look like one the kernel does not hold. What is not here and in no
 * module (`drivers/firmware/efi/libstub/lib.a`, linked into the compressed boot image) is code
 * the running kernel does not hold.
 */
function vmlinuxObjects(archiveCmds) {
    const lists = archiveLists(archiveCmds);
    // vmlinux.a (6.1) holds the top-level built-in.a and the lib.a's; before it, kbuild linked
    // the lib.a's beside built-in.a, so built-in.a alone is not all of vmlinux (a hostile review).
    const root = 'vmlinux.a';
    if (!lists.has(root))
        return undefined;
    const objects = new Set();
    const seen = new Set([root]);
    const queue = [root];
    while (queue.length > 0) {
        const members = lists.get(queue.pop() ?? '');
        if (!members)
            return undefined;
        for (const m of members) {
            if (m.endsWith('.a')) {
                if (!seen.has(m)) {
                    seen.add(m);
                    queue.push(m);
                }
            }
            else
                objects.add(m);
        }
    }
    return objects;
}
function archiveLists(archiveCmds) {
    const lists = new Map();
    for (const text of archiveCmds.values()) {
        const parsed = archiveMembers(text);
        if (parsed)
            lists.set(parsed.archive, parsed.members);
    }
    return lists;
}
/** Every object some archive of the build holds, wherever the archive goes. */
function archivedObjects(archiveCmds) {
    const out = new Set();
    for (const members of archiveLists(archiveCmds).values())
        for (const m of members)
            if (!m.endsWith('.a'))
                out.add(m);
    return out;
}
/**
 * Objects kbuild makes from other objects without compiling (`strip -o pci.stub.o pci.o` for the
 * EFI stub, `ld -r` of a composite object): input -> the objects made from it, from the `.o.cmd`
 * files whose command is no compile.
 */
function derived(cmds) {
    const out = new Map();
    for (const text of cmds.values()) {
        const cmd = CMD.exec(text);
        if (!cmd || !cmd[1].endsWith('.o') || /(?:^|\s)-c(?:\s|$)/.test(cmd[2]))
            continue;
        const target = normalizePath(cmd[1]);
        for (const t of cmd[2].split(/[\s;]+/)) {
            if (!t.endsWith('.o'))
                continue;
            const input = normalizePath(t);
            if (input === target)
                continue;
            const list = out.get(input) ?? [];
            if (!list.includes(target))
                list.push(target);
            out.set(input, list);
        }
    }
    return out;
}
/**
 * The TUs of kbuild's compile commands whose objects the running kernel does not hold: the
 * object, or one made from it, is a member of an archive (`archived`), and none of them is
 * linked into vmlinux (`linked`) nor in a module (`objectOf`). An object no archive holds (the
 * real-mode trampoline and the vDSO, linked into images vmlinux embeds) is never one of them.
 */
function unheldTus(cmds, linked, archived, objectOf) {
    const from = derived(cmds);
    const out = new Set();
    for (const text of cmds.values()) {
        const c = parseCmdFile(text);
        if (!c || objectOf(c.tu) !== 'vmlinux')
            continue;
        const made = new Set([c.object]);
        for (const o of made)
            for (const d of from.get(o) ?? [])
                made.add(d);
        if ([...made].some(o => linked.has(o)))
            continue;
        if ([...made].some(o => archived.has(o)))
            out.add(c.tu);
    }
    return out;
}

/**
 * TUs kbuild compiled without ftrace's call sites: a Makefile's
 * `CFLAGS_REMOVE_tsc.o = $(CC_FLAGS_FTRACE)` (arch/x86/kernel/tsc.c, cpu/common.c, kernel/locking/
 * lockdep.c, ...) drops `-pg` (x86, s390, powerpc) or `-fpatchable-function-entry` (arm64,
 * riscv) for the whole file, so none of its functions can be hooked. Undefined when no compile has
 * them: a kernel without ftrace (nothing is livepatchable there, and it is not this check's to say)
 * or no `.cmd` files.
 */
function untracedTus(cmds) {
    const untraced = new Set();
    let traced = 0;
    for (const text of cmds.values()) {
        const c = parseCmdFile(text);
        if (!c)
            continue;
        if (c.args.some(isFtraceFlag))
            traced++;
        else
            untraced.add(c.tu);
    }
    return traced > 0 ? untraced : undefined;
}
function isFtraceFlag(arg) {
    if (arg === '-pg')
        return true;
    const m = /^-fpatchable-function-entry=(\d+)/.exec(arg);
    return m !== null && Number(m[1]) > 0;
}

const SOURCE_RANK = {
    'system-map': 0,
    nm: 1,
    kallsyms: 2,
    readelf: 3
};
/**
 * nm letters kallsyms keeps: undefined (U, v/w without address), absolute (a/A) and debug (N)
 * symbols never reach the kernel's symbol table, so they do not count for `old_sympos`.
 */
const KALLSYMS_TYPES = /^[tTwWdDbBrRvVgGsSiu]$/;
/** `[addr [size]] type name` as `nm`, `nm -S`, System.map and /proc/kallsyms print it. */
function parseNmLines(text) {
    const out = [];
    for (const line of text.split('\n')) {
        const m = /^([0-9a-fA-F]+)(?:\s+[0-9a-fA-F]+)?\s+([A-Za-z?-])\s+(\S+)(?:\s+\[(\S+)\])?\s*$/.exec(line);
        if (!m)
            continue;
        const type = m[2];
        if (!KALLSYMS_TYPES.test(type))
            continue;
        out.push({
            name: m[3],
            addr: BigInt(`0x${m[1]}`),
            func: /^[tTwW]$/.test(type),
            global: type === type.toUpperCase(),
            module: m[4]
        });
    }
    return out;
}
/**
 * `readelf -sW` of the `.symtab`. Symbol-table order is what module kallsyms walks, and the FILE
 * symbol opening each run of locals says which TU they came from.
 */
function parseReadelf(text) {
    const out = [];
    const files = new Map();
    let truncated = false;
    let inSymtab = false;
    let file;
    for (const line of text.split('\n')) {
        if (line.startsWith('Symbol table ')) {
            inSymtab = line.includes("'.symtab'");
            file = undefined;
            continue;
        }
        if (!inSymtab)
            continue;
        const m = /^\s*\d+:\s+([0-9a-fA-F]+)\s+(?:0x)?[0-9a-fA-F]+\s+(\w+)\s+(\w+)\s+\S+\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
        if (!m)
            continue;
        const [, value, type, bind, ndx, rawName] = m;
        const name = rawName.replace(/@.*$/, '');
        if (name.endsWith('[...]'))
            truncated = true;
        if (type === 'FILE') {
            file = name;
            files.set(name, (files.get(name) ?? 0) + 1);
            continue;
        }
        // The kernel drops undefined, absolute and unnamed (section) symbols from kallsyms.
        if (ndx === 'UND' || ndx === 'ABS' || type === 'SECTION')
            continue;
        const global = bind !== 'LOCAL';
        out.push({
            name,
            addr: BigInt(`0x${value}`),
            func: type === 'FUNC' || type === 'IFUNC',
            global,
            file: global ? undefined : file
        });
    }
    return { syms: out, files, truncated };
}

function kindOf(path) {
    const base = fileName(path);
    if (base === 'System.map')
        return { source: 'system-map', object: 'vmlinux' };
    if (base === 'kallsyms' || base.endsWith('.kallsyms'))
        return { source: 'kallsyms' };
    const m = /^(.+?)(?:\.ko|\.o)?\.(nm|syms)$/.exec(base);
    if (!m)
        return undefined;
    return { source: m[2] === 'nm' ? 'nm' : 'readelf', object: moduleName(m[1]) };
}
/**
 * A table that would judge symbols wrongly is not used at all: the objects it names fall back to
 * the dumps alone, which keeps every copy the dumps cannot rule out.
 */
function refused(path, why) {
    return {
        kind: 'symbols-mode',
        severity: 'warning',
        message: `${path}: not used as a symbol table: ${why}; its objects are judged from the dumps alone`,
        file: path
    };
}
function index(syms, byAddress) {
    // vmlinux kallsyms is sorted by address; a module's kallsyms walks its ELF symtab in order.
    const ordered = byAddress
        ? syms
            .map((s, i) => ({ s, i }))
            .sort((a, b) => (a.s.addr < b.s.addr ? -1 : a.s.addr > b.s.addr ? 1 : a.i - b.i))
            .map(x => x.s)
        : syms;
    const byName = new Map();
    for (const s of ordered) {
        const list = byName.get(s.name);
        if (list)
            list.push(s);
        else
            byName.set(s.name, [s]);
    }
    return byName;
}
function lookupIn(table, tu, name) {
    const all = table.byName.get(name) ?? [];
    const funcs = all.filter(s => s.func);
    if (funcs.length === 0)
        return (table.files.get(fileName(tu)) ?? 0) > 0
            ? { exists: false, absentFromTu: true }
            : { exists: false };
    // kallsyms counts every symbol of that name, data included, so the position is among `all`.
    const pick = (s) => all.length > 1 ? { exists: true, sympos: all.indexOf(s) + 1 } : { exists: true };
    const globals = funcs.filter(s => s.global);
    const file = fileName(tu);
    const sameBase = table.files.get(file) ?? 0;
    if (sameBase > 0) {
        const mine = funcs.filter(s => !s.global && s.file === file);
        // FILE symbols carry no directory: with two `core.c` TUs in the object, two `core.c` statics of
        // the name may be either's. One alone is this TU's when it has a copy (the entry's question):
        // the other `core.c` has none. `positionsIn` gives the same single candidate.
        if (mine.length === 1)
            return pick(mine[0]);
        if (mine.length > 1)
            return { exists: true, candidates: mine.length };
        if (globals.length === 1)
            return pick(globals[0]);
        // Only other TUs' statics carry the name: this TU's copy was inlined away.
        if (globals.length === 0)
            return { exists: false, absentFromTu: true };
        return { exists: true, candidates: globals.length };
    }
    if (funcs.length === 1)
        return pick(funcs[0]);
    return { exists: true, candidates: funcs.length };
}
/** Same attribution as `lookupIn`; where it cannot pick one copy, every copy it could be. */
function positionsIn(table, tu, name) {
    const all = table.byName.get(name) ?? [];
    const funcs = all.filter(s => s.func);
    const at = (list) => list.map(s => all.indexOf(s) + 1);
    const found = lookupIn(table, tu, name);
    if (found.sympos !== undefined)
        return { count: all.length, candidates: [found.sympos] };
    const file = fileName(tu);
    if ((table.files.get(file) ?? 0) > 0) {
        const mine = funcs.filter(s => !s.global && s.file === file);
        if (mine.length > 0)
            return { count: all.length, candidates: at(mine) };
        const globals = funcs.filter(s => s.global);
        if (globals.length > 0)
            return { count: all.length, candidates: at(globals) };
    }
    return { count: all.length, candidates: at(funcs) };
}
/**
 * Accepts `<object>.nm` / `vmlinux.nm` / `System.map` (nm lines), `<object>.syms` (`readelf -sW`,
 * whose FILE symbols attribute locals to their TU) and `kallsyms` (/proc/kallsyms, `[module]`
 * suffixes). For modules, nm must keep symbol-table order (`nm -p`), which is kallsyms order.
 */
function parseSymbolFiles(files) {
    const findings = [];
    const tables = new Map();
    const offer = (object, table) => {
        const have = tables.get(object);
        if (!have || SOURCE_RANK[table.source] > SOURCE_RANK[have.source])
            tables.set(object, table);
    };
    for (const path of [...files.keys()].sort()) {
        const text = files.get(path) ?? '';
        const kind = kindOf(path);
        if (!kind) {
            findings.push({
                kind: 'symbols-mode',
                severity: 'warning',
                message: `${path}: not a symbol file name this tool reads (System.map, <object>.nm, <object>.syms, kallsyms)`,
                file: path
            });
            continue;
        }
        let count;
        if (kind.source === 'readelf' && kind.object) {
            const { syms, files: tus, truncated } = parseReadelf(text);
            count = syms.length;
            if (truncated) {
                findings.push(refused(path, 'names are cut to `...[...]` (readelf -s without -W)'));
                continue;
            }
            if (count > 0 && syms.every(s => s.global)) {
                findings.push(refused(path, 'it holds no local symbols (a globals-only listing)'));
                continue;
            }
            const byAddress = kind.object === 'vmlinux';
            if (count > 0)
                offer(kind.object, { source: 'readelf', path, byName: index(syms, byAddress), files: tus });
        }
        else {
            const lines = parseNmLines(text);
            count = lines.length;
            const groups = new Map();
            for (const s of lines) {
                const object = kind.object ?? (s.module ? moduleName(s.module) : 'vmlinux');
                const list = groups.get(object);
                if (list)
                    list.push(s);
                else
                    groups.set(object, [s]);
            }
            if (count > 0 && lines.every(s => s.global)) {
                findings.push(refused(path, 'it holds no local symbols (`nm -g`?)'));
                continue;
            }
            for (const [object, syms] of groups) {
                const byAddress = object === 'vmlinux' && kind.source !== 'kallsyms';
                offer(object, {
                    source: kind.source,
                    path,
                    byName: index(syms, byAddress),
                    files: new Map()
                });
            }
        }
        if (count === 0) {
            findings.push({
                kind: 'symbols-mode',
                severity: 'warning',
                message: `${path}: no symbols could be read from it`,
                file: path
            });
        }
    }
    if (tables.size === 0)
        return { tables: undefined, findings };
    const objects = [...tables.keys()].sort();
    findings.push({
        kind: 'symbols-mode',
        severity: 'info',
        message: `symbol tables given for ${objects.length} object(s): ${objects.slice(0, 10).join(', ')}${objects.length > 10 ? ', ...' : ''}; other objects are judged from the dumps alone`
    });
    return {
        tables: {
            mode: 'symbol-tables',
            objects,
            lookup(object, tu, name) {
                const table = tables.get(object);
                return table ? lookupIn(table, tu, name) : undefined;
            },
            functionFiles(object, name) {
                const table = tables.get(object);
                if (!table)
                    return undefined;
                // A basename two TUs of the object share attributes nothing (see lookupIn).
                return (table.byName.get(name) ?? [])
                    .filter(s => s.func)
                    .map(s => (s.file !== undefined && table.files.get(s.file) === 1 ? s.file : null));
            },
            positions(object, tu, name) {
                const table = tables.get(object);
                return table ? positionsIn(table, tu, name) : undefined;
            }
        },
        findings
    };
}

/** Loads every dump set with its kbuild side files (objects, flags, symbol tables). */
async function loadSets(sources, { progress = () => undefined, focus, graphs, config: wantsConfig = true } = {}) {
    const sets = [];
    for (const source of sources) {
        progress(`loading dump set ${source.label} from ${source.paths.join(', ')}`);
        const loaded = await loadDumpSet(source.label, source.paths, progress, focus, source.indexCache);
        if (loaded.set.dumpCount === 0) {
            // An empty set would make every TU "not built here": a broken upload must not read as clean.
            throw new Error(`dump set ${source.label} (${source.paths.join(', ')}) holds no *.000i.ipa-clones file`);
        }
        const findings = [...loaded.findings];
        const { kbuild, set } = loaded;
        if (graphs)
            set.useGraphStore(graphs);
        const kbuildKnown = kbuild.mods.size > 0 || kbuild.modulesOrder !== undefined;
        const objectOf = kbuildKnown ? buildObjectMap(kbuild.mods, kbuild.modulesOrder) : undefined;
        const objects = kbuildKnown ? buildObjectList(kbuild.mods, kbuild.modulesOrder) : undefined;
        append(findings, objectMapFindings(kbuild.mods, kbuild.modulesOrder));
        let untraced;
        let unheld;
        if (kbuild.cmds.size > 0) {
            append(findings, checkBuildFlags(kbuild.cmds, tu => set.hasTu(tu)).findings);
            const linked = kbuild.archives.size > 0 ? vmlinuxObjects(kbuild.archives) : undefined;
            if (linked && objectOf)
                unheld = unheldTus(kbuild.cmds, linked, archivedObjects(kbuild.archives), objectOf);
            untraced = untracedTus(kbuild.cmds);
        }
        let symbols;
        if (kbuild.symbols.size > 0) {
            const parsed = parseSymbolFiles(kbuild.symbols);
            symbols = parsed.tables;
            append(findings, parsed.findings);
        }
        const scripts = [...kbuild.scripts.values()].sort((a, b) => a.target.localeCompare(b.target));
        for (const f of findings)
            f.set ??= source.label;
        const config = kbuild.config === undefined || !wantsConfig ? undefined : parseKconfig(kbuild.config);
        sets.push({
            set,
            objectOf,
            objects,
            symbols,
            findings,
            untraced,
            deps: kbuild.deps,
            ...(unheld ? { unheld } : {}),
            ...(scripts.length > 0 ? { scripts } : {}),
            ...(config ? { config } : {}),
            ...(kbuild.generated.empty ? {} : { generated: kbuild.generated })
        });
        const kept = focus ? `, ${set.keptCount} of them kept for this query` : '';
        progress(`dump set ${source.label}: ${set.dumpCount} dumps, ${set.lineCount} lines${kept}`);
    }
    return sets;
}

/**
 * Wall time per stage of one run, for the benchmark (`KLP_AFFECTED_TIMINGS=1` prints it on
 * stderr): the review tier's source search reads and parses TUs and headers from the tree, which
 * the dump scan's floor does not cover, so the benchmark reports it apart. Never part of a report.
 */
class StageTimes {
    ms = new Map();
    add(stage, ms) {
        this.ms.set(stage, (this.ms.get(stage) ?? 0) + ms);
    }
    sync(stage, run) {
        const start = performance.now();
        try {
            return run();
        }
        finally {
            this.add(stage, performance.now() - start);
        }
    }
    async time(stage, run) {
        const start = performance.now();
        try {
            return await run();
        }
        finally {
            this.add(stage, performance.now() - start);
        }
    }
    /** `map=120 load=900 ...`: stages in the order first timed, whole milliseconds. */
    line() {
        return [...this.ms].map(([stage, ms]) => `${stage}=${Math.round(ms)}`).join(' ');
    }
}

/** Declarations without an object (`*`) and affected functions without one match any object. */
function declares(d, a) {
    if (d.name !== a.name)
        return false;
    if (a.object !== null && d.object !== '*' && d.object !== a.object)
        return false;
    return a.sympos === undefined || d.sympos === undefined || a.sympos === d.sympos;
}
/** One function per set: the same symbol reached from two changed functions is one entry. */
/**
 * Without a sympos, same-name statics of different TUs are different functions: each is judged
 * (a declaration by name alone then covers both, as the loader would resolve it).
 */
function functionKey(a) {
    const where = a.sympos === undefined ? a.tu : String(a.sympos);
    return `${a.set}\0${a.object ?? ''}\0${a.name}\0${where}`;
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compareAffected(a, b) {
    return (cmp(a.set, b.set) ||
        cmp(a.object ?? '', b.object ?? '') ||
        cmp(a.name, b.name) ||
        (a.sympos ?? 0) - (b.sympos ?? 0) ||
        cmp(a.tier, b.tier) ||
        cmp(a.origin, b.origin) ||
        cmp(a.tu, b.tu));
}
function compareDeclared(a, b) {
    return (cmp(a.object, b.object) ||
        cmp(a.name, b.name) ||
        (a.sympos ?? 0) - (b.sympos ?? 0) ||
        cmp(a.source, b.source));
}

var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

export { symbolRemoved as A, walkForward as B, CANNOT_CARRY as C, getDefaultExportFromCjs as D, mapEvery as E, loadDumpSet as F, GRAPH_CACHE_SCHEMA as G, makeSourceReader as H, prewarmScanThread as I, generatedOf as J, commonjsGlobal as K, entryRole as L, CMD_HEAD_BYTES as M, inOrder as N, RootDetector as R, StageTimes as S, UNFOUND_HINT as U, VERSION as V, scanThreads as a, append as b, collectInputs as c, deferredScanWorker as d, explainSymbol as e, evaluatePolicy as f, summarize as g, compareAffected as h, functionKey as i, isLayout as j, isDecision as k, loadSets as l, cmp as m, normalizePath as n, compareDeclared as o, declares as p, partitionPoint as q, readBytes as r, scanWorkerAvailable as s, escapeRegExp as t, describeSymbol as u, knownScripts as v, walkTree as w, computeAffected as x, baseName$1 as y, maxOf as z };
