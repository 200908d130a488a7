// An opt-in recorder of where a build's time goes, for `npm run bench`: with BRIEFDECK_PROFILE=<file>
// set, this process's main-thread time is charged to the innermost `stage` running (async callbacks
// inherit their caller's stage), Chromium calls are timed by the kind of document they are made for,
// and the totals are written to <file> as JSON when the process exits. Without it every function
// here just calls `fn`: no hook, no timer, no output.
import { AsyncLocalStorage, createHook } from 'node:async_hooks';
import { openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { BroadcastChannel, isMainThread, threadId, type Worker } from 'node:worker_threads';

interface Context {
  stage?: string;
  kind?: string;
}

interface Totals {
  /** CPU milliseconds of the main thread in this stage's callbacks (its own, nested stages excluded). */
  cpu: number;
  /** Milliseconds from each call to its settling, summed (calls overlap across briefings). */
  wall: number;
  calls: number;
}

/** What the JSON holds. */
export interface Profile {
  node: { userMs: number; systemMs: number; stages: Record<string, Totals> };
  /** Kind of document → browser operation → the calls' wall and their renderer's busy milliseconds. */
  chromium: Record<string, Record<string, { wall: number; calls: number; renderer: number }>>;
  /** CPU milliseconds of process groups (each Chromium started), read as they were ended. */
  processes: Record<string, number>;
  /** Worker threads' CPU milliseconds. */
  threads: Record<string, number>;
}

/** Main-thread time outside every stage: CLI start-up, module loading, the browser protocol's own messages. */
export const UNSTAGED = '(no stage)';
/** Node's side of a Chromium call (puppeteer serialising, the replies decoded). */
export const BROWSER_CALLS = 'browser calls';
const CHANNEL = 'briefdeck-profile';

const file = process.env.BRIEFDECK_PROFILE;
const store = file ? new AsyncLocalStorage<Context>() : undefined;
const stages = new Map<string, Totals>();
const chromiumTotals: Profile['chromium'] = {};
const threadNames = new Map<number, string>();
const threadCpu = new Map<number, number>();
const groupCpu = new Map<number, { name: string; ms: number }>();
let current: string = UNSTAGED;
const running: string[] = [];
/** This thread's CPU time in ns so far (Linux: /proc/thread-self/schedstat; its first field is time on a CPU). */
const clock = store ? threadClock() : () => 0;
let since = clock();

function threadClock(): () => number {
  let fd: number | undefined;
  try {
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    // Not Linux: the process's CPU time, which also counts its other threads.
    return () => {
      const { user, system } = process.cpuUsage();
      return (user + system) * 1000;
    };
  }
  const buf = Buffer.alloc(64);
  const at = fd;
  return () => Number(buf.toString('latin1', 0, readSync(at, buf, 0, buf.length, 0)).split(' ')[0]);
}

function totals(name: string): Totals {
  let t = stages.get(name);
  if (!t) stages.set(name, (t = { cpu: 0, wall: 0, calls: 0 }));
  return t;
}

/** Charges the CPU time since the last switch to the running stage, and makes `next` the running one. */
function switchTo(next: string): void {
  if (next === current) return;
  const now = clock();
  totals(current).cpu += (now - since) / 1e6;
  since = now;
  current = next;
}

if (store && file) {
  createHook({
    before() {
      running.push(current);
      switchTo(store.getStore()?.stage ?? UNSTAGED);
    },
    after() {
      switchTo(running.pop() ?? UNSTAGED);
    },
  }).enable();
  // Worker threads (Marp's) say what CPU time they have used after each of their callbacks.
  const channel = new BroadcastChannel(CHANNEL);
  channel.unref();
  if (isMainThread) {
    channel.onmessage = (event) => {
      const { id, ns } = (event as { data: { id: number; ns: number } }).data;
      threadCpu.set(id, ns);
    };
    process.on('exit', () => {
      switchTo('');
      const { user, system } = process.cpuUsage();
      stages.delete('');
      const profile: Profile = {
        node: { userMs: user / 1000, systemMs: system / 1000, stages: Object.fromEntries(stages) },
        chromium: chromiumTotals,
        processes: [...groupCpu.values()].reduce<Record<string, number>>((all, g) => ({ ...all, [g.name]: (all[g.name] ?? 0) + g.ms }), {}),
        threads: Object.fromEntries([...threadCpu].map(([id, ns]) => [threadNames.get(id) ?? `thread ${id}`, ns / 1e6])),
      };
      writeFileSync(file, JSON.stringify(profile, null, 1));
    });
  } else {
    let told = 0;
    createHook({
      after() {
        if (running.length) return;
        const ns = clock();
        if (ns - told < 1e6) return;
        told = ns;
        channel.postMessage({ id: threadId, ns });
      },
    }).enable();
  }
}

function timed<T>(ctx: Context, fn: () => T, done: (ms: number) => void): T {
  if (!store) return fn();
  const t0 = performance.now();
  const outer = current;
  running.push(outer);
  switchTo(ctx.stage ?? outer);
  let result: T;
  try {
    result = store.run({ ...store.getStore(), ...ctx }, fn);
  } catch (e) {
    done(performance.now() - t0);
    throw e;
  } finally {
    switchTo(running.pop() ?? outer);
  }
  if (result instanceof Promise) {
    const settled = () => done(performance.now() - t0);
    result.then(settled, settled);
  } else done(performance.now() - t0);
  return result;
}

/** Runs `fn` as build stage `name`: its main-thread time and its wall are charged to that stage. */
export function inStage<T>(name: string, fn: () => T): T {
  return timed({ stage: name }, fn, (ms) => {
    const t = totals(name);
    t.wall += ms;
    t.calls++;
  });
}

/** Runs `fn` for a document of `kind` (fit, pdf, print, …): the Chromium calls made in it are its. */
export function inDocument<T>(kind: string, fn: () => T): T {
  return store ? store.run({ ...store.getStore(), kind }, fn) : fn();
}

/** What `chromium` needs of a page: its renderer's main-thread task time (CDP Performance.getMetrics). */
interface Measurable {
  metrics(): Promise<{ TaskDuration?: number }>;
}

/**
 * One call on Chromium (`op`: load, measure, print, screenshot…), timed for the current document kind;
 * given the page, its renderer's busy time (its main thread's tasks) over the call is counted too.
 */
export function chromium<T>(op: string, fn: () => Promise<T>, page?: Measurable): Promise<T> {
  if (!store) return fn();
  const kind = store.getStore()?.kind ?? 'other';
  const busy = async () => (page ? ((await page.metrics().catch(() => ({}))) as { TaskDuration?: number }).TaskDuration ?? 0 : 0);
  return inStage(BROWSER_CALLS, async () => {
    const before = await busy();
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      const wall = performance.now() - t0;
      const renderer = (await busy()) - before;
      const ops = (chromiumTotals[kind] ??= {});
      const t = (ops[op] ??= { wall: 0, calls: 0, renderer: 0 });
      t.wall += wall;
      t.calls++;
      t.renderer += renderer * 1000;
    }
  });
}

/** The CPU time of a process group (Chromium's: the browser and its helpers), read just before it is ended. */
export function processGroup(name: string, pgid: number | undefined): void {
  if (!store || pgid === undefined) return;
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        // Fields after the command's closing parenthesis: state ppid pgrp … utime (14th) stime (15th).
        const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(f[2]) === pgid) ticks += Number(f[11]) + Number(f[12]);
      } catch {
        // A process that ended meanwhile.
      }
    }
  } catch {
    return;
  }
  // Clock ticks are 1/100 s on Linux.
  groupCpu.set(pgid, { name, ms: Math.max(groupCpu.get(pgid)?.ms ?? 0, ticks * 10) });
}

/** Names `worker`, whose CPU time its own copy of this module reports (see above). */
export function thread(name: string, worker: Worker): void {
  if (store) threadNames.set(worker.threadId, name);
}
