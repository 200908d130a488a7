// A small gazetteer: states, international bodies and armed groups that name-finders miss or mistype, with aliases.

export type ActorType = 'person' | 'state' | 'international body' | 'armed group' | 'organisation' | 'place';

export interface GazetteerEntry {
  name: string;
  type: ActorType;
  aliases: string[];
}

const STATES = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|
Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|
Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Denmark|Djibouti|
Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|
Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|
Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|
Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|
Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|
Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|
United Kingdom|United States|Uruguay|Uzbekistan|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe`;

const ALIASES: Record<string, string[]> = {
  'United States': ['U.S.', 'US', 'USA', 'U.S.A.', 'America', 'United States of America'],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'Great Britain'],
  'United Arab Emirates': ['UAE', 'U.A.E.'],
  Russia: ['Russian Federation'],
  China: ["People's Republic of China", 'PRC'],
  'North Korea': ['DPRK'],
  'South Korea': ['Republic of Korea'],
  Turkey: ['Türkiye'],
  'Czech Republic': ['Czechia'],
  Myanmar: ['Burma'],
  Netherlands: ['Holland'],
};

const BODIES: [string, ...string[]][] = [
  ['United Nations', 'UN', 'U.N.'],
  ['UN Security Council', 'Security Council', 'U.N. Security Council', 'United Nations Security Council'],
  ['International Atomic Energy Agency', 'IAEA'],
  ['NATO', 'North Atlantic Treaty Organization'],
  ['European Union', 'EU', 'E.U.'],
  ['African Union', 'AU'],
  ['Arab League', 'League of Arab States'],
  ['World Health Organization', 'WHO'],
  ['World Bank'],
  ['International Monetary Fund', 'IMF'],
  ['World Trade Organization', 'WTO'],
  ['International Criminal Court', 'ICC'],
  ['International Court of Justice', 'ICJ'],
  ['Organization of American States', 'OAS'],
  ['ASEAN', 'Association of Southeast Asian Nations'],
  ['OPEC'],
  ['G7', 'Group of Seven'],
  ['G20', 'Group of Twenty'],
  ['Gulf Cooperation Council', 'GCC'],
  ['UNESCO'],
  ['UNICEF'],
  ['UNHCR', 'UN Refugee Agency'],
  ['Interpol'],
  ['Red Cross', 'International Committee of the Red Cross', 'ICRC'],
  ['OSCE', 'Organization for Security and Co-operation in Europe'],
];

const GROUPS: [string, ...string[]][] = [
  ['Hamas'],
  ['Hezbollah', 'Hizbollah', 'Hizballah'],
  ['Houthis', 'Houthi', 'Ansar Allah'],
  ['Palestinian Islamic Jihad', 'Islamic Jihad', 'PIJ'],
  ['Islamic Revolutionary Guard Corps', 'IRGC', 'Revolutionary Guards', 'Revolutionary Guard'],
  ['Taliban'],
  ['al-Qaeda', 'al-Qaida', 'Al Qaeda', 'al Qaeda'],
  ['Islamic State', 'ISIS', 'ISIL', 'Daesh'],
  ['al-Shabaab', 'Al-Shabab', 'al-Shabab'],
  ['Boko Haram'],
  ['Wagner Group', 'Wagner'],
  ['Kataib Hezbollah'],
  ['PKK', 'Kurdistan Workers’ Party', "Kurdistan Workers' Party"],
  ['Hayat Tahrir al-Sham', 'HTS'],
  ['FARC'],
  ['Quds Force'],
  ['Popular Mobilization Forces', 'PMF'],
];

function entries(): GazetteerEntry[] {
  const list: GazetteerEntry[] = STATES.split('|').map((s) => {
    const name = s.trim();
    return { name, type: 'state', aliases: [name, ...(ALIASES[name] ?? [])] };
  });
  for (const [name, ...more] of BODIES) list.push({ name, type: 'international body', aliases: [name, ...more] });
  for (const [name, ...more] of GROUPS) list.push({ name, type: 'armed group', aliases: [name, ...more] });
  return list;
}

export const GAZETTEER: readonly GazetteerEntry[] = entries();

const BY_ALIAS = new Map<string, GazetteerEntry>();
for (const e of GAZETTEER) for (const a of e.aliases) BY_ALIAS.set(a.toLowerCase(), e);

/** The entry a name or alias stands for (case-insensitive for long names; acronyms must match their case). */
export function lookup(name: string): GazetteerEntry | undefined {
  const e = BY_ALIAS.get(name.toLowerCase());
  if (!e) return undefined;
  const exact = e.aliases.find((a) => a.toLowerCase() === name.toLowerCase()) ?? '';
  return /^[A-Z.]{2,6}$/.test(exact) && exact !== name ? undefined : e;
}

/** One regular expression matching every alias as a whole word, longest first. */
let pattern: RegExp | undefined;
export function aliasPattern(): RegExp {
  if (pattern) return new RegExp(pattern);
  const all = [...BY_ALIAS.keys()].sort((a, b) => b.length - a.length);
  const alts = all.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  pattern = new RegExp(String.raw`(?<![\p{L}\p{N}.])(?:${alts.join('|')})(?![\p{L}\p{N}]|\.[\p{L}])`, 'giu');
  return new RegExp(pattern);
}
