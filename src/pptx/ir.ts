// The PowerPoint deck as a pure intermediate model: every decision (what goes where, in which
// placeholder, at what size) is made here; the writer (write.ts) only translates it to pptxgenjs.
// Positions and sizes are in inches on a 13.333 x 7.5 in (16:9) slide; font sizes in points.

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
/** Deck pixels (1280 x 720) to inches. */
export const PX = SLIDE_W / 1280;
/** CSS pixels to points. */
export const PT = 0.75;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  superscript?: boolean;
  /** An outside link, or a jump to a slide (citations go to the sources slide). */
  link?: { url: string } | { slide: number };
  color?: string;
}

export interface Paragraph {
  runs: Run[];
  /** 0 = top level; 1 = a sub-point. */
  level: number;
  bullet: 'none' | 'bullet' | 'number';
  /** First number of a numbered list (continues across slides). */
  start?: number;
  /** Points of space before the paragraph. */
  spaceBefore?: number;
  /** A paragraph's own size when it differs from its box's. */
  fontPt?: number;
  color?: string;
  bold?: boolean;
  /** A paragraph's own line height (multiple of its size) when it differs from its box's. */
  lineHeight?: number;
}

export interface TextStyle {
  fontPt: number;
  /** Letter spacing, points, and capitals whatever the case typed (the marking, as the deck sets it). */
  spacingPt?: number;
  caps?: boolean;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  color: string;
  bold?: boolean;
  align?: 'left' | 'right' | 'center';
  valign?: 'top' | 'middle' | 'bottom';
}

export interface TextShape {
  kind: 'text';
  name: string;
  /** A placeholder of the slide's layout (title, body) or a free text box / shape with text. */
  placeholder?: 'title' | 'body';
  box: Box;
  paragraphs: Paragraph[];
  style: TextStyle;
  /** Shapes with text (badges): fill, outline and corner. */
  fill?: string;
  line?: string;
  geometry?: 'rect' | 'roundRect' | 'ellipse';
  /** Inner margin, points (left/right, top/bottom). */
  inset: [number, number];
}

export interface TableCell {
  paragraphs: Paragraph[];
  fill?: string;
  bold?: boolean;
}

export interface TableShape {
  kind: 'table';
  name: string;
  box: Box;
  /** Column widths, inches (sum to box.w). */
  columns: number[];
  header: TableCell[];
  rows: TableCell[][];
  style: TextStyle;
  headerFill: string;
  headerColor: string;
  /** Body cells' fill (the slide's paper, so a cell reads as the deck's table does). */
  fill: string;
  border: string;
}

export interface ChartSpec {
  type: 'bar' | 'line' | 'pie';
  title: string;
  unit?: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export interface ChartShape {
  kind: 'chart';
  name: string;
  box: Box;
  chart: ChartSpec;
  colors: string[];
  fontPt: number;
  textColor: string;
}

export interface PictureShape {
  kind: 'picture';
  name: string;
  box: Box;
  /** data:image/...;base64,... */
  data: string;
  alt: string;
}

export interface LineShape {
  kind: 'line';
  name: string;
  /** From (x, y) to (x + w, y + h). */
  box: Box;
  color: string;
  widthPt: number;
}

export type Shape = TextShape | TableShape | ChartShape | PictureShape | LineShape;

export type LayoutName = 'title' | 'section' | 'two-column' | 'cards' | 'table' | 'figure';

export interface Layout {
  name: LayoutName;
  /** Shown in PowerPoint's layout gallery. */
  title: string;
  titleBox: Box;
  titleStyle: TextStyle;
  bodyBox?: Box;
  bodyStyle?: TextStyle;
}

export interface Theme {
  name: string;
  /** Font named in the file, and the one every office suite has if it is missing. */
  font: string;
  fallbackFont: string;
  background: string;
  ink: string;
  muted: string;
  primary: string;
  accent: string;
  /** Accent colour for text (citations). */
  accentInk: string;
  rule: string;
  card: string;
  /** Likelihood shades 1-7: fill and ink. */
  likelihood: { fill: string; ink: string }[];
  chartColors: string[];
}

/** The chrome every slide carries, as the deck draws it: shapes of the layouts, placeholders of the slides. */
export interface Chrome {
  /** The marking, full text: a shape in the header band of every layout, the footer placeholder of every slide. */
  marking?: { text: string; header: TextShape; titleHeader: TextShape; footer: TextShape; titleFooter: TextShape };
  /** The footer's source (cut to fit its box, as the deck cuts it) and the as-of date (the date placeholder). */
  source?: TextShape;
  date: TextShape;
  /** The slide number placeholder. */
  number: TextShape;
  logo?: { data: string; box: Box };
  /** The footer band (its rule is drawn along its top). */
  footerBox: Box;
  rule: string;
}

export interface SlideIR {
  layout: LayoutName;
  shapes: Shape[];
  notes?: string;
  /** The slide's own background colour when it differs from its layout's (the title slide). */
  background?: string;
  /** The number shown on the slide (none on the title slide). */
  numbered: boolean;
}

export interface DeckIR {
  title: string;
  subject: string;
  author?: string;
  company?: string;
  lang: string;
  rtl: boolean;
  /** Every timestamp in the file. */
  date: Date;
  theme: Theme;
  layouts: Layout[];
  chrome: Chrome;
  slides: SlideIR[];
}
