// Typed actors: compromise's people, organisations and places, wink-nlp proper-noun runs and the gazetteer, merged.
import type { Sentence } from './article.js';
import { aliasPattern, lookup, type ActorType } from './gazetteer.js';
import type { TypedNames } from './names-thread.js';
import { wink } from './nlp.js';
import { NOT_ACTOR_TAIL, ORG_TAIL, repairSpan } from './spans.js';
import { clipWords } from './text.js';

export interface Actor {
  name: string;
  type: ActorType;
  role?: string;
}

interface Found {
  name: string;
  type: ActorType | undefined;
  sentences: Set<number>;
  title?: string;
}

const PRIORITY: Record<ActorType, number> = { 'armed group': 2, state: 2, 'international body': 1.5, person: 1.5, organisation: 1, place: 0 };

/** Proper-noun runs of one sentence from wink's tags; "of" and "of the" may join two runs ("Daughters of the American Revolution"). */
function properNounRuns(sentence: string): string[] {
  const doc = wink().readDoc(sentence);
  const its = wink().its;
  const words = doc.tokens().out();
  const pos = doc.tokens().out(its.pos);
  const spaces = doc.tokens().out(its.precedingSpaces);
  const runs: string[] = [];
  let cur = '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const isName = pos[i] === 'PROPN' && /^\p{Lu}/u.test(w);
    const joins = cur && /^(?:of|-|’s|'s)$/.test(w) && pos[i + 1] === 'PROPN';
    const joinsThe = cur && /^of$/.test(words[i - 1] ?? '') && w === 'the' && pos[i + 1] === 'PROPN';
    if (isName || joins || joinsThe || (cur && /^(?:-)$/.test(w))) cur += (cur ? (spaces[i] ?? ' ') : '') + w;
    else if (cur) {
      runs.push(cur);
      cur = '';
    }
  }
  if (cur) runs.push(cur);
  return runs;
}

/** Splits a run at every gazetteer name in it: "United States Hamdullah Mohib" → the state, then "Hamdullah Mohib". */
function splitAtGazetteer(run: string): { gazetteer: string[]; rest: string[] } {
  const gazetteer: string[] = [];
  const rest: string[] = [];
  let last = 0;
  for (const m of run.matchAll(aliasPattern())) {
    if (!lookup(m[0])) continue;
    gazetteer.push(m[0]);
    rest.push(run.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
  }
  rest.push(run.slice(last));
  return { gazetteer, rest: rest.map((r) => r.trim()).filter(Boolean) };
}

/** Long names that the text abbreviates: "Islamic Revolutionary Guard Corps (IRGC)" → IRGC ↦ the long name. */
function acronymsIn(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/((?:\p{Lu}[\p{L}’'-]*\s+(?:(?:of|for|and|the)\s+)*){1,7}\p{Lu}[\p{L}’'-]*)\s+\((\p{Lu}{2,7})\)/gu)) {
    const [long, short] = [m[1] ?? '', m[2] ?? ''];
    const initials = long.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    const words = long.split(/\s+/);
    // Keep only the words the acronym spells: "Iran’s Islamic Revolutionary Guard Corps" has one too many.
    const fit = initials.endsWith(short[0] ?? '') || initials.includes(short) ? words.slice(Math.max(0, words.length - short.length - 2)) : words;
    const name = repairSpan(fit.join(' '))?.name;
    if (name) map.set(short, name);
  }
  return map;
}

/** wink's proper-noun runs of each sentence: the part of the actors that needs no names from compromise. */
export function nameRunsOf(sentences: Sentence[]): string[][] {
  return sentences.map((s) => properNounRuns(s.text));
}

/**
 * The actors of an article, most present first, at most `max`; `names` are compromise's typed names of each
 * sentence, `runs` the sentences' proper-noun runs (found while compromise still works on its thread).
 */
export function actorsOf(sentences: Sentence[], names: TypedNames[], runs = nameRunsOf(sentences), max = 12): Actor[] {
  const found = new Map<string, Found>();
  const body = sentences.map((s) => s.text).join(' ');
  const acronyms = acronymsIn(body);
  const add = (raw: string, type: ActorType | undefined, at: number): void => {
    const repaired = repairSpan(raw);
    if (!repaired || NOT_ACTOR_TAIL.test(repaired.name)) return;
    let { name } = repaired;
    let kind = type;
    const long = acronyms.get(name);
    const entry = lookup(name) ?? (long ? lookup(long) : undefined);
    if (entry) {
      name = entry.name;
      kind = entry.type;
    } else if (long) name = long;
    for (const [short, full] of acronyms) if (full === name) name = `${full} (${short})`;
    if (entry) for (const [short, full] of acronyms) if (lookup(full)?.name === entry.name || lookup(short)?.name === entry.name) name = `${full} (${short})`;
    if (!kind && ORG_TAIL.test(name)) kind = 'organisation';
    const key = name.toLowerCase();
    const f = found.get(key) ?? { name, type: kind, sentences: new Set<number>() };
    f.sentences.add(at);
    if (!f.type || (kind && PRIORITY[kind] > PRIORITY[f.type])) f.type = kind;
    if (repaired.title && !f.title) f.title = repaired.title;
    found.set(key, f);
  };
  for (const [i, s] of sentences.entries()) {
    for (const m of s.text.matchAll(aliasPattern())) if (lookup(m[0])) add(m[0], undefined, s.index);
    const typed = names[i] ?? { people: [], organisations: [], places: [] };
    for (const t of typed.people) add(t, 'person', s.index);
    for (const t of typed.organisations) add(t, 'organisation', s.index);
    for (const t of typed.places) add(t, 'place', s.index);
    for (const run of runs[i] ?? []) {
      for (const part of splitAtGazetteer(run).rest) add(part, undefined, s.index);
    }
  }
  mergeSurnames(found);
  const list = [...found.values()].filter((f): f is Found & { type: ActorType } => f.type !== undefined);
  const score = (f: Found & { type: ActorType }) => f.sentences.size + PRIORITY[f.type] + (Math.min(...f.sentences) < 3 ? 0.5 : 0);
  const ranked = list.sort((a, b) => score(b) - score(a) || Math.min(...a.sentences) - Math.min(...b.sentences)).slice(0, max);
  const used = new Set<number>();
  return ranked.map((f) => {
    const order = [...f.sentences].sort((a, b) => a - b);
    // The first sentence naming the actor that no actor before it took; none when all are taken.
    const at = order.find((i) => !used.has(i));
    const actor: Actor = { name: f.name, type: f.type };
    const sentence = at === undefined ? undefined : sentences[at]?.text;
    if (at !== undefined && sentence) {
      used.add(at);
      actor.role = clipWords(sentence, 24);
    }
    return actor;
  });
}

/**
 * People are named in full once and by surname after ("Donald Trump" … "Trump"): a one-word name that ends a
 * person's name is that person. An untyped name becomes a person when its surname is used alone.
 */
function mergeSurnames(found: Map<string, Found>): void {
  const multi = [...found.values()].filter((f) => f.name.includes(' ') && (f.type === 'person' || f.type === undefined));
  for (const [key, f] of found) {
    if (f.name.includes(' ') || f.type === 'state' || f.type === 'armed group' || f.type === 'international body') continue;
    const whole = multi.find((p) => p.name.split(' ').pop() === f.name || p.name.split(' ')[0] === f.name);
    if (!whole) continue;
    if (whole.name.split(' ').pop() === f.name && f.type !== 'organisation') whole.type ??= 'person';
    if (whole.type !== 'person') continue;
    for (const i of f.sentences) whole.sentences.add(i);
    found.delete(key);
  }
  // "Scientologist Tom Cruise" is Tom Cruise with a descriptor in front.
  for (const [key, f] of found) {
    const inner = multi.find((p) => p !== f && p.type === 'person' && f.name.endsWith(` ${p.name}`));
    if (!inner || f.type === 'organisation') continue;
    for (const i of f.sentences) inner.sentences.add(i);
    found.delete(key);
  }
  for (const p of multi) if (p.type === undefined && [...found.values()].some((f) => f.type === 'person' && f.name === p.name)) p.type = 'person';
}
