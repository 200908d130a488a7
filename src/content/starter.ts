// The commented content file `briefdeck new` writes: every field, each explained, valid and buildable as written.

export interface StarterOptions {
  slug: string;
  /** The as-of date, YYYY-MM-DD. */
  date: string;
  /** The editor modeline (first line), see content/modeline.ts. */
  modeline: string;
  title?: string;
}

/** A headline from a slug: `port-strike` → `Port strike`. */
export function titleFromSlug(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** YAML double-quoted scalar: safe for any title a user passes. */
function quoted(s: string): string {
  return JSON.stringify(s);
}

export function starterYaml(o: StarterOptions): string {
  const title = o.title ?? `${titleFromSlug(o.slug)}: replace with the headline, a statement not a label`;
  return `${o.modeline}
# A new briefing. Every field briefdeck knows is here; optional ones say so. Replace the text,
# delete what you do not need, then run briefdeck preview (or briefdeck build) on this file.
# Text fields take inline Markdown: *emphasis*, **strong**, \`code\`, [links](https://example.org).
# The field reference: docs/content.md. Your editor checks and completes fields via the schema above.

# Required. The headline: what the reader should take away, as a sentence.
title: ${quoted(title)}
# Optional. One line under the title.
subtitle: What it means, in one line
# Optional. The output folder name (output/<slug>/); default: the file name.
slug: ${o.slug}
# Optional. Language of the content as a BCP 47 tag (en, he, ar, fa, pt-BR ...). Default en.
lang: en
# Required. The as-of date, YYYY-MM-DD (quoted, so YAML keeps it text).
date: "${o.date}"
# Optional. Where the reporting comes from.
dateline: City
# Optional. Who prepared the briefing, and who it is for.
author: Your name or desk
audience: Who this is for
# Optional. A TLP 2.0 label (TLP:RED, TLP:AMBER+STRICT, TLP:AMBER, TLP:GREEN, TLP:CLEAR) or free text
# such as UNCLASSIFIED; shown on every slide and page.
marking: "TLP:CLEAR"
# Optional. Deck theme: briefing (light) or situation-room (dark), or a custom theme.
theme: briefing

# Required. Bottom line up front: one to three sentences.
bluf: >-
  State the judgement first: what is happening, why it matters and what is likely next.
  Keep it to three sentences.

# Optional. Speaker notes for the title slide, and for the BLUF slide.
notes: What to say while the title slide is up.
blufNotes: What to say while the bottom line is up.

# Optional. Two to four large numbers with a one-line label: {value, label, sources, notes}.
# value is at most 12 characters ("60%", "+50%", "27-49%").
keyFigures:
  - value: "60%"
    label: What the number measures, in a few words.
    sources: [article]
    notes: Where the number comes from.

# Required, at least one. Plain text, or {text, sources, likelihood, confidence, notes}.
# likelihood (ICD 203): almost no chance, very unlikely, unlikely, roughly even chance, likely,
# very likely, almost certain. confidence: low, moderate, high.
keyPoints:
  - text: The most important finding, as a sentence that stands on its own.
    sources: [article]
    likelihood: likely
    confidence: moderate
    notes: Speaker notes for this point.
  - A second finding, written as plain text.

# Optional. One slide (and print section) each: {title, lead, points, image, chart, map, notes}.
# chart: the id of a chart (below) drawn beside the points; map: true draws the locator map there.
sections:
  - title: A section heading that states its point
    lead: One sentence that introduces the section.
    points:
      - text: A point with a citation and a judgement.
        sources: [article]
        likelihood: unlikely
        confidence: low
        # One nested level of points.
        points:
          - A supporting detail.
      - A plain point.
    # image: a local PNG, JPEG, SVG, WebP or GIF beside this file; alt text is required.
    # image:
    #   path: map.png
    #   alt: What the image shows, for readers who cannot see it.
    #   caption: A caption printed under it.
    #   credit: Who made the picture.
    chart: trend
    notes: Speaker notes for this slide.

# Optional. Charts drawn from data: {id, type (bar, column or line), title, description, unit,
# categories, series: [{name, values}], source, sources, notes}. A chart a section names by id
# stands beside its points; any other gets a slide of its own. Print shows the data as a table too.
charts:
  - id: trend
    type: column
    title: The chart's message, as a statement
    unit: "%"
    categories: ["2023", "2024", "2025"]
    series:
      - name: Share
        values: [10, 20, 35]
    source: Where the data comes from

# Optional. A locator map: {highlight, focus, label, caption, notes}; ISO country codes. Shown on the
# title slide (or beside a section with map: true) and in print. Uncomment to draw one.
# map:
#   highlight: [FR, DE]
#   focus: [FR, DE]
#   label: true
#   caption: The states named in this briefing

# Optional. People, organisations, states, armed groups: {name, type, role, stance, sources}.
actors:
  - name: First actor
    type: state
    role: What they do in this story.
    stance: What they want.
    sources: [article]

# Optional. {date, end, projected, event, sources, notes}; date and end are YYYY, YYYY-MM or YYYY-MM-DD.
# end makes a range; an event after the as-of date, or with projected: true, is drawn as expected.
timeline:
  - date: "${o.date.slice(0, 7)}"
    event: Something that happened earlier this month.
    end: "${o.date}"
    projected: false
  - date: "${o.date}"
    event: The event this briefing is about.
    sources: [article]

# Optional. {name, likelihood, description, indicators}.
scenarios:
  - name: Most likely course
    likelihood: likely
    description: What happens if current trends hold.
    indicators:
      - A sign that this scenario is unfolding.

# Optional. What would change our view.
indicators:
  - A development that would make us revise the judgement.

# Optional. {text, speaker, sources}.
quotes:
  - text: A short quotation from the source.
    speaker: Who said it
    sources: [article]

# Optional. {term, meaning}.
glossary:
  - term: TLA
    meaning: Spell out abbreviations the audience may not know.

# Required, at least one. {id, title, publisher, author, url, published, accessed, reliability,
# credibility}: reliability A-F and credibility 1-6 grade the source (Admiralty system); id and title are
# required; cite a source elsewhere with sources: [id]. The first source is shown on the title slide.
sources:
  - id: article
    title: The article this briefing is based on
    publisher: Publisher
    author: Author
    url: https://example.org/article
    published: "${o.date}"
    accessed: "${o.date}"
    reliability: B
    credibility: 2
`;
}
