import { readFileSync } from 'node:fs';
import { workerData, parentPort } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

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
const SEMI = 59;
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
    else if (kindChar === C_LOWER && text.charCodeAt(start + CLONE_PREFIX_LEN - 1) === SEMI)
        expected = 12;
    else if (kindChar === R_LOWER && text.charCodeAt(start + REMOVAL_PREFIX_LEN - 1) === SEMI)
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
    /** Starts a new dump. */
    reset(text) {
        this.text = text;
        this.dump++;
        this.large.clear();
        this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR));
    }
    /** The error of a line that scanned well but contradicts the dump (or its encoding), or ''. */
    check(start, end, cuts, res, lineNo) {
        const { text } = this;
        if (this.nextBad >= 0 && this.nextBad < start)
            this.nextBad = text.indexOf(String.fromCharCode(REPLACEMENT_CHAR), start);
        if (this.nextBad >= start && this.nextBad < end)
            return 'invalid UTF-8 (decoded as U+FFFD), which GCC never writes';
        if (res.kind !== LINE_CLONE)
            return this.node(start, cuts, 1, lineNo, false);
        const l = res.layout;
        const rs = fieldStart(start, cuts, l.reason);
        const inline = cuts[l.reason] - rs === INLINE_REASON.length && text.startsWith(INLINE_REASON, rs);
        return (this.node(start, cuts, l.origName, lineNo, false) ||
            this.node(start, cuts, l.newName, lineNo, !inline));
    }
    node(start, cuts, field, lineNo, creates) {
        const { text } = this;
        const order = fieldInt(text, start, cuts, field + 1);
        const ns = nameStart(text, start, cuts, field);
        const ne = cuts[field];
        const fs = cuts[field + 1] + 1;
        const fe = cuts[field + 2];
        let d = this.data;
        let at = order * 5;
        if (order >= MAX_INDEXED) {
            const big = this.large.get(order);
            if (big === undefined) {
                this.add(order, ns, ne, fs, fe, lineNo);
                return '';
            }
            d = big;
            at = 0;
        }
        else if (order >= this.stamp.length || this.stamp[order] !== this.dump) {
            this.add(order, ns, ne, fs, fe, lineNo);
            return '';
        }
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
const SLASH = 47;
const DOT = 46;
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
            if (at >= s && text.startsWith(f, at) && (at === s || text.charCodeAt(at - 1) === SLASH))
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
            if (n.length > f.length && n.endsWith(f) && n.charCodeAt(n.length - f.length - 1) === SLASH)
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
        if (text.charCodeAt(i) === DOT && text.charCodeAt(i - 1) === SLASH)
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
    return c === SLASH ? 0 : c & 127;
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

/** Malformed lines reported one by one per dump before a single summary finding takes over. */
const MALFORMED_DETAIL_LIMIT = 20;
/** Non-empty dumps sampled to learn a foreign leading folder of the dump paths (see DumpSet). */
const PREFIX_SAMPLE = 64;
/**
 * Validates every line of a dump and tells whether the focus wants its text. Holds no state across
 * dumps but scratch space and how many prefix samples it took, so scanners on several threads,
 * each fed its dumps in path order, give the same answers as one (see DumpSet.addScanned).
 */
class DumpScanner {
    label;
    focus;
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
    }
    /** path: relative to the dump-set root (e.g. 'net/ipv4/tcp.c.000i.ipa-clones'). */
    scan(path, input) {
        // Editors and some archivers prepend a byte-order mark; GCC never writes one.
        const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
        const info = classifyDumpPath(path);
        const out = { path, text: '', kept: false, lines: 0, findings: [], sampled: false };
        // The first PREFIX_SAMPLE non-empty TU dumps with an answer vote; this scanner's first ones
        // include every one of them it was given.
        if (this.samples < PREFIX_SAMPLE && info.stage === 'tu' && text.length > 0) {
            out.sampled = true;
            out.rename = ownRename(info.name, text);
            if (out.rename !== undefined)
                this.samples++;
        }
        // Link-stage dumps are few and every LTO query walks them all.
        const wanted = !this.focus || info.stage !== 'tu' || this.focus.path(info.name);
        // An empty dump has nothing to drop: its (empty) graph is a true answer.
        out.kept = this.lines(out, text, wanted || text.length === 0);
        if (out.kept)
            out.text = text;
        return out;
    }
    /**
     * Counts and validates every line, reporting malformed ones; true when the dump is `wanted` or
     * one of its lines names a focus symbol or file.
     */
    lines(out, text, wanted) {
        const { cuts, res, focus, consistency } = this;
        let keep = wanted;
        const len = text.length;
        let pos = 0;
        let lineNo = 0;
        let bad = 0;
        if (wanted)
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
                    if (wanted)
                        res.error = consistency.check(pos, end, cuts, res, lineNo);
                    else if (!keep)
                        keep = mentionsFocus(focus, text, pos, cuts, res);
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
        if (keep && !wanted)
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
    malformed(out, lineNo, text, pos, end) {
        out.findings.push({
            kind: 'dump-malformed-line',
            severity: 'unresolved',
            set: this.label,
            file: out.path,
            line: lineNo,
            message: `${out.path}:${lineNo}: ${this.res.error}: ${clip(text.slice(pos, end))}`
        });
    }
    /**
     * Lines that parse alone but contradict the rest of the dump (see DumpConsistency) are malformed
     * too: reordered lines, one order naming two symbols or files, invalid UTF-8. Returns how many;
     * `before` malformed lines were already reported one by one.
     */
    checkConsistency(out, text, before) {
        const { cuts, res, consistency } = this;
        consistency.reset(text);
        let bad = 0;
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
            if (end > pos && scanLine(text, pos, end, cuts, res).kind !== 0) {
                res.error = consistency.check(pos, end, cuts, res, lineNo);
                if (res.error !== '' && before + ++bad <= MALFORMED_DETAIL_LIMIT)
                    this.malformed(out, lineNo, text, pos, end);
            }
            pos = next;
        }
        return bad;
    }
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

// Worker-thread entry (bundled as dist/scan-worker.js): reads and validates chunks of dump files
// for one dump set, synchronously, and hands back what the set needs of each (see scan-pool.ts).
const spec = workerData;
const scanner = new DumpScanner(spec.label, spec.focus);
parentPort?.on('message', (chunk) => {
    const out = chunk.files.map(f => {
        let text;
        try {
            // Synchronous on purpose: per file, fs.readFile's callback machinery cost more than the read.
            text = readFileSync(f.abs, 'utf8');
        }
        catch (error) {
            return { error: error.message };
        }
        return {
            scanned: scanner.scan(f.path, text),
            ...(spec.print ? { print: `${text.length}:${crc32(text)}` } : {})
        };
    });
    parentPort?.postMessage({ id: chunk.id, out });
});
