#!/usr/bin/env node
import { r as readBytes, c as collectInputs, s as scanWorkerAvailable, a as scanThreads, w as walkTree, R as RootDetector, d as deferredScanWorker, n as normalizePath, l as loadSets, b as append, e as explainSymbol, f as evaluatePolicy, V as VERSION, g as summarize, h as compareAffected, i as functionKey, j as isLayout, k as isDecision, C as CANNOT_CARRY, m as cmp, S as StageTimes } from './cli-shared.js';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { openSync, writeSync, closeSync, constants, fstatSync, ftruncateSync, rmSync, createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import 'node:zlib';
import 'node:path';
import 'node:crypto';
import 'node:url';
import 'node:worker_threads';

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

const NL = 10;
const SEMI = 59;
const STAR = 42;
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
            let end = b.indexOf(NL, pos);
            if (end < 0)
                end = len;
            let field = 0;
            let start = pos;
            for (let i = pos; i <= end; i++) {
                if (i < end && b[i] !== SEMI)
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
        if (b[start] === STAR)
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
 * One share on a thread of its own; undefined when none can be started (EAGAIN) or when it fails:
 * the promise never rejects, since the shares are awaited one after another and a thread that
 * failed while an earlier one was awaited would otherwise end the process.
 */
function onThread(query, files) {
    const worker = deferredScanWorker();
    if (!worker)
        return Promise.resolve(undefined);
    return new Promise(resolve => {
        worker.once('message', (found) => resolve(found));
        worker.once('error', () => resolve(undefined));
        worker.once('exit', () => resolve(undefined));
        const request = { near: query, files };
        worker.postMessage(request);
    }).finally(() => void worker.terminate());
}
/**
 * The dumps of one set the load took, as it took them: each input's paths made relative to its
 * kernel tree (RootDetector, fed every file in walk order as the collector is), a path already
 * given by an earlier input or tree skipped (the load reports it and uses the first).
 */
async function setDumps(paths, files) {
    const seen = new Set();
    for (const input of paths) {
        const root = new RootDetector();
        const take = (out) => {
            for (const { path, item } of out) {
                if (item.role !== 'dump' || seen.has(path))
                    continue;
                seen.add(path);
                files.push(item.abs);
            }
        };
        await walkTree(input, f => take(root.offer(f.rel, f)));
        take(root.finish());
    }
}
/**
 * The names of every dump the sets hold near `query`, for what the focused load did not keep (a
 * mistyped `explain` target): a directory's dumps read undecoded, their shares searched on scan
 * threads beside this one (at 27,000 dumps one thread spent 1.2 s in the search and 0.7 s in
 * the reads); a set with an archive through the collector, as the load read it, as text. A file
 * that cannot be read is passed over: the load before this one reported it.
 */
async function nearDumpNames(query, sets) {
    const near = new NearNames(query);
    const files = [];
    for (const { label, paths } of sets) {
        const dirs = await Promise.all(paths.map(async (p) => (await stat(p)).isDirectory()));
        if (dirs.every(Boolean))
            await setDumps(paths, files);
        else
            await collectInputs(label, paths, near);
    }
    // This thread searches a share too: one thread fewer than the cores.
    const workers = scanWorkerAvailable()
        ? Math.min(scanThreads(files.length), Math.max(1, availableParallelism() - 1))
        : 0;
    const shares = workers + 1;
    const parts = Array.from({ length: shares }, (_, k) => files.filter((_, i) => i % shares === k));
    const threads = parts.slice(1).map(part => ({ part, found: onThread(query, part) }));
    searchNearNames(near, parts[0]);
    for (const { part, found } of threads) {
        const answer = await found;
        // A thread that failed leaves its share to this one: suggestions are not worth a failed run.
        if (answer)
            near.absorb(answer);
        else
            searchNearNames(near, part);
    }
    return near.names();
}

/** `explain` of a name no dump mentions: an input error (exit 2), with the closest dump names. */
class NameNotFound extends Error {
    symbol;
    suggestions;
    constructor(symbol, suggestions) {
        super(`${symbol}: not found in any dump` +
            (suggestions.length > 0 ? `; did you mean ${suggestions.join(', ')}?` : '.') +
            ' (A function GCC neither inlined nor cloned is in no dump either: then it is its own' +
            ' only copy, and the livepatch replaces it alone.)');
        this.symbol = symbol;
        this.suggestions = suggestions;
        this.name = 'NameNotFound';
    }
}
/** Every function affected by one symbol, in every dump set: the engine seen from a function, not a diff. */
async function runExplain(given) {
    // `--file ./a/s.c` (as a shell completes it) is the dumps' `a/s.c`.
    const options = given.file === undefined || given.file.startsWith('/')
        ? given
        : { ...given, file: normalizePath(given.file) };
    const focus = {
        names: [options.name.replace(/^\*/, '')],
        files: options.file?.endsWith('.c') ? [options.file] : []
    };
    const sets = await loadSets(options.dumps, { progress: options.progress, focus, config: false });
    const affected = [];
    const findings = [];
    for (const entry of sets) {
        append(findings, entry.set.findings);
        append(findings, entry.findings);
        const result = explainSymbol(entry.set, options.name, options.file, {
            objectOf: entry.objectOf,
            symbolInfo: entry.symbols ? (o, tu, n) => entry.symbols?.lookup(o, tu, n) : undefined,
            tusReading: entry.deps ? file => entry.deps?.tusSeeing(file) ?? [] : undefined
        });
        append(affected, result.affected);
        append(findings, result.findings);
    }
    const bare = options.name.replace(/^\*/, '');
    // A `.c` that other TUs #include (kbuild's dependency lists say so) has a copy in each even when
    // no dump names it: that is an answer, not a name to look for.
    const copies = new Map();
    for (const a of affected)
        copies.set(a.set, (copies.get(a.set) ?? 0) + 1);
    if (sets.every(entry => entry.set.tusMentioning(bare).length === 0) &&
        [...copies.values()].every(n => n < 2)) {
        // Only on this error path are the dumps read a second time, for their names: the focused
        // load kept no text of the dumps that do not mention the name.
        throw new NameNotFound(bare, await nearDumpNames(bare, options.dumps));
    }
    const policy = options.policy ?? [];
    const verdict = evaluatePolicy(policy, affected, null, findings);
    return {
        schemaVersion: 1,
        tool: { name: 'klp-affected', version: VERSION },
        sets: sets.map(summarize),
        changed: [
            {
                name: options.name,
                symbols: [options.name],
                file: options.file ?? '',
                line: 0,
                change: 'modified',
                hunks: []
            }
        ],
        affected,
        coverage: null,
        findings,
        policy,
        result: verdict.result,
        reasons: verdict.reasons
    };
}

/** `explain --all` as text: one paragraph per function, its containers indented (kgraft's layout). */
function allText(set, g, list) {
    let out = '';
    const nodes = g.nodes;
    for (const { node, reached } of list) {
        out += `${set}: ${label(node)} in ${g.tu}: ${reached.length} affected\n`;
        for (const id of reached)
            out += `    ${label(nodes[id])}\n`;
    }
    return out;
}
/** One JSON object per function (the elements of the report's `functions` array). */
function allJson(set, g, list) {
    const nodes = g.nodes;
    return list.map(({ node, reached }) => JSON.stringify({
        affected: reached.map(id => entry(nodes[id])),
        file: node.file,
        line: node.line,
        name: node.name,
        removed: node.removed,
        set,
        tu: g.tu
    }));
}
function entry(n) {
    return { file: n.file, name: n.name, removed: n.removed };
}
function label(n) {
    return `${n.name} (${n.file}:${n.line})${n.removed ? ' removed' : ''}`;
}

/**
 * Every function that GCC inlined or cloned somewhere in `g`, with what contains it: the walk of
 * `walkForward` (dump order, see there) from each, without chains. Marks are one typed array
 * stamped per start, so a dump costs its functions times its edges and allocates only the answers.
 * A start's walk begins at its first edge out: before it only the start is marked, and no edge
 * leaves it, so no edge before it can reach anything (half the walk, on average; the walks were
 * most of `explain --all`'s own time).
 */
function containersOf(g) {
    const edges = g.edgeCount;
    // The edges as flat arrays: the walk below reads each one once per start.
    const from = new Int32Array(edges);
    const to = new Int32Array(edges);
    const copy = new Uint8Array(edges);
    // Each node's first edge out that is not to itself, or -1: the nodes that start a walk.
    const firstOut = new Int32Array(g.size).fill(-1);
    for (let e = 0; e < edges; e++) {
        from[e] = g.edgeFrom(e);
        to[e] = g.edgeTo(e);
        copy[e] = g.edgeCopy(e) ? 1 : 0;
        if (from[e] !== to[e] && firstOut[from[e]] < 0)
            firstOut[from[e]] = e;
    }
    const stamp = new Int32Array(g.size).fill(-1);
    const nodes = g.nodes;
    const out = [];
    for (let s = 0; s < g.size; s++) {
        if (firstOut[s] < 0)
            continue;
        stamp[s] = s;
        const reached = [];
        const own = g.name(s);
        for (let e = firstOut[s]; e < edges; e++) {
            const t = to[e];
            if (stamp[from[e]] !== s || stamp[t] === s)
                continue;
            stamp[t] = s;
            // A node of the start's own name (recursive inlining into its master clone) is itself.
            if (copy[e] === 0 && g.name(t) !== own)
                reached.push(t);
        }
        out.push({ node: nodes[s], reached });
    }
    return out;
}

/**
 * Every function GCC inlined or cloned, with every function that contains it, in every dump set:
 * kgraft-analysis-tool's default mode. Each TU is parsed, answered and written in turn (TU-major),
 * so memory holds one TU's answer; every dump line is validated on load as for any query, and an
 * unreadable or malformed dump is a finding that the verdict sees.
 */
async function runExplainAll(options) {
    const { write, format } = options;
    const sets = await loadSets(options.dumps, { progress: options.progress, config: false });
    const findings = [];
    let count = 0;
    if (format === 'json')
        await write(`{"schemaVersion":1,"tool":{"name":"klp-affected","version":${JSON.stringify(VERSION)}},"mode":"all","functions":[`);
    for (const entry of sets) {
        append(findings, entry.set.findings);
        append(findings, entry.findings);
        const graphs = [
            ...entry.set.tus().map(tu => () => entry.set.graph(tu)),
            ...entry.set.linkGraphs().map(g => () => g)
        ];
        for (const graphOf of graphs) {
            const g = graphOf();
            if (!g)
                continue;
            const list = containersOf(g);
            if (list.length === 0)
                continue;
            if (format === 'text')
                await write(allText(entry.set.label, g, list));
            else {
                const items = allJson(entry.set.label, g, list);
                await write((count === 0 ? '\n' : ',\n') + items.join(',\n'));
            }
            count += list.length;
        }
    }
    const verdict = evaluatePolicy(options.policy ?? [], [], null, findings);
    if (format === 'json') {
        const tail = { findings, reasons: verdict.reasons, result: verdict.result };
        await write(`\n],${JSON.stringify(tail).slice(1)}\n`);
    }
    else {
        let out = `\n${count} functions inlined or cloned; result: ${verdict.result.toUpperCase()}\n`;
        for (const r of verdict.reasons)
            out += `  ${r}\n`;
        for (const f of findings)
            out += `${f.severity}: ${f.kind}: ${f.message}\n`;
        await write(out);
    }
    return { ...verdict, findings };
}

/**
 * Writes all of `chunk` to `fd`: one write(2) may take fewer bytes than it was given (a file size
 * limit, a full disk met mid-chunk), and a report cut there would lose its verdict silently. The
 * next write then fails with the reason (EFBIG, ENOSPC), which the run reports.
 */
function writeAll(fd, chunk, write = writeSync) {
    const bytes = Buffer.from(chunk);
    for (let at = 0; at < bytes.length;)
        at += write(fd, bytes, at, bytes.length - at);
}
/**
 * Writes a report rendered in pieces (see renderJsonPieces) to a file, or to stdout, so that the
 * whole text of a report with hundreds of thousands of entries never exists at once.
 */
function writePieces(pieces, path) {
    if (path === undefined) {
        // Synchronous on Linux for files and pipes; a reader that closed early is the stream's
        // 'error' handler's business (see index.ts), as for a single write.
        for (const piece of pieces)
            process.stdout.write(piece);
        return;
    }
    const fd = openSync(path, 'w');
    try {
        for (const piece of pieces)
            writeAll(fd, piece);
    }
    finally {
        closeSync(fd);
    }
}

/**
 * An `--output` file opened before a long load (`explain --all` streams its report as it goes):
 * opened at once, so a path that cannot be written fails the run before the load, but emptied
 * only at the first write, so a run that fails earlier (no such dump folder, a refused archive)
 * leaves the last report as it was, as `analyze` and `explain` leave theirs (they write at the end):
 * exit 2 says there is no new report. One it had to create is removed then.
 */
class ReportFile {
    path;
    fd;
    created;
    started = false;
    constructor(path, fd, created) {
        this.path = path;
        this.fd = fd;
        this.created = created;
    }
    static open(path) {
        // No O_TRUNC: emptied at the first write (see `write`). O_EXCL first, to know whether this run
        // created the file: it refuses any existing path, a symbolic link too (dangling or not), so
        // what `close` removes is never a link, nor a file someone else made meanwhile.
        const { O_WRONLY, O_CREAT, O_EXCL } = constants;
        try {
            return new ReportFile(path, openSync(path, O_WRONLY | O_CREAT | O_EXCL, 0o666), true);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        return new ReportFile(path, openSync(path, O_WRONLY | O_CREAT, 0o666), false);
    }
    write(chunk) {
        if (!this.started) {
            this.started = true;
            // A FIFO or a terminal (`--output /dev/stdout`) has nothing to empty, and refuses it.
            if (fstatSync(this.fd).isFile())
                ftruncateSync(this.fd, 0);
        }
        writeAll(this.fd, chunk);
    }
    /** Closes it; a file this run created and never wrote to goes away again. */
    close() {
        closeSync(this.fd);
        if (!this.started && this.created)
            rmSync(this.path, { force: true });
    }
}

/** `explain --all`: streamed to --output or stdout (the answer for a distribution is too big to hold). */
async function explainAll(args, progress) {
    const file = args.output === undefined ? undefined : ReportFile.open(args.output);
    try {
        const write = async (chunk) => {
            // Synchronous, as writePieces writes a report: a write per TU awaited from the thread pool
            // left this thread idle for each round trip (0.3 s of a kernel's 1.6 s JSON run).
            if (file)
                file.write(chunk);
            else if (!process.stdout.write(chunk))
                await once(process.stdout, 'drain');
        };
        const r = await runExplainAll({
            dumps: args.dumps,
            format: args.format === 'json' ? 'json' : 'text',
            policy: args.policy,
            write,
            progress
        });
        return r.result === 'pass' ? 0 : 1;
    }
    finally {
        file?.close();
    }
}

/** Top-level order as documented in docs/report-schema.json: verdict first, detail after. */
const TOP_LEVEL = [
    'schemaVersion',
    'tool',
    'result',
    'reasons',
    'policy',
    'sets',
    'changed',
    'affected',
    'coverage',
    'findings'
];
/**
 * Below V8's large-object size (128 KB): a larger piece, flattened for the write, is allocated
 * straight into the old generation, and a 134 MB report's pieces then grew the heap by as much
 * before a full collection freed them; smaller ones die young.
 */
const PIECE$1 = 1 << 16;
/**
 * `renderJson`'s text in pieces of about `size` characters, one array element at a time: a header
 * inline's report at distribution scale (230,000 entries) was a 134 MB string plus a sorted copy of
 * the whole report, on top of the report itself. Byte for byte what `JSON.stringify(x, null, 2)`
 * of the sorted report gives: a nested value is its own stringification with every line break
 * indented by its depth (JSON strings never hold a raw line break).
 */
function* renderJsonPieces(report, size = PIECE$1) {
    const keys = [...TOP_LEVEL];
    for (const key of Object.keys(report).sort())
        if (!keys.includes(key))
            keys.push(key);
    const fields = keys
        .map(key => [key, report[key]])
        .filter(([, value]) => stringifies(value));
    let out = '{';
    for (const [n, [key, value]] of fields.entries()) {
        out += `${n === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
        if (!Array.isArray(value) || value.length === 0) {
            out += nested(value, '\n  ');
            continue;
        }
        out += '[';
        for (const [k, element] of value.entries()) {
            out += `${k === 0 ? '' : ','}\n    ${nested(element, '\n    ')}`;
            if (out.length >= size) {
                yield out;
                out = '';
            }
        }
        out += '\n  ]';
    }
    yield `${out}${fields.length === 0 ? '}' : '\n}'}\n`;
}
/** JSON.stringify leaves out an object's key whose value is one of these. */
function stringifies(value) {
    return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
function nested(value, indent) {
    const text = stringifies(value) ? JSON.stringify(sortKeys(value), null, 2) : 'null';
    return text.includes('\n') ? text.replace(/\n/g, indent) : text;
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value === null || typeof value !== 'object')
        return value;
    const out = {};
    const obj = value;
    for (const k of Object.keys(obj).sort()) {
        if (obj[k] !== undefined)
            out[k] = sortKeys(obj[k]);
    }
    return out;
}

function viewOf(report) {
    const byKey = new Map();
    for (const a of [...report.affected].sort(compareAffected)) {
        const k = functionKey(a);
        const list = byKey.get(k);
        if (list)
            list.push(a);
        else
            byKey.set(k, [a]);
    }
    const cov = report.coverage;
    const covered = new Set(cov?.covered.map(c => functionKey(c.affected)));
    const missing = new Set(cov?.missing.map(functionKey));
    const review = new Set(cov?.review.map(functionKey));
    const declaredRemoved = new Set(cov?.declaredRemoved?.map(c => functionKey(c.affected)));
    const ambiguous = new Set(cov?.ambiguous?.map(c => functionKey(c.affected)));
    const toPatch = [];
    const reviewOnly = [];
    const layout = [];
    const layoutOnly = (k) => byKey.get(k)?.every(x => x.tier === 'layout') ?? false;
    for (const [k, list] of byKey) {
        if (list[0].symbol === 'removed' || list[0].unpatchable)
            continue;
        const required = list.find(a => a.tier === 'required');
        if (required)
            toPatch.push(required);
        else if (layoutOnly(k))
            layout.push(list[0]);
        else
            reviewOnly.push(list.find(a => a.tier === 'review') ?? list[0]);
    }
    const sets = new Set([...report.sets.map(s => s.label), ...report.affected.map(a => a.set)]);
    return {
        statusOf(a) {
            const k = functionKey(a);
            if (a.symbol === 'removed')
                return declaredRemoved.has(k) ? 'declared-removed' : 'removed';
            if (a.unpatchable)
                return 'not-patchable';
            if (layoutOnly(k) && !covered.has(k))
                return 'layout';
            if (!cov)
                return byKey.get(k)?.some(x => x.tier === 'required') ? 'required' : 'review-only';
            if (covered.has(k))
                return 'covered';
            if (ambiguous.has(k))
                return 'ambiguous';
            if (missing.has(k))
                return 'missing';
            if (review.has(k))
                return 'review';
            return a.tier === 'required' ? 'missing' : 'review';
        },
        sameFunction: a => byKey.get(functionKey(a)) ?? [a],
        toPatch,
        reviewOnly,
        layout,
        affectedCount: byKey.size,
        multiSet: sets.size > 1
    };
}
/** `inlined into tcp_bar`, `cloned as tcp_bar.constprop.0 (constprop)`: the words of one step. */
function stepWords(step) {
    switch (step.kind) {
        case 'changed':
            return step.reason
                ? { verb: 'changed', name: step.name, note: step.reason }
                : { verb: 'changed', name: step.name };
        case 'inlined-into':
            return { verb: 'inlined into', name: step.name };
        case 'cloned-as':
            return { verb: 'cloned as', name: step.name, note: step.reason };
        case 'caller-of':
            return { verb: 'called by', name: step.name };
        case 'gcc-decision':
            return { verb: 'compiled differently', name: step.name, note: step.reason };
        case 'object-diff':
            return { verb: 'object code differs', name: step.name, note: step.reason };
    }
}
function plural(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
/** The coverage line's counts, in the order both renderers show them. */
function coverageCounts(c) {
    return [
        `${c.missing.length} missing`,
        `${c.review.length} review`,
        `${c.covered.length} covered`,
        `${c.extra.length} extra`,
        ...(c.ambiguous ? [`${c.ambiguous.length} ambiguous`] : [])
    ];
}

/**
 * Which mode ran, in one line: exact (the patched build compared) or predicted from dumps. Said only
 * in exact mode, so that a report without a patched build reads exactly as it did before it existed.
 */
function modeLine(report) {
    const e = report.exact;
    if (!e)
        return undefined;
    const what = e.objectsCompared > 0
        ? `${plural(e.objectsCompared, 'object')} compared`
        : `post-fix dumps of ${plural(e.graphsCompared, 'TU')} compared`;
    const counts = [
        `${e.confirmed} confirmed`,
        `${e.found} found (not predicted)`,
        `${e.unchanged} unchanged`,
        `${e.lineOnly} line-only`,
        `${e.predicted} predicted only`
    ];
    return `exact: ${what} (not predicted from dumps alone); ${counts.join(', ')}`;
}

/**
 * Characters that could start Markdown syntax, close or open HTML, split a table cell or mention
 * someone become HTML entities. Entities (not backslashes) because the same text lands in table
 * cells, list items and raw HTML blocks such as `<details>`, where backslash escapes are not
 * honoured.
 */
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '`': '&#96;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '~': '&#126;',
    '#': '&#35;',
    '@': '&#64;',
    // GitHub renders `$...$` and `$$...$$` as math.
    $: '&#36;'
};
const SPECIAL = /[&<>"'|`*_[\]\\~#@$]/g;
function escapeInline(text) {
    return terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')).replace(SPECIAL, c => ENTITIES[c]);
}
/**
 * Inline code that is safe anywhere: a `<code>` element with escaped content, because a backtick
 * span would show entities literally and cannot be escaped for every content.
 */
function code(text) {
    return `<code>${escapeInline(text)}</code>`;
}
/**
 * C0 and C1 controls other than tab and newline, DEL, and the bidirectional overrides. Dump names,
 * paths and quoted lines come from untrusted artifacts and PRs: a CSI or OSC sequence (OSC 52 writes
 * the clipboard) must not reach a terminal or a CI log, nor a `\r` overwrite what was printed, nor a
 * bidi override reorder a line.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** Text for a terminal or a log: each control character becomes its visible `\xHH`/`\uHHHH` form. */
function terminalSafe(text) {
    return text.replace(CONTROL, c => {
        const n = c.charCodeAt(0);
        return n < 0x100 ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16)}`;
    });
}
/** GitHub limits comment bodies in characters and job summaries in bytes: UTF-8 bytes bound both. */
function byteLength(text) {
    return new TextEncoder().encode(text).length;
}
/**
 * Names and paths that need no escaping inside a backtick span (identifiers, clone suffixes,
 * `file:line`, `obj:sym,pos`). Anything else falls back to `code()`: a backtick span cannot hold
 * every content, and GFM splits table cells on `|` even inside spans.
 */
const PLAIN_CODE = /^[\w./+:,=-]+( [\w./+:,=-]+)*$/;
/** Inline code as readers and email clients want it: a backtick span, `<code>` only when needed. */
function codeSpan(text) {
    return PLAIN_CODE.test(text) ? `\`${text}\`` : code(text);
}
/**
 * Prose for Markdown: newlines become spaces, and only what could change the rendering is
 * touched. Backslash escapes for syntax characters (`\*`, `\[`, `\$` for math); `_` only where it
 * could open or close emphasis, so `tcp_input.c` stays readable in notification emails; HTML
 * characters as entities; `@user` and `#123` in backticks, where GitHub links no mention or issue.
 */
function escapeText(text) {
    const flat = terminalSafe(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
    let out = '';
    for (const part of flat.split(/((?:^|(?<=[^\w]))[@#]\w[\w./-]*)/)) {
        if (/^[@#]\w/.test(part)) {
            out += PLAIN_CODE.test(part.slice(1)) ? `\`${part}\`` : escapeProse(part);
        }
        else {
            out += escapeProse(part);
        }
    }
    return out;
}
function escapeProse(text) {
    return text.replace(/[\\`*[\]|~$<>&#]|_+/g, (m, offset) => {
        if (m[0] === '_') {
            const before = text[offset - 1] ?? '';
            const after = text[offset + m.length] ?? '';
            return /\w/.test(before) && /\w/.test(after) ? m : m.replace(/_/g, '\\_');
        }
        if (m === '<')
            return '&lt;';
        if (m === '>')
            return '&gt;';
        if (m === '&')
            return /^&(#\d|#x|[a-z])/i.test(text.slice(offset)) ? '&amp;' : '&';
        return `\\${m}`;
    });
}

/**
 * How a step's function relates to the one before it, read backwards from the function to patch:
 * `ip_do_redirect` ← inlined `__build_flow_key.constprop.0` ← clone of `__build_flow_key`.
 */
const BACKWARD = {
    'inlined-into': 'inlined',
    'cloned-as': 'clone of',
    'caller-of': 'calls',
    // Exact mode's steps open a chain (the function GCC compiled differently, or whose object code
    // differs); should one follow another step, it reads like a containment.
    'gcc-decision': 'from',
    'object-diff': 'from'
};
const HEAD = {
    changed: 'changed',
    'gcc-decision': 'compiled differently after the fix',
    'object-diff': 'object code differs',
    'inlined-into': 'changed',
    'cloned-as': 'changed',
    'caller-of': 'changed'
};
/**
 * One chain as one line, from the function a livepatch must replace back to the changed one. The
 * first name is left out when the row already shows it (`withHead: false`).
 */
function chainLine(chain, withHead = true) {
    if (chain.length === 0)
        return '';
    const head = chain[0];
    const label = HEAD[head.kind];
    const what = head.reason ? `${label}: ${escapeText(head.reason)}` : label;
    const last = chain.length - 1;
    if (last === 0 && !withHead)
        return `${head.kind === 'changed' ? 'changed by the fix' : label}${head.reason ? ` (${escapeText(head.reason)})` : ''}`;
    const parts = withHead ? [codeSpan(chain[last].name)] : [''];
    for (let i = last; i > 0; i--) {
        const kind = chain[i].kind;
        const verb = kind === 'changed' ? 'from' : BACKWARD[kind];
        parts.push(`${verb} ${codeSpan(chain[i - 1].name)}`);
    }
    return `${parts.join(' ← ').trimStart()} (${what})`;
}
/** The distinct chains of one function (several changed functions or sets can reach it). */
function chainLines(entries, withHead = true) {
    return [...new Set(entries.map(e => chainLine(e.chain, withHead)))];
}

/** `struct x: dev (holds struct device) ...`: a type whose layout changes with one it holds. */
const HOLDER = /^((?:struct|union) [A-Za-z_]\w*): [A-Za-z_]\w* \(holds (?:struct|union) [A-Za-z_]\w*\)/;
function isHolder(f) {
    return isLayout(f) && HOLDER.test(f.message);
}
/** The type a holder finding is about (`struct x`). */
function holderLabel(f) {
    return HOLDER.exec(f.message)?.[1] ?? f.message.slice(0, f.message.indexOf(':'));
}
/**
 * Fewer alike findings are each shown: the grouped line names the first finding's file in full
 * and lists the others, which only pays past a couple.
 */
const MIN_GROUP = 3;
/**
 * The findings of a list that differ only in the file they are about, as one entry each: a header
 * fix lists every object the build compiled without a dump (the real-mode code and the EFI stub:
 * 23 objects of a 6.1 defconfig), each in the same words, in every report. A finding with a line
 * or functions says something of its own and stands alone, as does one whose message does not
 * name its file (nothing shows the messages are alike). Order: each entry where its first finding
 * was; the JSON report keeps every finding.
 */
function groupFindings(all) {
    // `struct device` grows: 105 types that hold one by value say so each (6.1.176's device.h).
    const holders = all.filter(isHolder);
    const folded = holders.length >= MIN_GROUP;
    const list = folded ? all.filter(f => !isHolder(f)) : all;
    const out = alikeGroups(list);
    if (!folded)
        return out;
    // After the last layout finding of its own (the type that holders hold), else first.
    let at = 0;
    out.forEach((g, i) => {
        if (isLayout(g.finding))
            at = i + 1;
    });
    out.splice(at, 0, { finding: holders[0], alike: [], holders });
    return out;
}
function alikeGroups(list) {
    const shapes = list.map(shapeOf);
    const counts = new Map();
    for (const s of shapes)
        if (s !== undefined)
            counts.set(s, (counts.get(s) ?? 0) + 1);
    const groups = new Map();
    const lined = new Map();
    const out = [];
    list.forEach((finding, i) => {
        const at = lineShapeOf(finding);
        if (at !== undefined) {
            const first = lined.get(at);
            if (first)
                (first.lines ??= []).push(finding.line);
            else {
                const entry = { finding, alike: [] };
                lined.set(at, entry);
                out.push(entry);
            }
            return;
        }
        const shape = shapes[i];
        const grouped = shape !== undefined && counts.get(shape) >= MIN_GROUP;
        const group = grouped ? groups.get(shape) : undefined;
        if (group) {
            group.alike.push(finding.file);
            return;
        }
        const entry = { finding, alike: [] };
        if (grouped)
            groups.set(shape, entry);
        out.push(entry);
    });
    return out;
}
/** What a finding at a line says, with the line taken out: same words, same file. */
function lineShapeOf(f) {
    if (!f.file || !f.line || (f.functions?.length ?? 0) > 0)
        return undefined;
    return [f.kind, f.severity, f.set ?? '', f.file, f.message].join('\u0000');
}
/** `file:12, 40, 77`: where a finding and its alike lines are. */
function placeOf(g) {
    const f = g.finding;
    if (!f.file)
        return undefined;
    const lines = f.line ? [f.line, ...(g.lines ?? [])] : [];
    return lines.length > 0 ? `${f.file}:${lines.join(', ')}` : f.file;
}
/**
 * What a finding says with its own file taken out: the path without its extension, so that the
 * object (`x.o`), the source (`x.c`) and the dump (`x.c.000i.ipa-clones`) all go.
 */
function shapeOf(f) {
    if (!f.file || f.line !== undefined || (f.functions?.length ?? 0) > 0)
        return undefined;
    const dot = f.file.lastIndexOf('.');
    const stem = dot > f.file.lastIndexOf('/') + 1 ? f.file.slice(0, dot) : f.file;
    const parts = f.message.split(stem);
    if (parts.length < 2)
        return undefined;
    return [f.kind, f.severity, f.set ?? '', ...parts].join('\u0000');
}

/** The type a layout finding is about: its message starts with the type's label (`struct x: ...`). */
function layoutType(report) {
    // The type the fix reshapes, before the types that change only because they hold it.
    const f = report.findings.find(x => isLayout(x) && !isHolder(x)) ?? report.findings.find(isLayout);
    return f ? /^([^:]{1,120}):/.exec(f.message)?.[1] : undefined;
}
// Files named on the verdict line: past these, a count.
const FILES_SHOWN = 3;
/**
 * Why nothing needs replacing, when part of it is that the configuration does not build what the
 * fix changes (a CVE fix in a driver this kernel leaves out): that is the answer the reader wants,
 * not that an empty livepatch declares everything.
 */
function notBuilt(report) {
    const files = [
        ...new Set(report.findings.flatMap(f => f.kind === 'not-built' && f.severity === 'info' && f.file ? [f.file] : []))
    ];
    if (files.length === 0)
        return '';
    const shown = files.slice(0, FILES_SHOWN).map(codeSpan).join(', ');
    const more = files.length > FILES_SHOWN ? ` and ${files.length - FILES_SHOWN} more` : '';
    return ` (not built in this configuration: ${shown}${more})`;
}
/**
 * The first line of the comment: the verdict and one sentence saying what to do about it, the
 * most blocking problem first (a layout change cannot be fixed by declaring more functions).
 */
function verdictSentence(report, view) {
    const c = report.coverage;
    const unresolvedList = report.findings.filter(f => f.severity === 'unresolved');
    const unresolved = unresolvedList.length;
    const open = unresolvedList.filter(f => !isDecision(f)).length;
    const carried = [
        ...new Set(unresolvedList.flatMap(f => (isLayout(f) ? [] : (CANNOT_CARRY[f.kind] ?? []))))
    ];
    const missing = c?.missing.length ?? 0;
    const todo = [];
    const type = layoutType(report);
    if (type !== undefined || view.layout.length > 0) {
        todo.push(`This fix changes ${type ? `${codeSpan(type)}'s layout` : 'a type layout'}: it cannot be livepatched as it is`);
    }
    if (missing > 0)
        todo.push(`Add ${missing === 1 ? 'this function' : `these ${missing} functions`} to the livepatch`);
    if (c?.ambiguous?.length)
        todo.push(`Give ${plural(c.ambiguous.length, 'declaration')} the right \`old_sympos\``);
    if (!c && view.toPatch.length > 0) {
        todo.push(`The livepatch must replace ${view.toPatch.length === 1 ? 'this function' : `these ${view.toPatch.length} functions`}`);
    }
    const review = c ? c.review.length : view.reviewOnly.length;
    if (review > 0 && todo.length === 0)
        todo.push(`Check the ${plural(review, 'review function')} below`);
    if (type === undefined && carried.length > 0) {
        const what = `${carried.slice(0, -1).join(', ')}${carried.length > 1 ? ' and ' : ''}${carried[carried.length - 1]}`;
        todo.push(`It changes ${what}: no function replacement carries that, decide how`);
    }
    if (open > 0 && type === undefined) {
        todo.push(`Look at ${plural(open, 'unresolved input')}: the lists may be incomplete`);
    }
    if (todo.length === 0) {
        todo.push(c && report.affected.length > 0
            ? 'The livepatch declares every function this fix requires'
            : `This fix changes no function a livepatch must replace${notBuilt(report)}`);
    }
    // A pass under a policy that does not judge what was found (`none` with 5 missing) is no
    // green tick: it sits next to warnings about those very functions.
    const unjudged = report.result === 'pass' && (missing > 0 || unresolved > 0);
    const icon = report.result === 'pass' ? (unjudged ? '⚠️' : '✅') : '❌';
    const policy = unjudged ? ` (policy: ${report.policy.join(', ') || 'none'})` : '';
    return `${icon} **${report.result}**${policy} — ${todo.join('. ')}.`;
}

const SNIPPET_LABEL = {
    'klp-c': 'klp_func',
    kgraft: 'KGR_PATCH',
    'suse-csv': 'patched_funcs.csv',
    plain: 'plain list'
};
/** Symbols a snippet may name: C identifiers with GCC's clone suffixes (`.constprop.0`). */
const SYMBOL = /^[A-Za-z_$][\w$]*(\.[\w$]+)*$/;
/**
 * The format the repository's livepatch already uses, judged by where its declarations came from:
 * a `.csv` is SUSE's patched_funcs.csv, C files hold `klp_func` arrays unless a kGraft macro was
 * seen, anything else is a plain list. Upstream `klp_func` when nothing was declared.
 */
function declarationFormat(coverage) {
    const decls = [
        ...(coverage?.covered.map(c => c.declared) ?? []),
        ...(coverage?.extra ?? []),
        ...(coverage?.ambiguous?.map(a => a.declared) ?? [])
    ];
    const files = decls.map(d => d.source.replace(/:\d+$/, '').toLowerCase());
    if (files.some(f => f.endsWith('.csv')))
        return 'suse-csv';
    if (files.length > 0 && files.every(f => !/\.(c|h|inc)$/.test(f)))
        return 'plain';
    return 'klp-c';
}
/** New-function name from an old one: clone suffixes are not part of a C identifier. */
function newName(prefix, name) {
    return `${prefix}${name.replace(/\W/g, '_')}`;
}
function line(format, a) {
    const object = a.object ?? 'vmlinux';
    const pos = a.sympos;
    switch (format) {
        case 'klp-c':
            return (`\t{ .old_name = "${a.name}", .new_func = ${newName('livepatch_', a.name)}` +
                `${pos ? `, .old_sympos = ${pos}` : ''} },`);
        case 'kgraft':
            return object === 'vmlinux'
                ? `\tKGR_PATCH(${a.name}, ${newName('kgr_', a.name)}),`
                : `\tKGR_PATCH_OBJ(${a.name}, ${newName('kgr_', a.name)}, "${object}"),`;
        case 'suse-csv':
            return `${object} ${a.name}${pos ? `,${pos}` : ''} ${newName('klpp_', a.name)}`;
        case 'plain':
            return `${object}:${a.name}${pos ? `,${pos}` : ''}`;
    }
}
/**
 * Ready-to-paste declarations of `functions`, one object after the other (a `klp_object` needs its
 * own `funcs` array, so C formats get a comment naming the object each group belongs to).
 */
function declarationSnippet(functions, format) {
    const usable = functions.filter(a => SYMBOL.test(a.name));
    const byObject = new Map();
    const seen = new Set();
    for (const a of usable) {
        const o = a.object ?? 'vmlinux';
        // One declaration per symbol, however many dump sets or changed functions reach it.
        const key = `${o}\0${a.name}\0${a.sympos ?? 0}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        byObject.set(o, [...(byObject.get(o) ?? []), a]);
    }
    const lines = [];
    for (const object of [...byObject.keys()].sort(cmp)) {
        const list = byObject.get(object) ?? [];
        if (format === 'klp-c' && byObject.size > 1)
            lines.push(`\t/* klp_object ${object} */`);
        for (const a of [...list].sort((x, y) => cmp(x.name, y.name)))
            lines.push(line(format, a));
    }
    return {
        format,
        language: format === 'klp-c' || format === 'kgraft' ? 'c' : 'text',
        text: lines.join('\n'),
        skipped: functions.length - usable.length
    };
}

function join(blocks) {
    return `${blocks.join('\n\n')}\n`;
}
/**
 * Keeps the body within `max` bytes: whole sections go from the least important up, then rows of
 * the first section, and the note says what went. A size bound never turns into silence about it.
 */
function fitSections(input) {
    const { head, sections, footer, dropped, max } = input;
    const full = join([...head, ...sections.flatMap(s => s.blocks()), footer]);
    if (max === undefined || byteLength(full) <= max)
        return full;
    for (let keep = sections.length - 1; keep >= 1; keep--) {
        const names = sections.slice(keep).map(s => s.name);
        const body = join([
            ...head,
            ...sections.slice(0, keep).flatMap(s => s.blocks()),
            dropped(names),
            footer
        ]);
        if (byteLength(body) <= max)
            return body;
    }
    const first = sections[0];
    if (first?.rows !== undefined && first.rows > 1) {
        const rest = sections.slice(1).map(s => s.name);
        const withRows = (rows) => join([
            ...head,
            ...first.blocks(rows),
            dropped([`${first.name}: ${first.rows - rows} of ${first.rows} rows`, ...rest]),
            footer
        ]);
        // Binary search on the row count: a body of thousands of rows is cut in O(n log n).
        let lo = 0;
        let hi = first.rows - 1;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (byteLength(withRows(mid)) <= max)
                lo = mid;
            else
                hi = mid - 1;
        }
        if (lo > 0)
            return withRows(lo);
    }
    // Degrade further rather than exceed the limit: the verdict matters most after the marker.
    const note = dropped(sections.map(s => s.name));
    const marker = head[0]?.startsWith('<!--') ? [head[0]] : [];
    const candidates = [
        [...head, note, footer],
        [...head, note],
        [...marker, ...head.slice(marker.length, marker.length + 2), note],
        [...marker, note],
        marker
    ];
    for (const blocks of candidates) {
        const body = blocks.length > 0 ? join(blocks) : '';
        if (byteLength(body) <= max)
            return body;
    }
    return '';
}

/** More rows than this, from several changed functions: one table per changed function. */
const GROUP_OVER = 10;
/**
 * PR comment / job summary body: the verdict and what to do first, the missing functions with
 * their chains, a declaration snippet, then collapsed sections. Untrusted values (kernel names,
 * paths, messages) go into code spans or through `escapeText`. Under `maxLength` the least
 * important sections go first, and the comment says which and where the whole report is.
 */
function renderMarkdown(report, options = {}) {
    const view = viewOf(report);
    const head = [
        ...(options.marker ? [markerComment(options.marker)] : []),
        `### ${escapeText(options.title ?? 'klp-affected')}`,
        summary$1(report, view)
    ];
    const sections = [...mainSections(report, view, options), ...restSections(report, view)];
    return fitSections({
        head,
        sections,
        footer: footer(report, options),
        dropped: names => droppedNote(names, options),
        max: options.maxLength
    });
}
function markerComment(marker) {
    const m = /^<!--([\s\S]*)-->$/.exec(marker.trim());
    const inner = (m ? m[1] : marker)
        .trim()
        .replace(/-{2,}/g, '-')
        .replace(/[<>\r\n]/g, '');
    return `<!-- ${inner} -->`;
}
function summary$1(report, view) {
    const c = report.coverage;
    const unresolved = report.findings.filter(f => f.severity === 'unresolved').length;
    const counts = c
        ? coverageCounts(c)
        : ['report only', `${view.toPatch.length} to patch`, `${view.reviewOnly.length} review`];
    counts.push(`${unresolved} unresolved`, `${view.affectedCount} affected in ${plural(report.sets.length, 'dump set')}`);
    const lines = [verdictSentence(report, view), '', counts.join(' · ')];
    const mode = modeLine(report);
    if (mode)
        lines.push('', escapeText(mode));
    const reasons = report.reasons.filter(r => !/required functions? (is|are) not declared/.test(r));
    if (reasons.length > 0) {
        lines.push('');
        for (const r of reasons)
            lines.push(`- ${escapeText(r)}`);
    }
    return lines.join('\n');
}
function mainSections(report, view, options) {
    const c = report.coverage;
    const list = c ? c.missing : view.toPatch;
    if (list.length === 0)
        return [];
    const heading = c ? `#### Missing (${list.length})` : `#### To patch (${list.length})`;
    const sections = [
        functionSection(c ? 'Missing' : 'To patch', heading, list, view, { open: true })
    ];
    const format = options.declarationFormat ?? declarationFormat(c);
    const snippet = declarationSnippet(list, format);
    if (snippet.text !== '') {
        const fence = '`'.repeat(Math.max(3, longestRun(snippet.text, '`') + 1));
        const skipped = snippet.skipped > 0 ? `\n\n${plural(snippet.skipped, 'name')} left out: not C symbols.` : '';
        sections.push({
            name: 'Declarations to add',
            blocks: () => [
                `<details><summary>Declarations to add (${SNIPPET_LABEL[format]})</summary>`,
                `${fence}${snippet.language}\n${snippet.text}\n${fence}${skipped}`,
                '</details>'
            ]
        });
    }
    return sections;
}
function longestRun(text, ch) {
    let best = 0;
    let run = 0;
    for (const c of text) {
        run = c === ch ? run + 1 : 0;
        best = Math.max(best, run);
    }
    return best;
}
/**
 * A narrow table per function list: function, object, and the chain back to the changed
 * function. Sympos and set get a column only when some row needs one; notes go below the table
 * so a caveat cannot make a row tall. Grouped by changed function when there are many rows.
 */
function functionSection(name, heading, list, view, opts) {
    const withSympos = list.some(a => a.sympos !== undefined);
    const withSet = view.multiSet;
    const header = [
        'Function',
        'Object',
        ...(withSympos ? ['Sympos'] : []),
        ...(withSet ? ['Set'] : []),
        'Why'
    ];
    const headerRow = `| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`;
    const row = (a) => {
        const cells = [
            codeSpan(a.name),
            codeSpan(a.object ?? 'unknown'),
            ...(withSympos ? [a.sympos === undefined ? ' ' : String(a.sympos)] : []),
            ...(withSet ? [codeSpan(a.set)] : []),
            chainLines(view.sameFunction(a), false).join('<br>')
        ];
        return `| ${cells.join(' | ')} |`;
    };
    const groups = list.length > GROUP_OVER ? byOrigin(list) : [{ title: undefined, rows: list }];
    const notes = list
        .filter(a => a.note)
        .map(a => `- ${codeSpan(a.name)}: ${escapeText(a.note ?? '')}`);
    const body = (rows) => {
        const out = [];
        let left = rows;
        for (const g of groups) {
            if (left <= 0)
                break;
            const shown = g.rows.slice(0, left);
            left -= shown.length;
            if (g.title !== undefined)
                out.push(`${g.title} (${g.rows.length}):`);
            out.push(`${headerRow}\n${shown.map(row).join('\n')}`);
        }
        if (rows < list.length)
            out.push(`_… and ${list.length - rows} more not shown._`);
        if (notes.length > 0)
            out.push(`Notes:\n${notes.join('\n')}`);
        return out;
    };
    if (opts.open) {
        return {
            name: `${name} (${list.length})`,
            rows: list.length,
            blocks: rows => [heading, ...(opts.intro ? [opts.intro] : []), ...body(rows ?? list.length)]
        };
    }
    return {
        name: `${name} (${list.length})`,
        rows: list.length,
        blocks: rows => [
            `<details><summary>${name} (${list.length})</summary>`,
            ...(opts.intro ? [opts.intro] : []),
            ...body(rows ?? list.length),
            '</details>'
        ]
    };
}
/**
 * Rows grouped by the changed function they come from. Origins with one row each (a layout
 * change's hundreds of functions, each changed itself) share one table: a table per row made the
 * comment of a header's layout change half headings; each row's Why still names its origin.
 */
function byOrigin(list) {
    const rows = new Map();
    for (const a of list) {
        const at = rows.get(a.origin);
        if (at)
            at.push(a);
        else
            rows.set(a.origin, [a]);
    }
    const origins = [...rows.keys()].sort(cmp);
    const shared = origins.filter(o => rows.get(o).length > 1);
    if (shared.length === 0 || origins.length === 1)
        return [{ rows: list }];
    const single = origins.filter(o => rows.get(o).length === 1).map(o => rows.get(o)[0]);
    return [
        ...shared.map(o => ({ title: `From ${codeSpan(o)}`, rows: rows.get(o) })),
        ...(single.length > 0 ? [{ title: 'From other functions, one each', rows: single }] : [])
    ];
}
function collapsed(name, count, intro, body) {
    return {
        name: `${name} (${count})`,
        blocks: () => [`<details><summary>${name} (${count})</summary>`, intro, body, '</details>']
    };
}
/** In order of importance: the fitting drops from the end. */
function restSections(report, view) {
    const c = report.coverage;
    const out = [];
    const ambiguous = c?.ambiguous ?? [];
    if (ambiguous.length > 0) {
        out.push({
            name: `Ambiguous old_sympos (${ambiguous.length})`,
            blocks: () => [
                `#### Ambiguous \`old_sympos\` (${ambiguous.length})`,
                'Several symbols of one name in the object: as declared, the kernel would refuse to load the livepatch.',
                ambiguous
                    .map(x => `- ${codeSpan(x.declared.name)} in ${codeSpan(x.declared.object)}, declared at ` +
                    `${codeSpan(x.declared.source)}: ${escapeText(x.message)}`)
                    .join('\n')
            ]
        });
    }
    const unresolved = report.findings.filter(f => f.severity === 'unresolved');
    if (unresolved.length > 0) {
        out.push(collapsed('Unresolved', unresolved.length, unresolvedIntro(unresolved), groupFindings(unresolved)
            .map(g => `- ${groupItem(g)}`)
            .join('\n')));
    }
    if (view.layout.length > 0) {
        const perObject = new Map();
        for (const a of view.layout)
            perObject.set(a.object ?? 'unknown', (perObject.get(a.object ?? 'unknown') ?? 0) + 1);
        const objects = [...perObject]
            .sort(([a], [b]) => cmp(a, b))
            .map(([o, n]) => `${codeSpan(o)}: ${n}`)
            .join(', ');
        out.push(functionSection('Layout', '', view.layout, view, {
            open: false,
            intro: `They touch a struct member or size the fix moves (${objects}): not livepatchable as it is; see the type-change findings.`
        }));
    }
    const reviewList = c ? c.review : view.reviewOnly;
    if (reviewList.length > 0) {
        out.push(functionSection('Review', '', reviewList, view, {
            open: false,
            intro: 'Reached through calls or macro uses the dumps cannot settle: check whether each needs patching.'
        }));
    }
    const removed = c?.declaredRemoved ?? [];
    if (removed.length > 0) {
        out.push(collapsed('Declared but inlined away', removed.length, 'GCC removed these symbols (fully inlined): the livepatch cannot find them by name.', removed
            .map(x => `- ${codeSpan(x.declared.name)} in ${codeSpan(x.declared.object)}, declared at ` +
            codeSpan(x.declared.source))
            .join('\n')));
    }
    if (c && c.extra.length > 0) {
        out.push(collapsed('Extra', c.extra.length, 'Declared by the livepatch but affected in no dump set: stale, or patched for another reason.', c.extra
            .map(d => `- ${codeSpan(d.name)} in ${codeSpan(d.object)}` +
            `${d.sympos ? `, sympos ${d.sympos}` : ''}, declared at ${codeSpan(d.source)}`)
            .join('\n')));
    }
    const other = report.findings.filter(f => f.severity !== 'unresolved');
    if (other.length > 0) {
        const warnings = other.filter(f => f.severity === 'warning').length;
        out.push({
            name: `Other findings (${other.length})`,
            blocks: () => [
                `<details><summary>Other findings (${plural(warnings, 'warning')}, ${other.length - warnings} info)</summary>`,
                groupFindings(other)
                    .map(g => `- ${g.finding.severity === 'warning' ? '⚠️' : 'ℹ️'} ${groupItem(g)}`)
                    .join('\n'),
                '</details>'
            ]
        });
    }
    if (c && c.covered.length > 0) {
        const set = (a) => (view.multiSet ? ` (set ${codeSpan(a.set)})` : '');
        out.push(collapsed('Covered', c.covered.length, 'Required and declared.', c.covered
            .map(x => `- ${codeSpan(x.affected.name)} in ${codeSpan(x.affected.object ?? 'unknown')}, ` +
            `declared at ${codeSpan(x.declared.source)}${set(x.affected)}`)
            .join('\n')));
    }
    return out;
}
/** What the unresolved findings are: changes a human must carry, inputs not covered, or both. */
function unresolvedIntro(list) {
    const decisions = list.filter(isDecision).length;
    if (decisions === list.length)
        return 'The fix changes what no function replacement carries: a human decides how (shadow variables, a callback, a reworked fix).';
    if (decisions === 0)
        return 'The analysis could not cover these inputs: the lists above may be incomplete.';
    return 'Some are changes no function replacement carries (a human decides how), the others inputs the analysis could not cover: the lists above may be incomplete.';
}
/** A finding, and the files of the findings that say the same of theirs (see groupFindings). */
function groupItem(g) {
    if (g.holders)
        return holdersItem(g.holders);
    const item = findingItem(g.finding, placeOf(g));
    if (g.alike.length === 0)
        return item;
    return `${item} — the same for ${g.alike.length} more: ${g.alike.map(f => codeSpan(f)).join(', ')}`;
}
function holdersItem(list) {
    const names = list.slice(0, HOLDERS_SHOWN).map(f => codeSpan(holderLabel(f)));
    const more = list.length > HOLDERS_SHOWN ? ` and ${list.length - HOLDERS_SHOWN} more` : '';
    return (`**type-change** ${list.length} types hold a reshaped type by value, so their layouts change ` +
        `with it (unresolved, each): ${names.join(', ')}${more}. Their readers are in the Layout list; ` +
        'the JSON report has each finding.');
}
// Holders named on their line: past these, a count.
const HOLDERS_SHOWN = 12;
function findingItem(f, place) {
    const where = place ? ` ${codeSpan(place)}` : '';
    const set = f.set ? ` (set ${codeSpan(f.set)})` : '';
    return `**${escapeText(f.kind)}**${where}${set}: ${escapeText(f.message)}`;
}
const URL = /^https:\/\/[^\s()<>[\]"'`]+$/;
function link(text, url) {
    return url && URL.test(url) ? `[${text}](${url})` : text;
}
function footer(report, options) {
    const parts = [`${escapeText(report.tool.name)} ${escapeText(report.tool.version)}`];
    if (options.commit && /^[0-9a-f]{7,64}$/i.test(options.commit)) {
        parts.push(`dumps and diff of ${codeSpan(options.commit.slice(0, 12))}`);
    }
    if (options.runUrl && URL.test(options.runUrl)) {
        parts.push(`${link('run', options.runUrl)} (its job summary has the whole report)`);
    }
    return `<sub>${parts.join(' · ')}</sub>`;
}
function droppedNote(names, options) {
    const hint = options.fullReportHint
        ? options.fullReportUrl
            ? link(escapeText(options.fullReportHint), options.fullReportUrl)
            : escapeText(options.fullReportHint)
        : 'The whole report is in the job summary and the report artifact.';
    return `_Left out for length: ${names.join(', ')}. ${hint}_`;
}

const STATUS_TEXT = {
    missing: 'MISSING',
    review: 'REVIEW',
    covered: 'covered',
    removed: 'inlined away (no symbol)',
    'declared-removed': 'DECLARED, NO SYMBOL',
    required: 'must patch',
    'review-only': 'review',
    'not-patchable': 'not patchable (see findings)',
    ambiguous: 'AMBIGUOUS SYMPOS',
    layout: 'layout'
};
/** Labels wider than this do not push every status of the tree further right. */
const MAX_LABEL = 64;
/** Pieces below V8's large-object size (see renderJsonPieces). */
const PIECE = 1 << 16;
/**
 * `renderText`'s text in pieces of about `size` characters, each section built only when the one
 * before it is written: a header inline's report at distribution scale is 20 MB of text, which
 * whole (joined, blank runs squeezed, trimmed, made terminal-safe) was five copies at once. The
 * lines are joined by newlines, runs of three or more newlines become two and trailing whitespace
 * is dropped, as on the whole text: whitespace at a piece's end waits for what follows it.
 */
function* renderTextPieces(report, options = {}, size = PIECE) {
    const view = viewOf(report);
    const sections = [
        () => [...(options.explain ? explainSummary(report, view) : summary(report, view)), ''],
        () => [...sets(report), ''],
        () => trees(report, view, options.explain === true),
        () => findings(report.findings),
        () => coverageLists(report, view)
    ];
    let out = '';
    let first = true;
    let carry = '';
    const squeeze = (text) => {
        const all = carry + text;
        let end = all.length;
        while (end > 0 && /\s/.test(all[end - 1]))
            end--;
        carry = all.slice(end);
        return all.slice(0, end).replace(/\n{3,}/g, '\n\n');
    };
    for (const section of sections) {
        for (const line of section()) {
            out += first ? line : `\n${line}`;
            first = false;
            if (out.length >= size) {
                const piece = squeeze(out);
                out = '';
                if (piece !== '')
                    yield piece;
            }
        }
    }
    const piece = squeeze(out);
    yield `${piece}\n`;
}
function explainSummary(report, view) {
    const name = report.changed[0]?.name ?? '?';
    const file = report.changed[0]?.file;
    const lines = [
        `${report.tool.name} ${report.tool.version}: explain ${name}${file ? ` (${file})` : ''}`
    ];
    lines.push(`  ${plural(view.toPatch.length, 'function')} to patch if ${name} changes` +
        `${view.reviewOnly.length > 0 ? `, ${view.reviewOnly.length} to review` : ''}; ` +
        `${plural(view.affectedCount, 'affected function')} in ${plural(report.sets.length, 'dump set')}`);
    for (const r of report.reasons)
        lines.push(`  - ${r}`);
    return lines;
}
function summary(report, view) {
    const c = report.coverage;
    const unresolved = report.findings.filter(f => f.severity === 'unresolved').length;
    const lines = [`${report.tool.name} ${report.tool.version}: ${report.result.toUpperCase()}`];
    const counts = c
        ? coverageCounts(c)
        : [`${view.toPatch.length} to patch`, `${view.reviewOnly.length} review`];
    counts.push(`${unresolved} unresolved`);
    const setCount = report.sets.length;
    lines.push(`  ${counts.join(', ')}; ${plural(view.affectedCount, 'affected function')} in ${plural(setCount, 'dump set')}`);
    const mode = modeLine(report);
    if (mode)
        lines.push(`  ${mode}`);
    lines.push(`  policy: ${report.policy.length > 0 ? report.policy.join(', ') : 'none (report only)'}`);
    if (!c) {
        lines.push('  no livepatch declaration given: the functions below are what the livepatch must replace;', '  missing and review are not judged');
    }
    for (const r of report.reasons)
        lines.push(`  - ${r}`);
    return lines;
}
function sets(report) {
    if (report.sets.length === 0)
        return [];
    return [
        'Dump sets:',
        ...report.sets.map(s => `  ${s.label}: ${plural(s.dumps, 'dump')}, ${plural(s.lines, 'line')}, symbols ${s.symbolsMode}` +
            `${s.objectsKnown ? '' : ', objects unknown'}${s.lto ? ', LTO' : ''}`)
    ];
}
/**
 * Lines as they are written: each tree is walked twice (its label width first, then its lines),
 * so a header inline's 230,000 rows never exist at once.
 */
function* trees(report, view, explain) {
    const roots = new Map();
    for (const a of report.affected) {
        let node = roots.get(a.origin);
        if (!node) {
            node = { step: { kind: 'changed', name: a.origin }, entries: [] };
            roots.set(a.origin, node);
        }
        for (const step of a.chain.slice(1)) {
            const key = `${step.name}\0${step.kind}\0${step.reason ?? ''}`;
            node.children ??= new Map();
            let child = node.children.get(key);
            if (!child) {
                child = { step, entries: [] };
                node.children.set(key, child);
            }
            node = child;
        }
        node.entries.push(a);
    }
    const changedNames = [...new Set(report.changed.map(c => c.name))];
    const origins = [...new Set([...changedNames, ...roots.keys()])].sort(cmp);
    if (origins.length === 0)
        return;
    yield explain
        ? `Functions that contain ${changedNames.join(', ')}'s code:`
        : `Changed functions (${changedNames.length}):`;
    for (const origin of origins) {
        const defs = report.changed.filter(c => c.name === origin);
        const files = [...new Set(defs.map(d => d.file).filter(f => f !== ''))].sort(cmp);
        const where = files.length > 0 ? ` (${files.join(', ')})` : '';
        const change = explain ? '' : [...new Set(defs.map(d => d.change))].join('/');
        const via = defs.find(d => d.via)?.via;
        const root = roots.get(origin);
        const head = `${origin}${where}${change ? ` ${change}` : ''}${via ? ` via ${via.kind} ${via.macro}` : ''}`;
        function* rows() {
            yield { label: head, entries: root?.entries ?? [] };
            if (root)
                yield* walk(root, 1);
            else
                yield { label: '  (no affected function in any dump set)', entries: [] };
        }
        let widest = 0;
        for (const { label } of rows())
            widest = Math.max(widest, label.length);
        const width = Math.min(MAX_LABEL, widest);
        for (const { label, entries } of rows()) {
            const status = statusText(entries, view, report);
            yield status ? `${label.padEnd(width)} ${status}` : label;
        }
        yield '';
    }
}
function* walk(node, depth) {
    const children = [...(node.children?.values() ?? [])].sort((a, b) => cmp(a.step.name, b.step.name) || cmp(a.step.kind, b.step.kind));
    for (const child of children) {
        const w = stepWords(child.step);
        const objects = [...new Set(child.entries.map(e => e.object ?? '?'))].sort(cmp);
        const sympos = [...new Set(child.entries.flatMap(e => (e.sympos ? [e.sympos] : [])))];
        const where = objects.length > 0
            ? ` [${objects.join(', ')}${sympos.length > 0 ? `, sympos ${sympos.join('/')}` : ''}]`
            : '';
        const indent = ' '.repeat(2 + 3 * (depth - 1));
        yield {
            label: `${indent}-> ${w.verb} ${w.name}${w.note ? ` (${w.note})` : ''}${where}`,
            entries: child.entries
        };
        yield* walk(child, depth + 1);
    }
}
/** One status, or per set when the sets disagree or only some of them reach this function. */
function statusText(entries, view, report) {
    if (entries.length === 0)
        return '';
    const bySet = new Map();
    for (const e of entries)
        if (!bySet.has(e.set))
            bySet.set(e.set, view.statusOf(e));
    const statuses = [...new Set(bySet.values())];
    if (!view.multiSet || (statuses.length === 1 && bySet.size >= report.sets.length)) {
        return STATUS_TEXT[statuses[0]];
    }
    return statuses
        .map(s => {
        const labels = [...bySet].filter(([, v]) => v === s).map(([k]) => k);
        return `${STATUS_TEXT[s]} (${labels.sort(cmp).join(', ')})`;
    })
        .join(', ');
}
const SEVERITY_TITLES = [
    ['unresolved', 'Unresolved'],
    ['warning', 'Warnings'],
    ['info', 'Info']
];
function findings(all) {
    const out = [];
    for (const [severity, title] of SEVERITY_TITLES) {
        const list = all.filter(f => f.severity === severity);
        if (list.length === 0)
            continue;
        out.push(`${title} (${list.length}):`);
        for (const g of groupFindings(list)) {
            if (g.holders) {
                out.push(`  type-change: ${g.holders.length} types hold a reshaped type by value, so their layouts change with it: ` +
                    g.holders.map(holderLabel).join(', '));
                continue;
            }
            out.push(`  ${findingLine(g.finding, placeOf(g))}`);
            if (g.alike.length > 0)
                out.push(`    the same for ${g.alike.length} more: ${g.alike.join(', ')}`);
        }
        out.push('');
    }
    return out;
}
function findingLine(f, place = placeOf({ finding: f})) {
    const where = place ? `${place}: ` : '';
    const set = f.set ? ` [${f.set}]` : '';
    return `${where}${f.kind}: ${f.message}${set}`;
}
function coverageLists(report, view) {
    const c = report.coverage;
    const out = [];
    const list = (title, rows) => {
        if (rows.length === 0)
            return;
        out.push(`${title} (${rows.length}):`);
        append(out, rows.map(r => `  ${r}`)).push('');
    };
    const fn = (a) => {
        const origins = [...new Set(view.sameFunction(a).map(x => x.origin))].sort(cmp);
        const sympos = a.sympos ? `,${a.sympos}` : '';
        const note = a.note ? `\n      note: ${a.note}` : '';
        return `${a.object ?? '?'}:${a.name}${sympos} [${a.set}] ${a.tu}, from ${origins.join(', ')}${note}`;
    };
    const decl = (d) => `${d.object}:${d.name}${d.sympos ? `,${d.sympos}` : ''} (${d.source})`;
    const layout = () => list('Layout (touch what a type change moves; see the type-change findings)', view.layout.map(fn));
    if (!c) {
        list('Must patch', view.toPatch.map(fn));
        list('Review', view.reviewOnly.map(fn));
        layout();
        return out;
    }
    list('Missing', c.missing.map(fn));
    list('Review', c.review.map(fn));
    list('Covered', c.covered.map(x => `${fn(x.affected)} <- ${x.declared.source}`));
    layout();
    list('Extra declarations, not affected in any dump set', c.extra.map(decl));
    list('Declared but inlined away, no symbol to patch', (c.declaredRemoved ?? []).map(x => `${decl(x.declared)} [${x.affected.set}]`));
    list('Ambiguous: declared without the right old_sympos, the livepatch would not load or would replace another function', (c.ambiguous ?? []).map(x => `${fn(x.affected)} <- ${x.declared.source}\n      ${x.message}`));
    return out;
}

/**
 * The known word a mistyped one most likely meant: the closest within a third of its length (at
 * least 1), or the only word it is a prefix of (`--live` for `--livepatch`); none when unsure.
 */
function closest(word, known) {
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best;
    let bestDistance = limit + 1;
    for (const k of known) {
        const distance = editDistance(word, k);
        if (distance < bestDistance) {
            best = k;
            bestDistance = distance;
        }
    }
    if (best !== undefined)
        return best;
    const prefixed = known.filter(k => word.length >= 2 && k.startsWith(word));
    return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** A mistake in the command line: exit code 2, message without a stack. */
class UsageError extends Error {
}
const USAGE = `Usage:
  klp-affected analyze --diff FILE|- --dumps [LABEL=]PATH [options]
  klp-affected explain FUNCTION --dumps [LABEL=]PATH [--file SRC] [options]
  klp-affected explain --all --dumps [LABEL=]PATH [--format text|json] [options]
  klp-affected help

Commands:
  analyze   map a fix's diff to changed functions, compute every affected function from the
            dumps, and compare with the livepatch's declaration
  explain   every function affected by one symbol (its inline containers and clones)
  help      this text

Options:
  --diff FILE          unified diff of the fix (git diff, format-patch, diff -Nupr); - for stdin
  --dumps [LABEL=]PATH directory or archive (.zip .tar.gz .tgz .tar.xz) of *.ipa-clones dumps;
                       repeat for more paths; the same LABEL joins paths into one dump set
  --source DIR         kernel tree the diff applies to (or just the changed files at tree paths)
  --source-side S      pre (default: DIR is before the fix) or post (after it)
  --build DIR          the kernel's build output (O= folder, or the built tree): generated
                       sources and headers --source lacks are searched there, then in the
                       dump sets (a dump folder, or the .c/.h files a dump archive carries)
  --strip N            -p level of the diff's paths (default: detected against --source)
  --livepatch FILE     livepatch declaration: C (klp_func/klp_object), patched_funcs.csv,
                       KGR_PATCH sources, or a plain [object:]function[,sympos] list; repeatable
  --post-dumps [LABEL=]PATH  exact mode: dumps of the patched build (the recompiled TUs suffice),
                       paired with --dumps by label; .o files in both folders are compared too
  --objects-pre [LABEL=]PATH, --objects-post [LABEL=]PATH
                       exact mode: object trees of the base and the patched build (-ffunction-sections)
  --fail-on LIST       comma list of missing, review, unresolved; or none (default: missing,unresolved)
  --file SRC           explain: only the definition in this source file
  --all                explain: every function GCC inlined or cloned, with its containers
  --format F           text (default), markdown or json
  --output FILE        write the report there instead of stdout
  --json FILE          also write the JSON report to FILE
  --index-cache DIR    keep a scan index of each dump set in DIR: later runs over the same
                       dumps skip validating unchanged files (keyed by each file's SHA-256);
                       analyze also keeps there the parse of every source file it reads
  --quiet              no progress on stderr
  -h, --help           this text
  -V, --version        the version

Exit codes: 0 pass, 1 policy failure, 2 usage or input error.`;
const POLICY_ITEMS = ['missing', 'review', 'unresolved'];
const FORMATS = ['text', 'markdown', 'json'];
const OPTIONS = {
    diff: { type: 'string' },
    dumps: { type: 'string', multiple: true },
    source: { type: 'string' },
    build: { type: 'string' },
    'source-side': { type: 'string' },
    strip: { type: 'string' },
    livepatch: { type: 'string', multiple: true },
    'post-dumps': { type: 'string', multiple: true },
    'objects-pre': { type: 'string', multiple: true },
    'objects-post': { type: 'string', multiple: true },
    'fail-on': { type: 'string' },
    file: { type: 'string' },
    all: { type: 'boolean' },
    format: { type: 'string' },
    output: { type: 'string' },
    json: { type: 'string' },
    'index-cache': { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'V' }
};
const COMMANDS = ['analyze', 'explain', 'help'];
/**
 * Options only one command reads. The other refuses them: an `explain --source` that silently
 * ignored the tree would look like an answer that took it into account.
 */
const ONLY = {
    diff: 'analyze',
    source: 'analyze',
    build: 'analyze',
    'source-side': 'analyze',
    strip: 'analyze',
    livepatch: 'analyze',
    json: 'analyze',
    'post-dumps': 'analyze',
    'objects-pre': 'analyze',
    'objects-post': 'analyze',
    file: 'explain',
    all: 'explain'
};
/** `{ command: 'usage' }` is a bare `klp-affected`: the usage on stderr, exit 2. */
function parseCli(argv) {
    if (argv.length === 0)
        return { command: 'usage' };
    // A first, lenient pass: unknown options and the command are judged before any value is.
    const { tokens } = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: false,
        tokens: true,
        options: OPTIONS
    });
    const given = tokens.filter(t => t.kind === 'option');
    if (given.some(t => t.name === 'help'))
        return { command: 'help' };
    if (given.some(t => t.name === 'version'))
        return { command: 'version' };
    const command = tokens.find(t => t.kind === 'positional')?.value;
    if (command === 'help')
        return { command: 'help' };
    if (command !== undefined && command !== 'analyze' && command !== 'explain') {
        throw new UsageError(unknownCommand(command));
    }
    for (const t of given) {
        if (!(t.name in OPTIONS))
            throw new UsageError(unknownOption(t.rawName));
        const only = ONLY[t.name];
        if (command !== undefined && only !== undefined && only !== command) {
            throw new UsageError(`${command} does not take ${t.rawName} (an option of ${only})`);
        }
    }
    let parsed;
    try {
        parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    }
    catch (error) {
        throw new UsageError(error.message);
    }
    const { values: v, positionals } = parsed;
    if (command === undefined) {
        throw new UsageError('no command given: klp-affected analyze ... or klp-affected explain ...');
    }
    const rest = positionals.slice(1);
    const format = oneOf('--format', v.format ?? 'text', FORMATS);
    const quiet = v.quiet ?? false;
    const indexCache = v['index-cache'];
    if (indexCache === '')
        throw new UsageError('--index-cache needs a folder');
    const dumpSources = (values) => parseDumps(values).map(d => (indexCache === undefined ? d : { ...d, indexCache }));
    if (command === 'analyze') {
        if (rest.length > 0)
            throw new UsageError(`analyze takes no arguments, got '${rest.join(' ')}'`);
        if (v.diff === undefined)
            throw new UsageError('analyze needs --diff FILE (or - for stdin)');
        return {
            command,
            diff: v.diff,
            dumps: dumpSources(v.dumps ?? []),
            source: v.source,
            build: v.build,
            sourceSide: oneOf('--source-side', v['source-side'] ?? 'pre', ['pre', 'post']),
            strip: v.strip === undefined ? undefined : parseStrip(v.strip),
            livepatch: v.livepatch ?? [],
            policy: parsePolicy(v['fail-on'] ?? 'missing,unresolved'),
            format,
            output: v.output,
            ...exactArgs(v['post-dumps'], v['objects-pre'], v['objects-post']),
            json: v.json,
            quiet
        };
    }
    if (v.all) {
        if (rest.length > 0 || v.file !== undefined)
            throw new UsageError('explain --all takes no FUNCTION and no --file: it explains every one');
        if (format === 'markdown')
            throw new UsageError('explain --all writes text or json');
        const policy = parsePolicy(v['fail-on'] ?? 'none');
        const dumps = dumpSources(v.dumps ?? []);
        return { command, name: '', all: true, dumps, policy, format, output: v.output, quiet };
    }
    if (rest.length === 0) {
        throw new UsageError('explain needs the FUNCTION to explain: klp-affected explain FUNCTION --dumps PATH');
    }
    if (rest.length > 1) {
        throw new UsageError(`explain takes one FUNCTION name, got ${rest.length}: '${rest.join(' ')}'`);
    }
    const dumps = dumpSources(v.dumps ?? []);
    const policy = parsePolicy(v['fail-on'] ?? 'none');
    return { command, name: rest[0], file: v.file, dumps, policy, format, output: v.output, quiet };
}
function unknownCommand(command) {
    const guess = closest(command, COMMANDS);
    return `unknown command '${command}'${guess ? `: did you mean ${guess}?` : ''} (commands: ${COMMANDS.join(', ')})`;
}
function unknownOption(raw) {
    const names = Object.entries(OPTIONS).flatMap(([name, o]) => [
        `--${name}`,
        ...('short' in o ? [`-${o.short}`] : [])
    ]);
    // `--dumps=x` reaches here as `--dumps` already; `-dumps` is a long option with one dash.
    const bare = raw.replace(/^-+/, '');
    const guess = closest(`--${bare}`, names.filter(n => n.startsWith('--')));
    return guess
        ? `unknown option '${raw}': did you mean ${guess}?`
        : `unknown option '${raw}' (options: ${names.filter(n => n.startsWith('--')).join(' ')})`;
}
function parseDumps(values, option = '--dumps') {
    if (values.length === 0)
        throw new UsageError(`${option} PATH is required`);
    const byLabel = new Map();
    for (const value of values) {
        const eq = value.indexOf('=');
        const label = eq > 0 ? value.slice(0, eq) : 'default';
        const path = eq > 0 ? value.slice(eq + 1) : value;
        if (path === '')
            throw new UsageError(`${option} '${value}' names no path`);
        byLabel.set(label, [...(byLabel.get(label) ?? []), path]);
    }
    return [...byLabel].map(([label, paths]) => ({ label, paths }));
}
/** Exact mode's inputs; none given: exactly the predicted analysis. */
function exactArgs(postDumps, pre, post) {
    const out = {};
    if (postDumps)
        out.postDumps = parseDumps(postDumps, '--post-dumps');
    if (!pre && !post)
        return out;
    if (!pre || !post) {
        throw new UsageError(`${pre ? '--objects-pre' : '--objects-post'} needs ${pre ? '--objects-post' : '--objects-pre'} too: the base and the patched build's objects are compared`);
    }
    const before = parseDumps(pre, '--objects-pre');
    const after = parseDumps(post, '--objects-post');
    out.objects = before.map(b => {
        const a = after.find(x => x.label === b.label);
        if (!a)
            throw new UsageError(`--objects-pre ${b.label}= has no --objects-post of that label`);
        if (a.paths.length > 1 || b.paths.length > 1)
            throw new UsageError(`--objects-pre/--objects-post: one folder per label (${b.label})`);
        return { label: b.label, pre: b.paths[0], post: a.paths[0] };
    });
    for (const a of after) {
        if (!before.some(b => b.label === a.label))
            throw new UsageError(`--objects-post ${a.label}= has no --objects-pre of that label`);
    }
    return out;
}
function parsePolicy(value) {
    const items = value
        .split(/[\s,]+/)
        .map(s => s.trim())
        .filter(Boolean);
    if (items.length === 1 && items[0] === 'none')
        return [];
    for (const item of items) {
        if (!POLICY_ITEMS.includes(item)) {
            throw new UsageError(`--fail-on '${value}': '${item}' is not allowed (allowed: ${POLICY_ITEMS.join(', ')}, or none)`);
        }
    }
    if (items.length === 0)
        throw new UsageError(`--fail-on '${value}' is empty (use none)`);
    return [...new Set(items)];
}
function parseStrip(value) {
    if (!/^\d+$/.test(value))
        throw new UsageError(`--strip '${value}' is not a whole number >= 0`);
    return Number(value);
}
function oneOf(name, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(`${name} '${value}' is not allowed (allowed: ${allowed.join(', ')})`);
}

/**
 * Progress for a person watching a terminal: one status line, rewritten in place (the loader's
 * "N files read" counter climbs on it), cleared by `done()` so the report starts on a clean line.
 * Nothing at all when stderr is not a terminal (CI logs, pipes) or under --quiet: there the lines
 * would be noise around the report.
 */
function makeProgress(stream, quiet) {
    if (quiet || !stream.isTTY)
        return { done: () => undefined };
    let shown = false;
    return {
        progress(message) {
            const width = Math.max(20, (stream.columns ?? 80) - 1);
            const line = `klp-affected: ${message}`;
            stream.write(`\r\x1b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
            shown = true;
        },
        done() {
            if (shown)
                stream.write('\r\x1b[K');
            shown = false;
        }
    };
}

/**
 * The diff limit of the pipeline (64 MB), enforced while reading: buffering all of a 3 GiB stdin
 * cost 6.3 GB, and Node decodes a buffer over 2 GiB as '' - a diff of "no file changes" that then
 * passed the length check. Reading stops one byte past the limit.
 */
const MAX_DIFF_BYTES = 64 << 20;
class InputTooLarge extends Error {
}
/** Reads a stream to a UTF-8 string, refusing (and no longer reading) past `limit` bytes. */
async function readBounded(stream, what, limit = MAX_DIFF_BYTES) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        total += buf.length;
        if (total > limit) {
            stream.destroy?.();
            throw new InputTooLarge(`${what} is over the ${size(limit)} limit (read stopped there): not a livepatch fix`);
        }
        chunks.push(buf);
    }
    return Buffer.concat(chunks, total).toString('utf8');
}
/** A file read the same way: a FIFO or a device at the path is bounded too. */
function readFileBounded(path, what, limit = MAX_DIFF_BYTES) {
    return readBounded(createReadStream(path, { highWaterMark: 1 << 20 }), what, limit);
}
function size(bytes) {
    return bytes >= 1 << 20 ? `${bytes >> 20} MB` : `${bytes} bytes`;
}

/** Runs the CLI; returns the exit code (0 pass, 1 policy failure, 2 usage or input error). */
async function main(argv) {
    // `klp-affected ... | head`: a reader that leaves early is no failure of the run. Without a
    // listener the EPIPE is an uncaught stack trace and exit 1, the code of a policy failure; with
    // it the rest of the output is dropped and the verdict's exit code stands.
    process.stdout.on('error', (error) => {
        if (error.code !== 'EPIPE')
            throw error;
    });
    let clearProgress = () => undefined;
    try {
        const args = parseCli(argv);
        if (args.command === 'help') {
            process.stdout.write(`${USAGE}\n`);
            return 0;
        }
        if (args.command === 'usage') {
            process.stderr.write(`${USAGE}\n`);
            return 2;
        }
        if (args.command === 'version') {
            process.stdout.write(`klp-affected ${VERSION}\n`);
            return 0;
        }
        const shown = makeProgress(process.stderr, args.quiet);
        const done = shown.done;
        const show = shown.progress;
        clearProgress = done;
        const progress = show && ((m) => show(terminalSafe(m)));
        if (args.command === 'explain' && args.all)
            return await explainAll(args, progress);
        let report;
        if (args.command === 'analyze') {
            const diff = args.diff === '-' ? await readStdin() : await readInput(args.diff, '--diff');
            const times = process.env.KLP_AFFECTED_TIMINGS ? new StageTimes() : undefined;
            // Loaded here: the diff side (tree-sitter and the mapper) is half the bundle, and `explain`,
            // run many times in a session, would pay its compilation on every start.
            const { runPipeline } = await import('./cli-pipeline.js');
            report = await runPipeline({
                dumps: args.dumps,
                diff,
                strip: args.strip,
                source: args.source,
                build: args.build,
                sourceSide: args.sourceSide,
                livepatch: args.livepatch,
                policy: args.policy,
                progress,
                ...(args.postDumps ? { postDumps: args.postDumps } : {}),
                ...(args.objects ? { objects: args.objects } : {}),
                ...(times ? { times } : {})
            });
            done();
            if (times)
                process.stderr.write(`klp-affected: times (ms): ${times.line()}\n`);
            // Without the tree no hunk maps to a function: every changed file comes back as an
            // unresolved `source-missing`, which alone does not say what to give.
            if (args.source === undefined && report.findings.some(f => f.kind === 'source-missing')) {
                process.stderr.write(NO_SOURCE);
            }
            if (args.json)
                writePieces(renderJsonPieces(report), args.json);
        }
        else {
            report = await runExplain({
                dumps: args.dumps,
                name: args.name,
                file: args.file,
                policy: args.policy,
                progress
            });
            done();
        }
        // Names and quoted lines come from untrusted dumps and diffs; JSON escapes its own controls.
        writePieces(args.format === 'json'
            ? renderJsonPieces(report)
            : args.format === 'text'
                ? mapPieces(renderTextPieces(report, { explain: args.command === 'explain' }), terminalSafe)
                : [terminalSafe(renderMarkdown(report))], args.output);
        return report.result === 'pass' ? 0 : 1;
    }
    catch (error) {
        clearProgress();
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`klp-affected: ${terminalSafe(message)}\n`);
        if (error instanceof UsageError)
            process.stderr.write(`Run 'klp-affected --help' for usage.\n`);
        else if (process.env.KLP_AFFECTED_DEBUG && error instanceof Error) {
            process.stderr.write(`${error.stack}\n`);
        }
        return 2;
    }
}
const NO_SOURCE = 'klp-affected: no --source given: the kernel tree the diff applies to is needed to find the ' +
    'changed functions (--source DIR: the tree, or only the changed files at their tree paths; ' +
    '--source-side post if it is the fixed tree)\n';
/** Control characters are escaped one by one, so a piece at a time is the whole text's escape. */
function* mapPieces(pieces, f) {
    for (const piece of pieces)
        yield f(piece);
}
async function readInput(path, flag) {
    try {
        return await readFileBounded(path, `${flag} '${path}'`);
    }
    catch (error) {
        if (error instanceof InputTooLarge)
            throw error;
        throw new UsageError(`${flag} '${path}': ${error.code ?? 'unreadable'}`);
    }
}
function readStdin() {
    return readBounded(process.stdin, 'the diff on stdin');
}

process.exitCode = await main(process.argv.slice(2));
