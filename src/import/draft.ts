// Writes the draft as content YAML: the schema modeline, a header, and a review comment on every generated field.
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { DraftSection } from './sections.js';

export interface Draft {
  title: string;
  lang: string;
  date: string;
  dateline?: string;
  bluf: string;
  keyPoints: { text: string; sources: string[] }[];
  sections?: DraftSection[];
  actors?: { name: string; type: string; role?: string; sources: string[] }[];
  timeline?: { date: string; event: string; sources: string[] }[];
  sources: { id: string; title: string; publisher?: string; author?: string; url?: string; published?: string }[];
}

/** Why each field needs a person's eye, written above it. */
export type Reviews = Partial<Record<keyof Draft, string>>;

function quoteDates(node: unknown): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if ((key === 'date' || key === 'published') && isScalar(pair.value)) pair.value.type = Scalar.QUOTE_DOUBLE;
      else if (key === 'sources' && isSeq(pair.value) && pair.value.items.every(isScalar)) pair.value.flow = true;
      else quoteDates(pair.value);
    }
  } else if (isSeq(node)) node.items.forEach(quoteDates);
}

/** The YAML text of a draft: `modeline`, then `header` lines as comments, then the fields with their reviews. */
export function draftYaml(draft: Draft, reviews: Reviews, modeline: string, header: string[]): string {
  const doc = new Document(draft);
  quoteDates(doc.contents);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? (String(pair.key.value) as keyof Draft) : undefined;
      const note = key ? reviews[key] : undefined;
      if (note && isScalar(pair.key)) pair.key.commentBefore = ` review: ${note}`;
      if (key === 'sections' && isSeq(pair.value)) {
        for (const item of pair.value.items) {
          if (!isMap(item)) continue;
          const title = item.items.find((p) => isScalar(p.key) && p.key.value === 'title');
          if (title && isScalar(title.value)) title.value.comment = ' review: a title made from the text; write the point it makes';
        }
      }
    }
  }
  const head = [modeline, ...header.map((l) => `# ${l}`)].join('\n');
  return `${head}\n${doc.toString({ lineWidth: 100, indentSeq: true })}`;
}
