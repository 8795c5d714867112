import { para, type Block, type Paragraph, type Table } from './model';
import type { DocumentTexts, Vars } from './texts';

/** Shared pieces of official documents, so every builder sets them the same way. */

export const heading = (text: string, options: Partial<Paragraph> = {}): Paragraph =>
  para(text, { align: 'center', bold: true, keepWithNext: true, spaceBeforePt: 12, spaceAfterPt: 6, ...options });

export const body = (text: string): Paragraph => para(text, { firstLine: true, spaceAfterPt: 0 });

export const point = (label: string, text: string): Paragraph => para(text, { label, spaceAfterPt: 0 });

/**
 * The corner stamp of an appendix, small and in the right half of the page:
 * "Tuman hokimining … qaroriga 1-ILOVA".
 */
export const appendixStamp = (text: string): Paragraph => para(text, { align: 'center', size: 12, indentMm: 95, spaceAfterPt: 18 });

/** A line of three parts — date at the left, number in the middle, place at the right — set as a borderless table. */
export function dateNumberPlace(date: string, number: string, place: string): Table {
  return {
    type: 'table',
    widths: [40, 25, 35],
    header: false,
    borders: false,
    rows: [
      [
        { paragraphs: [para(date, { align: 'left' })] },
        { paragraphs: [para(number, { align: 'center' })] },
        { paragraphs: [para(place, { align: 'right' })] },
      ],
    ],
  };
}

/** A chapter of numbered points whose texts are kept one per line; numbering continues from `start`. */
export function numberedLines(texts: DocumentTexts, key: string, label: (n: number) => string, start = 1, vars?: Vars): Block[] {
  return texts.lines(key, vars).map((line, index) => point(label(start + index), line));
}

/** A group heading across a two-column composition table. */
export const spanRow = (text: string, span: number) => [{ span, paragraphs: [para(text, { bold: true, align: 'left' as const })] }];
