// From one measurement of the deck, each stacked part's next layout: its blocks read back from the
// slides that drew them, handed to the pure packer, and the answer kept only when it is an improvement.
import { PROBE_LEVELS, STACKED, type FitSettings, type PartPlan, type Slide } from '../render/slides.js';
import type { SlideMeasure } from './measure.js';
import { BALANCE, FLOOR_LEVEL, layoutPart, scaleHeight, SHRINK_LEVEL, textPieces, type Block, type PartLayout, type Piece } from '../layout/pack.js';

/** What the engine has learnt about a part over the passes. */
export interface PartMemory {
  /** Blocks as measured at each text level, per width (`beside` an image, or `full`). */
  at: Record<string, Partial<Record<number, Block[]>>>;
  room: number;
  figure: boolean;
  /** Plans already drawn (as JSON), so that the engine does not go back and forth. */
  tried: Set<string>;
}

/** The stacked parts of the deck, each with its slides in order. */
export function partsOf(slides: Slide[]): Map<string, Slide[]> {
  const parts = new Map<string, Slide[]>();
  for (const s of slides) {
    if (!STACKED.has(s.kind) || !s.pieces?.length || s.classes.split(' ').includes('horizontal')) continue;
    parts.set(s.part, [...(parts.get(s.part) ?? []), s]);
  }
  return parts;
}

/** The part's blocks, read back from the pieces its slides drew; undefined if the page does not match the plan. */
function readBlocks(group: Slide[], measures: SlideMeasure[]): Block[] | undefined {
  const blocks: Block[] = [];
  for (const slide of group) {
    const m = measures[slide.number - 1];
    const pieces = slide.pieces ?? [];
    if (!m || m.blocks.length !== pieces.length) return undefined;
    pieces.forEach((p: Piece, k) => {
      const b = m.blocks[k] as Block;
      if (p.from === undefined) {
        blocks[p.block] = b;
        return;
      }
      const acc = blocks[p.block] ?? { height: 0, head: 0, subs: [], tail: 0 };
      const subs = acc.subs ?? [];
      (b.subs ?? []).forEach((h, j) => (subs[(p.from as number) + j] = h));
      acc.subs = subs;
      if (p.from === 0 || !acc.head) acc.head = b.head;
      acc.tail = b.tail;
      acc.height = (acc.head ?? 0) + subs.reduce((a, h) => a + (h ?? 0), 0) + (acc.tail ?? 0);
      blocks[p.block] = acc;
    });
  }
  return blocks.length && blocks.every(Boolean) ? blocks : undefined;
}

/**
 * Whether a layout made from heights measured at the theme's size and at SHRINK_LEVEL may change once
 * the floor's are measured: only when no level down to SHRINK_LEVEL gives it (it went smaller, or a
 * text is too tall for any), or when its split stays unbalanced, since then the packer looks on
 * towards the floor (pack.ts, layoutPart). Any other layout is the one exact floor heights would give.
 */
export function needsFloor(layout: PartLayout): boolean {
  return layout.level > SHRINK_LEVEL || layout.tooTall.length > 0 || (layout.slides.length > 1 && layout.balance < BALANCE);
}

/** The layout a part is drawn with now: its plan, or whole on one slide. */
function current(fit: FitSettings, part: string, group: Slide[]): PartPlan {
  return fit.plans[part] ?? { level: 0, slides: group.map((s) => s.pieces ?? []) };
}

/**
 * Decides every stacked part from this pass's measures; true when any part's plan, text splits or
 * figure choice changed (the deck must be drawn again).
 */
export function decideParts(fit: FitSettings, slides: Slide[], measures: SlideMeasure[], memory: Map<string, PartMemory>, slack: number): boolean {
  let changed = false;
  for (const [part, group] of partsOf(slides)) {
    const mem = memory.get(part) ?? { at: {}, room: Infinity, figure: false, tried: new Set<string>() };
    memory.set(part, mem);
    const width = group[0]?.image ? 'beside' : 'full';
    const at = (mem.at[width] ??= {});
    const probed = group.some((s) => s.probe !== undefined);
    // Probes: the part drawn whole at several levels, each slide measured at its own.
    const drawn = probed ? group.map((s) => [s.probe ?? 0, [s]] as const) : [[current(fit, part, group).level, group] as const];
    let blocks: Block[] | undefined;
    let drawnLevel = FLOOR_LEVEL;
    for (const [level, slides] of drawn) {
      blocks = readBlocks([...slides], measures);
      if (blocks) (at[level] = blocks), (drawnLevel = level);
    }
    if (!blocks) continue;
    const now = probed ? undefined : current(fit, part, group);
    const room = Math.min(...group.map((s) => measures[s.number - 1]?.room ?? Infinity)) - slack;
    mem.room = Math.min(mem.room, room);
    if (now) mem.tried.add(JSON.stringify(now));
    const overflow = !probed && group.some((s) => (measures[s.number - 1]?.overflowY ?? 0) > slack);
    const layout = layoutPart({ blocks, level: now?.level ?? drawnLevel, at, room: mem.room }, FLOOR_LEVEL);
    const unmeasured = probed ? PROBE_LEVELS.filter((l) => at[l] === undefined) : [];
    if (unmeasured.length && !(layout.slides.length === 1 && layout.level <= 0)) {
      // Measured at the theme's size alone (slides.ts, ONE_PROBE_LOAD) and it does not fit one slide
      // there: the smaller sizes are measured on the next pass, before anything is decided.
      fit.probes[part] = unmeasured;
      changed = true;
      continue;
    }
    if (probed && at[FLOOR_LEVEL] === undefined && needsFloor(layout)) {
      // The layout turns on heights at the floor, which are so far only scaled: measure them first.
      if (process.env.BRIEFDECK_FIT_DEBUG) process.stderr.write(`fit: ${part} ${layout.slides.length}@${layout.level} turns on the floor: measuring it\n`);
      fit.probes[part] = [FLOOR_LEVEL];
      changed = true;
      continue;
    }

    if (layout.tooTall.length) {
      // Texts too long for a slide at the floor: split at sentences, then measure the part whole again.
      const raws = group.flatMap((s) => s.raws ?? []);
      const splits = (fit.splits[part] ??= {});
      for (const b of layout.tooTall) {
        const raw = raws[b] ?? b;
        const pieces = textPieces(scaleHeight(blocks[b]?.height ?? 0, now?.level ?? FLOOR_LEVEL, FLOOR_LEVEL), mem.room);
        splits[raw] = Math.max(splits[raw] ?? 1, (fit.splits[part]?.[raw] ?? 1) === 1 ? pieces : (splits[raw] ?? 1) * pieces);
      }
      delete fit.plans[part];
      fit.probes[part] = PROBE_LEVELS;
      memory.delete(part);
      changed = true;
      continue;
    }
    if (width === 'beside' && !mem.figure && (layout.slides.length > 1 || layout.level > SHRINK_LEVEL)) {
      // The points do not fit beside the image: the image gets a slide of its own, the points the full width.
      mem.figure = true;
      fit.figure[part] = true;
      fit.plans[part] = { level: layout.level, slides: layout.slides };
      changed = true;
      continue;
    }
    const next: PartPlan = { level: layout.level, slides: layout.slides, ...(layout.centre ? { centre: true } : {}) };
    const key = JSON.stringify(next);
    if (!now) {
      fit.plans[part] = next;
      changed = true;
      continue;
    }
    if (key === JSON.stringify(now)) continue;
    // Larger text on as many slides is worth a pass only when that size has been measured, not guessed.
    const exact = at[next.level] !== undefined;
    const better = overflow || next.slides.length < now.slides.length || (next.slides.length === now.slides.length && next.level < now.level && exact);
    if (!better || (!overflow && mem.tried.has(key))) continue;
    fit.plans[part] = next;
    if (process.env.BRIEFDECK_FIT_DEBUG) process.stderr.write(`fit: ${part} ${now.slides.length}@${now.level} -> ${next.slides.length}@${next.level}${overflow ? ' (overflow)' : ''}\n`);
    changed = true;
  }
  return changed;
}
