/**
 * The document model: what a builder produces and what both the DOCX writer and the in-app
 * preview render, so that the preview shows the very paragraphs, in the very order, that print.
 * Plain data, no `docx` or React types: builders stay pure and tests read the model directly.
 */

export type DocLanguage = 'uz-Latn' | 'uz-Cyrl' | 'ru';
export const DOC_LANGUAGES: readonly DocLanguage[] = ['uz-Latn', 'uz-Cyrl', 'ru'];

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Letter-spaced capitals, as the "Q A R O R I" line of a decision is set. */
  spaced?: boolean;
}

export interface Paragraph {
  type: 'paragraph';
  runs: Run[];
  align?: Align;
  /** Points; body text is 14. */
  size?: number;
  /** First-line indent of body text (12.5 mm, the official paragraph indent). */
  firstLine?: boolean;
  /** A label set before the text with a hanging indent: "1.", "a)", "–". */
  label?: string;
  /** Left indent in millimetres (the appendix stamp sits in the right half of the page). */
  indentMm?: number;
  spaceBeforePt?: number;
  spaceAfterPt?: number;
  keepWithNext?: boolean;
}

export interface TableCell {
  paragraphs: Paragraph[];
  /** How many columns the cell spans (a group heading across the table). */
  span?: number;
}

export interface Table {
  type: 'table';
  /** Column widths in per cent of the text width. */
  widths: number[];
  /** The first row repeats on every page and is set in bold. */
  header: boolean;
  borders: boolean;
  rows: TableCell[][];
}

/**
 * Who signs: a position on the left, the name on the right, on one line; several signers stack.
 * Printed as a borderless two-column table so the name stays at the right margin.
 */
export interface Signature {
  type: 'signature';
  lines: { position: string; name: string }[];
  /** A line to sign on before each name (an agreement signed by hand by both parties). */
  blank?: boolean;
}

/**
 * A picture (the assessment triangle's chart), centred, at a size given in millimetres; the caption,
 * when there is one, is its own paragraph under it, so it reads like any other text of the document.
 * The builder gets the PNG as data: drawing it is the screen's job, placing it the document's.
 */
export interface Image {
  type: 'image';
  png: Uint8Array;
  widthMm: number;
  heightMm: number;
  caption?: string;
}

export type Block = Paragraph | Table | Signature | Image;

/** The caption paragraph of a picture, as both the DOCX and the preview set it. */
export function imageCaption(image: Image): Paragraph | null {
  return image.caption ? { type: 'paragraph', runs: [{ text: image.caption, italic: true }], align: 'center', size: 12, spaceAfterPt: 6 } : null;
}

/** Width and height in pixels of PNG bytes (from the IHDR chunk), or null when they are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((byte, index) => png[index] !== byte)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * A picture fitted into `maxWidthMm` × `maxHeightMm`, keeping its proportions; null when the bytes
 * are not a PNG (a chart that failed to draw is left out rather than printed as a broken image).
 */
export function fittedImage(png: Uint8Array, maxWidthMm: number, maxHeightMm: number, caption?: string): Image | null {
  const size = pngSize(png);
  if (!size || size.width === 0 || size.height === 0) return null;
  const scale = Math.min(maxWidthMm / size.width, maxHeightMm / size.height);
  const round = (mm: number) => Math.round(mm * 10) / 10;
  return { type: 'image', png, widthMm: round(size.width * scale), heightMm: round(size.height * scale), ...(caption ? { caption } : {}) };
}

const SIGNATURE_BLANK = '________________';

/** A signature block as it is laid out: a borderless table, position left, name at the right margin. */
export function signatureTable(signature: Signature): Table {
  const cell = (text: string, align: Align): TableCell => ({ paragraphs: [{ type: 'paragraph', runs: [{ text, bold: true }], align, spaceBeforePt: 12 }] });
  const name = (text: string) => (signature.blank ? `${SIGNATURE_BLANK} ${text}` : text);
  return { type: 'table', widths: [50, 50], header: false, borders: false, rows: signature.lines.map((line) => [cell(line.position, 'left'), cell(name(line.name), 'right')]) };
}

/** A part that starts on a new page: the decision itself, then each appendix. */
export interface Section {
  blocks: Block[];
}

export interface DocModel {
  language: DocLanguage;
  /** The file's title property and the register's description. */
  title: string;
  sections: Section[];
}

/** Page setup every document shares: A4 with the official margins, Times New Roman 14 pt. */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  margin: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 },
  font: 'Times New Roman',
  sizePt: 14,
  firstLineMm: 12.5,
  /** The label column of numbered points. */
  labelMm: 10,
} as const;

export const textWidthMm = PAGE.widthMm - PAGE.margin.leftMm - PAGE.margin.rightMm;

// Small constructors keep builders readable.

export function para(text: string, options: Omit<Paragraph, 'type' | 'runs'> & { bold?: boolean; italic?: boolean } = {}): Paragraph {
  const { bold, italic, ...rest } = options;
  return { type: 'paragraph', runs: [{ text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) }], ...rest };
}

export function runs(parts: Run[], options: Omit<Paragraph, 'type' | 'runs'> = {}): Paragraph {
  return { type: 'paragraph', runs: parts, ...options };
}

/** The text of a paragraph as it prints (label, then runs). */
export function paragraphText(paragraph: Paragraph): string {
  const body = paragraph.runs.map((run) => run.text).join('');
  return paragraph.label ? `${paragraph.label} ${body}` : body;
}

/**
 * Every paragraph of a document in print order: sections, then blocks; a table row by row, cell by
 * cell; a signature line as its position then its name; a picture as its caption. The DOCX and the
 * preview both follow it.
 */
export function modelParagraphs(model: DocModel): string[] {
  const out: string[] = [];
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.type === 'paragraph') out.push(paragraphText(block));
      else if (block.type === 'table') for (const row of block.rows) for (const cell of row) for (const p of cell.paragraphs) out.push(paragraphText(p));
      else if (block.type === 'image') {
        const caption = imageCaption(block);
        if (caption) out.push(paragraphText(caption));
      } else for (const row of signatureTable(block).rows) for (const cell of row) for (const p of cell.paragraphs) out.push(paragraphText(p));
    }
  }
  return out;
}
