// compromise's typed names (people, organisations, places) of each sentence, found on a worker thread.
// Loading compromise and running it is the largest share of a cold import (about 0.35 s of 1.5 s to
// load); on a thread it overlaps the main thread's own loading (wink-nlp's model, chrono-node, the
// schema). The calls are the same, in the same order, so the names are the same. From the TypeScript
// sources (the tests), which a worker cannot load, they are found in-process.
import { createRequire } from 'node:module';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { answer, WorkerCalls } from '../util/worker-calls.js';

const MARKER = 'briefdeck-names-thread';

export interface TypedNames {
  people: string[];
  organisations: string[];
  places: string[];
}

type Request = { id: number; texts: string[] };
type Nlp = typeof import('compromise').default;

// compromise's single-file CommonJS build loads in half the time of its many ES modules.
const loadNlp = (): Nlp => createRequire(import.meta.url)('compromise') as Nlp;

function find(nlp: Nlp, texts: string[]): TypedNames[] {
  return texts.map((text) => {
    const doc = nlp(text);
    return { people: doc.people().out('array') as string[], organisations: doc.organizations().out('array') as string[], places: doc.places().out('array') as string[] };
  });
}

let thread: NameThread | undefined;
let here: Nlp | undefined;

/** Starts the thread (it loads compromise at once), where briefdeck runs from its built files. */
export function startNameThread(): void {
  if (!thread && !here && import.meta.url.endsWith('.js')) thread = new NameThread();
}

/** The typed names of each text, in order. */
export function typedNames(texts: string[]): Promise<TypedNames[]> {
  startNameThread();
  if (thread && !thread.failed) return thread.find(texts).catch(() => findHere(texts));
  return Promise.resolve(findHere(texts));
}

function findHere(texts: string[]): TypedNames[] {
  here ??= loadNlp();
  return find(here, texts);
}

class NameThread {
  private readonly calls: WorkerCalls<TypedNames[]>;

  constructor() {
    // Only an awaited answer keeps the process alive: an import that ends (or fails before asking) does
    // not wait for the thread.
    this.calls = new WorkerCalls(new Worker(new URL(import.meta.url), { workerData: MARKER }), (owed) => {
      for (const w of owed) w.reject(new Error('the names thread ended'));
    });
  }

  get failed(): boolean {
    return this.calls.failed;
  }

  find(texts: string[]): Promise<TypedNames[]> {
    return this.calls.call(undefined, (id) => ({ id, texts }) satisfies Request);
  }
}

/** The thread's side: compromise loads now, while the main thread loads the rest. */
function serve(port: NonNullable<typeof parentPort>): void {
  const nlp = loadNlp();
  port.on('message', ({ id, texts }: Request) => {
    void answer(id, () => find(nlp, texts)).then((a) => port.postMessage(a));
  });
}

if (!isMainThread && workerData === MARKER && parentPort) serve(parentPort);
