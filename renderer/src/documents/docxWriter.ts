import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell as DocxTableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { imageCaption, PAGE, signatureTable, textWidthMm, type Align, type Block, type DocLanguage, type DocModel, type Image, type Paragraph, type Table } from './model';

/** Word's language tags, so spelling and hyphenation follow the document's language. */
const LANGUAGE_TAG: Record<DocLanguage, string> = { 'uz-Latn': 'uz-Latn-UZ', 'uz-Cyrl': 'uz-Cyrl-UZ', ru: 'ru-RU' };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

// Twips rounded to nearest, so A4 is Word's own 11906 × 16838 (docx's converter truncates).
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const twipsFromPt = (pt: number) => pt * 20;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function paragraph(model: Paragraph, options: { inTable?: boolean } = {}): DocxParagraph {
  const size = model.size ?? PAGE.sizePt;
  const children = [
    ...(model.label ? [new TextRun({ text: `${model.label}\t`, size: halfPoints(size) })] : []),
    ...model.runs.map(
      (run) =>
        new TextRun({
          text: run.text,
          bold: run.bold,
          italics: run.italic,
          size: halfPoints(size),
          // Spaced capitals: 3 pt between letters rather than typed spaces, so the word stays one word.
          ...(run.spaced ? { characterSpacing: 60 } : {}),
        }),
    ),
  ];
  const labelTwips = mm(PAGE.labelMm);
  const left = mm(model.indentMm ?? 0) + (model.label ? labelTwips : 0);
  return new DocxParagraph({
    children,
    alignment: ALIGN[model.align ?? 'justify'],
    indent: {
      ...(left ? { left } : {}),
      ...(model.label ? { hanging: labelTwips } : model.firstLine && !options.inTable ? { firstLine: mm(PAGE.firstLineMm) } : {}),
    },
    ...(model.label ? { tabStops: [{ type: 'left', position: left }] } : {}),
    spacing: { before: twipsFromPt(model.spaceBeforePt ?? 0), after: twipsFromPt(model.spaceAfterPt ?? 0) },
    keepNext: model.keepWithNext,
  });
}

function columnTwips(widths: readonly number[]): number[] {
  const total = mm(textWidthMm);
  return widths.map((percent) => Math.round((total * percent) / 100));
}

function table(model: Table): DocxTable {
  const columns = columnTwips(model.widths);
  const border = model.borders ? SINGLE : NONE;
  return new DocxTable({
    layout: TableLayoutType.FIXED,
    width: { size: mm(textWidthMm), type: WidthType.DXA },
    columnWidths: columns,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: model.rows.map((row, rowIndex) => {
      let column = 0;
      return new TableRow({
        tableHeader: model.header && rowIndex === 0,
        cantSplit: true,
        children: row.map((cell) => {
          const span = cell.span ?? 1;
          const width = columns.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          const header = model.header && rowIndex === 0;
          return new DocxTableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
            children: cell.paragraphs.map((p) => paragraph(header ? { ...p, runs: p.runs.map((run) => ({ ...run, bold: true })) } : p, { inTable: true })),
          });
        }),
      });
    }),
  });
}

/** Pixels at 96 to the inch, the unit docx sizes pictures in. */
const px = (mm: number) => Math.round((mm * 96) / 25.4);

/** A picture on its own centred line, kept with its caption, then the caption. */
function image(model: Image): DocxParagraph[] {
  const caption = imageCaption(model);
  const picture = new DocxParagraph({
    alignment: AlignmentType.CENTER,
    keepNext: !!caption,
    // The line rule said outright: LibreOffice reads the document default's bare `w:line` as a fixed
    // line height and would clip the picture to one line of text.
    spacing: { before: twipsFromPt(6), after: twipsFromPt(caption ? 0 : 6), line: 240, lineRule: LineRuleType.AUTO },
    children: [new ImageRun({ type: 'png', data: model.png, transformation: { width: px(model.widthMm), height: px(model.heightMm) }, altText: { name: model.caption ?? 'chart', description: model.caption ?? '', title: model.caption ?? '' } })],
  });
  return caption ? [picture, paragraph(caption)] : [picture];
}

function block(model: Block): (DocxParagraph | DocxTable)[] {
  if (model.type === 'paragraph') return [paragraph(model)];
  if (model.type === 'table') return [table(model)];
  if (model.type === 'image') return image(model);
  return [table(signatureTable(model))];
}

/**
 * Two tables in a row become one in Word and LibreOffice, the second taking the first's borders:
 * an empty paragraph keeps them apart (a table of steps stays ruled above a borderless signature).
 */
function separateTables(children: (DocxParagraph | DocxTable)[]): (DocxParagraph | DocxTable)[] {
  return children.flatMap((child, index) =>
    index > 0 && child instanceof DocxTable && children[index - 1] instanceof DocxTable ? [new DocxParagraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text: '', size: halfPoints(6) })] }), child] : [child],
  );
}

/** The page number at the top centre from the second page on, as official documents number pages. */
function pageNumberHeader(): Header {
  return new Header({
    children: [new DocxParagraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(12) })] })],
  });
}

export function toDocxDocument(model: DocModel): Document {
  const sections: ISectionOptions[] = model.sections.map((section) => ({
    properties: {
      titlePage: true,
      page: {
        size: { width: mm(PAGE.widthMm), height: mm(PAGE.heightMm) },
        margin: { top: mm(PAGE.margin.topMm), bottom: mm(PAGE.margin.bottomMm), left: mm(PAGE.margin.leftMm), right: mm(PAGE.margin.rightMm), header: mm(10), footer: mm(10) },
      },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: separateTables(section.blocks.flatMap(block)),
  }));
  return new Document({
    title: model.title,
    creator: 'Hamkorlik',
    styles: {
      default: {
        document: {
          run: { font: PAGE.font, size: halfPoints(PAGE.sizePt), language: { value: LANGUAGE_TAG[model.language] } },
          paragraph: { spacing: { line: 240 } },
        },
      },
    },
    sections,
  });
}

/** Packs a document model into DOCX bytes (works in the page and in Node). */
export async function writeDocx(model: DocModel): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(toDocxDocument(model)));
}
