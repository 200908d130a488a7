// Pure layout decisions: from measured block heights, how many slides a part takes, at what text size,
// and which blocks (or pieces of nested blocks) go on each slide. No browser here: unit-tested alone.

/** Body text size at each fit level, in px. Levels 1-3 are the shrink tried before any split (15%). */
export const LEVEL_PX = [26, 24.7, 23.4, 22.1, 20, 18] as const;
/** The last level reached by shrinking alone, before a part is split. */
export const SHRINK_LEVEL = 3;
/** The floor: body text never goes below this level's size. */
export const FLOOR_LEVEL = LEVEL_PX.length - 1;
/** A continuation slide holds at least this share of the fullest slide's content. */
export const BALANCE = 0.6;
/**
 * Grow levels, -1 and -2: a part with room to spare takes larger text (up to 15% above the theme's
 * size), as long as it keeps its number of slides and its fullest slide stays within GROW_FILL.
 */
export const GROW_PX = [28, 30] as const;
export const GROW_LEVEL = -GROW_PX.length;
export const GROW_FILL = 0.8;
/** A part on one slide that stays under this share of the room, even grown, is centred in the body. */
export const CENTRE_BELOW = 0.6;

/** Body text size at a level (negative levels grow). */
export function levelPx(level: number): number {
  const px: readonly number[] = level < 0 ? GROW_PX : LEVEL_PX;
  const i = level < 0 ? -level - 1 : level;
  return px[Math.min(i, px.length - 1)] ?? 26;
}

/** One measured block of a part: a lead paragraph, or a list item with its nested points. */
export interface Block {
  /** Height, margins included (top of this block to the top of the next). */
  height: number;
  /** Items with nested points: the height of the item's own text (down to its first nested point)... */
  head?: number;
  /** ...of each nested point... */
  subs?: number[];
  /** ...and what follows the last nested point (the item's bottom margin). */
  tail?: number;
  /** A lead paragraph (only before the items, on the part's first slides). */
  lead?: boolean;
}

/** What a slide holds of one block: all of it, or nested points [from, to) with the parent repeated. */
export interface Piece {
  block: number;
  from?: number;
  to?: number;
}

export interface PartLayout {
  level: number;
  slides: Piece[][];
  /** The fullest slide's share of the room, and the emptiest continuation slide's share of the fullest. */
  fullest: number;
  balance: number;
  /** Blocks that cannot go on any slide even at the floor size: split their text (see sentences.ts). */
  tooTall: number[];
  /** A short part on one slide: its content is centred in the body rather than left at the top. */
  centre?: boolean;
}

/**
 * Heights at `to` from heights measured at `from`: text scales with its size and rewraps, margins do
 * not; the exponent errs on the tall side (a verifying measurement corrects the rest).
 */
export function scaleHeight(h: number, from: number, to: number): number {
  if (from === to) return h;
  const ratio = levelPx(to) / levelPx(from);
  // Smaller text: heights shrink less than the size (margins stay); larger: they grow more (lines rewrap).
  return h * ratio ** (ratio < 1 ? 0.75 : 1.3);
}

export function scaleBlock(b: Block, from: number, to: number): Block {
  const s = (h: number | undefined) => (h === undefined ? undefined : scaleHeight(h, from, to));
  return { ...b, height: s(b.height) ?? 0, head: s(b.head), subs: b.subs?.map((h) => scaleHeight(h, from, to)), tail: s(b.tail) };
}

interface Atom {
  block: number;
  /** Index of the nested point, or -1 for a whole block. */
  sub: number;
  cost: number;
}

/** Blocks as the units a slide boundary may fall between: whole blocks, or nested points of a block too tall for a slide. */
function atoms(blocks: Block[], room: number): Atom[] {
  const out: Atom[] = [];
  blocks.forEach((b, i) => {
    const subs = b.subs ?? [];
    if (b.height <= room || !subs.length) {
      out.push({ block: i, sub: -1, cost: b.height });
      return;
    }
    subs.forEach((h, j) => out.push({ block: i, sub: j, cost: h + (j === 0 ? (b.head ?? 0) : 0) + (j === subs.length - 1 ? (b.tail ?? 0) : 0) }));
  });
  return out;
}

/** Loads of runs of atoms in O(1): prefix sums of their costs. */
class Loads {
  private readonly sums: number[];
  constructor(
    private readonly blocks: Block[],
    readonly list: Atom[],
  ) {
    this.sums = [0];
    for (const at of list) this.sums.push((this.sums[this.sums.length - 1] as number) + at.cost);
  }

  /** Atoms [a, b) on one slide: a run starting or ending inside a block repeats the parent's text or closes it. */
  of(a: number, b: number): number {
    let sum = (this.sums[b] as number) - (this.sums[a] as number);
    const first = this.list[a] as Atom;
    if (first.sub > 0) sum += this.blocks[first.block]?.head ?? 0;
    const last = this.list[b - 1] as Atom;
    const subs = this.blocks[last.block]?.subs ?? [];
    if (last.sub >= 0 && last.sub < subs.length - 1) sum += this.blocks[last.block]?.tail ?? 0;
    return sum;
  }

  /** Where a slide starting at atom `a` ends at the latest (first fit); a when even one atom is too tall. */
  reach(a: number, room: number): number {
    let b = a;
    while (b < this.list.length && this.of(a, b + 1) <= room) b++;
    return b;
  }

  /** Where a slide ending before atom `b` starts at the earliest (first fit from the end). */
  reachBack(b: number, room: number): number {
    let a = b;
    while (a > 0 && this.of(a - 1, b) <= room) a--;
    return a;
  }
}

/** Fewest slides by first fit; Infinity when one atom alone is too tall. */
function fewest(loads: Loads, room: number): number {
  let n = 0;
  for (let a = 0; a < loads.list.length; n++) {
    const b = loads.reach(a, room);
    if (b === a) return Infinity;
    a = b;
  }
  return n;
}

/**
 * Splits atoms into exactly `n` slides, each within `room`, as evenly as possible: least sum of squared
 * loads (which also keeps a short last slide from standing alone), a slide boundary inside a block
 * costing a little. Only slide ends that first fit could reach are tried, so this stays linear in practice.
 */
function balanced(loads: Loads, n: number, room: number): number[] | undefined {
  const N = loads.list.length;
  // Earliest atom after k slides from which the other n - k slides can still hold the rest: slide ends
  // outside [near[k], far[k]] are never tried, which keeps a part of hundreds of slides linear.
  const near: number[] = [];
  near[n] = N;
  for (let k = n - 1; k >= 0; k--) near[k] = loads.reachBack(near[k + 1] as number, room);
  // The window rests on first fit being exact; were it ever not (head and tail costs), try every end.
  return balancedWithin(loads, n, room, near) ?? balancedWithin(loads, n, room, new Array<number>(n + 1).fill(0));
}

function balancedWithin(loads: Loads, n: number, room: number, near: number[]): number[] | undefined {
  const N = loads.list.length;
  const inf = Number.POSITIVE_INFINITY;
  // Furthest atom reachable after k slides.
  const far = [0];
  for (let k = 1; k <= n; k++) far.push(loads.reach(far[k - 1] as number, room));
  let prev = new Map<number, number>([[0, 0]]);
  const from: Map<number, number>[] = [];
  for (let k = 1; k <= n; k++) {
    const cur = new Map<number, number>();
    const back = new Map<number, number>();
    for (const [a, c] of prev) {
      for (let b = Math.max(a + 1, near[k] as number); b <= Math.min(N, far[k] as number); b++) {
        const l = loads.of(a, b);
        if (l > room) break;
        if (k === n && b !== N) continue;
        const inside = b < N && (loads.list[b] as Atom).sub > 0;
        const cost = c + (l / room) ** 2 + (inside ? 0.05 : 0);
        if (cost < (cur.get(b) ?? inf)) {
          cur.set(b, cost);
          back.set(b, a);
        }
      }
    }
    from.push(back);
    prev = cur;
  }
  if (!prev.has(N)) return undefined;
  const cuts: number[] = [];
  for (let k = n, b = N; k > 0; k--) {
    cuts.unshift(b);
    b = (from[k - 1] as Map<number, number>).get(b) as number;
  }
  return cuts;
}

function pieces(list: Atom[], cuts: number[]): Piece[][] {
  const slides: Piece[][] = [];
  let a = 0;
  for (const b of cuts) {
    const slide: Piece[] = [];
    for (let k = a; k < b; k++) {
      const at = list[k] as Atom;
      const last = slide[slide.length - 1];
      if (at.sub < 0) slide.push({ block: at.block });
      else if (last && last.block === at.block && last.to === at.sub) last.to = at.sub + 1;
      else slide.push({ block: at.block, from: at.sub, to: at.sub + 1 });
    }
    slides.push(slide);
    a = b;
  }
  return slides;
}

/** The fewest slides the blocks need at this level, or undefined when one of them cannot fit. */
function countAt(blocks: Block[], room: number): { loads: Loads; n: number } | undefined {
  const loads = new Loads(blocks, atoms(blocks, room));
  const n = fewest(loads, room);
  return Number.isFinite(n) ? { loads, n } : undefined;
}

function layoutAt(counted: { loads: Loads; n: number }, room: number, level: number): PartLayout {
  const cuts = balanced(counted.loads, counted.n, room) ?? [];
  const loads = cuts.map((b, i) => counted.loads.of(i ? (cuts[i - 1] as number) : 0, b));
  const max = Math.max(...loads, 0);
  const min = Math.min(...loads);
  return { level, slides: pieces(counted.loads.list, cuts), fullest: max / room, balance: loads.length > 1 ? min / max : 1, tooTall: [] };
}

export interface MeasuredPart {
  /** The blocks as measured, and the text level they were measured at. */
  blocks: Block[];
  level: number;
  /** Blocks measured at other levels, when a verifying pass has seen them (exact beats scaled). */
  at?: Partial<Record<number, Block[]>>;
  /** Pixels for blocks on one slide, below its heading. */
  room: number;
  /** The most slides the part may take (fixed-count layouts); otherwise unbounded. */
  lowest?: number;
}

/**
 * The layout of one part: the fewest slides at up to SHRINK_LEVEL (shrinking only as far as that
 * number of slides needs); a part split that way but unbalanced (a continuation slide under BALANCE of
 * the fullest) shrinks on towards the floor if that balances it or saves a slide. Blocks too tall at
 * the floor are named in `tooTall`, laid out at the floor, one a slide.
 */
export function layoutPart(part: MeasuredPart, lowest = FLOOR_LEVEL): PartLayout {
  const measured = new Map<number, Block[]>([[part.level, part.blocks]]);
  for (const [l, b] of Object.entries(part.at ?? {})) if (b) measured.set(Number(l), b);
  // Exact where measured; elsewhere scaled from the nearest measured level.
  const at = (level: number): Block[] => {
    const exact = measured.get(level);
    if (exact) return exact;
    const from = [...measured.keys()].sort((a, b) => Math.abs(a - level) - Math.abs(b - level) || a - b)[0] as number;
    return (measured.get(from) as Block[]).map((b) => scaleBlock(b, from, level));
  };
  const counts: { level: number; counted: { loads: Loads; n: number } }[] = [];
  for (let level = 0; level <= lowest; level++) {
    const counted = countAt(at(level), part.room);
    if (counted) counts.push({ level, counted });
  }
  if (!counts.length) {
    const blocks = at(lowest);
    const tooTall = blocks.flatMap((b, i) => (b.height > part.room && !b.subs?.length ? [i] : []));
    return { level: lowest, slides: blocks.map((_b, i) => [{ block: i }]), fullest: Infinity, balance: 0, tooTall };
  }
  const shrunk = counts.filter((c) => c.level <= SHRINK_LEVEL);
  const pool = shrunk.length ? shrunk : counts;
  const n = Math.min(...pool.map((c) => c.counted.n));
  const first = pool.find((c) => c.counted.n === n) as (typeof counts)[number];
  const best = layoutAt(first.counted, part.room, first.level);
  if (best.slides.length < 2 || best.balance >= BALANCE) return grown(best, at, part.room);
  // Unbalanced: shrink on towards the floor if that saves a slide or balances the split.
  for (const c of counts.filter((c) => c.level > first.level && c.counted.n <= n)) {
    const l = layoutAt(c.counted, part.room, c.level);
    if (l.slides.length < n || l.balance >= BALANCE) return l;
  }
  return best;
}

/**
 * A part at the theme's size with room to spare: the largest grow level that keeps its slides (as many,
 * each within GROW_FILL of the room, as balanced); then, if it is one short slide, centred.
 */
function grown(best: PartLayout, at: (level: number) => Block[], room: number): PartLayout {
  if (best.level !== 0 || best.fullest > GROW_FILL) return best;
  let out = best;
  for (let level = GROW_LEVEL; level < 0; level++) {
    const counted = countAt(at(level), room);
    if (!counted || counted.n !== best.slides.length) continue;
    const l = layoutAt(counted, room, level);
    if (l.fullest <= GROW_FILL && (l.slides.length < 2 || l.balance >= BALANCE)) {
      out = l;
      break;
    }
  }
  return out.slides.length === 1 && out.fullest < CENTRE_BELOW ? { ...out, centre: true } : out;
}

/** How many pieces a text of this height needs to sit on slides of `room` at the floor. */
export function textPieces(height: number, room: number): number {
  return Math.max(2, Math.ceil((height * 1.08) / room));
}
