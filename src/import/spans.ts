// Repairs name spans: titles and nationality words off, possessors off ("Iran's IRGC" → "IRGC"), punctuation trimmed.

/** Words that are a title or office before a name, never the name itself. */
const TITLE_WORDS = new Set(
  `president vice prime minister premier chancellor ambassador envoy senator sen. rep. representative congressman congresswoman
governor gov. mayor secretary general gen. lt. col. colonel major maj. captain capt. sergeant sgt. admiral commander chief
director chairman chairwoman chair ceo cfo founder spokesman spokeswoman spokesperson king queen prince princess sheikh emir
pope cardinal bishop archbishop rabbi imam reverend rev. father sister judge justice attorney lawyer prosecutor detective
officer inspector professor prof. dr. doctor mr. mr mrs. mrs ms. ms miss sir dame lord lady former then late acting deputy
foreign defence defense interior finance state supreme leader ayatollah minister-president crown first opposition party
leader head analyst official officials commissioner superintendent constable agent editor reporter correspondent author
coach manager player striker`.split(/\s+/),
);

/** Adjectives of nationality and place that come before a title: "Afghan Ambassador", "U.S. President". */
const NATIONALITY = /^(?:U\.?S\.?|US|UK|U\.?N\.?|EU|American|British|Afghan|Israeli|Iranian|Russian|Chinese|French|German|Indian|Pakistani|Iraqi|Syrian|Saudi|Turkish|Ukrainian|Egyptian|Palestinian|Lebanese|Japanese|Korean|Canadian|Australian|Mexican|Brazilian|Italian|Spanish|Dutch|Swiss|Swedish|Norwegian|Polish|Greek|Irish|Scottish|Welsh|Nigerian|Kenyan|Qatari|Emirati|Jordanian|Yemeni|European|African|Asian|Arab|Western|Eastern|Northern|Southern|Federal|National|Republican|Democratic|Democrat)$/;

/** Words that end the name of a thing that is not an actor: treaties, plans, events, laws. */
export const NOT_ACTOR_TAIL = /\b(?:Accords?|Agreement|Treaty|Plan|Act|Resolution|Protocol|Convention|Declaration|Initiative|Doctrine|Framework|Day|Week|Prize|Award|Cup|Games|Olympics|Challenge|Competition|Fair|Expo|Festival|Hall|Street|Road|Avenue|Square|Airport|Station|Bridge|Building|Tower|Center|Centre|Museum|Stadium|Park|Project|Program|Programme|Campaign|War|Revolution|Crisis|Affair|Scandal|Election|Referendum|Summit|Conference|Talks|Image)$/;

/** Words that end the name of an organisation. */
export const ORG_TAIL = /\b(?:Agency|Corps|Council|Party|Ministry|Department|Committee|Commission|Association|Union|University|College|School|Institute|Foundation|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Group|Bank|Court|Army|Navy|Forces|Police|Service|Office|Bureau|Board|Authority|Parliament|Congress|Senate|Assembly|Church|Organization|Organisation|Federation|Alliance|Front|Movement|Brigades?|Network|Society|Times|Post|News|Press|Microsoft|Google|Apple)$/;

const MONTHS_DAYS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Image|Wikinews|Photo|Reuters|AP)$/;

export interface Repaired {
  name: string;
  /** The title taken off the front, e.g. "Afghan Ambassador", "President". */
  title?: string;
}

/** A candidate name as it should be listed, or undefined when nothing of a name is left. */
export function repairSpan(raw: string): Repaired | undefined {
  let s = raw
    .replace(/[\u2019']/g, '’')
    .replace(/^[\s"“‘(]+|[\s"”’),;:!?—–-]+$/g, '')
    // A final full stop ends the sentence, unless it ends an abbreviation ("U.S.", "Washington D.C.").
    .replace(/(?<!(?:^|[\s.])\p{Lu})\.+$/u, '')
    .replace(/’s$/, '')
    .replace(/^the\s+/i, '');
  // A possessor is not part of the possessed name: "Iran’s Islamic Revolutionary Guard Corps" → the Corps.
  const poss = s.lastIndexOf('’s ');
  if (poss > 0) s = s.slice(poss + 3);
  const words = s.split(/\s+/).filter(Boolean);
  const title: string[] = [];
  while (words.length > 1 && (TITLE_WORDS.has((words[0] ?? '').toLowerCase()) || NATIONALITY.test(words[0] ?? ''))) {
    const next = words[1] ?? '';
    // "U.S. Navy", "National Guard": a nationality word is only a title before another title word.
    if (NATIONALITY.test(words[0] ?? '') && !TITLE_WORDS.has(next.toLowerCase()) && !NATIONALITY.test(next)) break;
    title.push(words.shift() ?? '');
  }
  while (words.length && (/^(?:to|of|the|and|for)$/i.test(words[words.length - 1] ?? '') || /^\p{Ll}/u.test(words[words.length - 1] ?? ''))) words.pop();
  const name = words.join(' ');
  if (!name || !/\p{Lu}/u.test(name[0] ?? '') || words.every((w) => TITLE_WORDS.has(w.toLowerCase()))) return undefined;
  if (words.length === 1 && ((NATIONALITY.test(name) && !/^[\p{Lu}.]{2,5}$/u.test(name)) || new RegExp(`^${ORG_TAIL.source.slice(2)}`).test(name))) return undefined;
  if (MONTHS_DAYS.test(name) || name.length < 2 || /^\d/.test(name)) return undefined;
  return title.length ? { name, title: title.join(' ') } : { name };
}
