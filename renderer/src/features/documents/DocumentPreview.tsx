import { Box } from '@mui/material';
import { useMemo, type CSSProperties } from 'react';
import { imageCaption, PAGE, signatureTable, type Block, type DocModel, type Image, type Paragraph, type Table } from '../../documents/model';

/**
 * The document as it will print, rendered from the same model the DOCX writer takes: the same
 * paragraphs in the same order, on A4 sheets with the official margins and Times New Roman.
 * Each part (the decision, each appendix) starts a new sheet, as it starts a new page in print.
 */
export function DocumentPreview({ model }: { model: DocModel }) {
  return (
    <Box
      data-testid="document-preview"
      lang={model.language}
      sx={{ bgcolor: 'grey.200', p: 2, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 2, '@media print': { bgcolor: 'transparent', p: 0, gap: 0 } }}
    >
      {model.sections.map((section, index) => (
        <Box
          key={index}
          className="document-sheet"
          sx={{
            bgcolor: 'common.white',
            color: 'common.black',
            boxShadow: 2,
            width: `${PAGE.widthMm}mm`,
            minHeight: `${PAGE.heightMm}mm`,
            boxSizing: 'border-box',
            padding: `${PAGE.margin.topMm}mm ${PAGE.margin.rightMm}mm ${PAGE.margin.bottomMm}mm ${PAGE.margin.leftMm}mm`,
            fontFamily: `'${PAGE.font}', 'Liberation Serif', serif`,
            fontSize: `${PAGE.sizePt}pt`,
            lineHeight: 1.15,
            '@media print': { boxShadow: 'none', minHeight: 0, breakAfter: 'page' },
          }}
        >
          {section.blocks.map((block, blockIndex) => (
            <PreviewBlock key={blockIndex} block={block} />
          ))}
        </Box>
      ))}
    </Box>
  );
}

function paragraphStyle(p: Paragraph, inTable: boolean): CSSProperties {
  return {
    margin: 0,
    marginTop: `${p.spaceBeforePt ?? 0}pt`,
    marginBottom: `${p.spaceAfterPt ?? 0}pt`,
    textAlign: p.align ?? 'justify',
    fontSize: p.size ? `${p.size}pt` : undefined,
    textIndent: p.label ? `-${PAGE.labelMm}mm` : p.firstLine && !inTable ? `${PAGE.firstLineMm}mm` : undefined,
    paddingLeft: `${(p.indentMm ?? 0) + (p.label ? PAGE.labelMm : 0)}mm`,
    breakAfter: p.keepWithNext ? 'avoid' : undefined,
  };
}

function PreviewParagraph({ paragraph, inTable = false }: { paragraph: Paragraph; inTable?: boolean }) {
  return (
    <p style={paragraphStyle(paragraph, inTable)}>
      {paragraph.label && (
        <span data-label style={{ display: 'inline-block', width: `${PAGE.labelMm}mm`, textIndent: 0 }}>
          {paragraph.label}
        </span>
      )}
      {paragraph.runs.map((run, index) => (
        <span key={index} style={{ fontWeight: run.bold ? 700 : undefined, fontStyle: run.italic ? 'italic' : undefined, letterSpacing: run.spaced ? '3pt' : undefined }}>
          {run.text}
        </span>
      ))}
    </p>
  );
}

function PreviewTable({ table }: { table: Table }) {
  const border = table.borders ? '0.5pt solid black' : 'none';
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', marginBottom: '6pt' }}>
      <colgroup>
        {table.widths.map((width, index) => (
          <col key={index} style={{ width: `${width}%` }} />
        ))}
      </colgroup>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex} style={{ fontWeight: table.header && rowIndex === 0 ? 700 : undefined }}>
            {row.map((cell, cellIndex) => (
              <td key={cellIndex} colSpan={cell.span} style={{ border, padding: '2pt 4pt', verticalAlign: 'top' }}>
                {cell.paragraphs.map((p, index) => (
                  <PreviewParagraph key={index} paragraph={p} inTable />
                ))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The bytes as a data URL: the preview renders on the server in tests too, where object URLs do not exist. */
function pngDataUrl(png: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < png.length; index += 0x8000) binary += String.fromCharCode(...png.subarray(index, index + 0x8000));
  return `data:image/png;base64,${btoa(binary)}`;
}

function PreviewImage({ image }: { image: Image }) {
  const src = useMemo(() => pngDataUrl(image.png), [image.png]);
  const caption = imageCaption(image);
  return (
    <>
      <div style={{ textAlign: 'center', marginTop: '6pt', marginBottom: caption ? 0 : '6pt', breakAfter: caption ? 'avoid' : undefined }}>
        <img src={src} alt={image.caption ?? ''} style={{ width: `${image.widthMm}mm`, height: `${image.heightMm}mm` }} />
      </div>
      {caption && <PreviewParagraph paragraph={caption} />}
    </>
  );
}

function PreviewBlock({ block }: { block: Block }) {
  if (block.type === 'paragraph') return <PreviewParagraph paragraph={block} />;
  if (block.type === 'table') return <PreviewTable table={block} />;
  if (block.type === 'image') return <PreviewImage image={block} />;
  return <PreviewTable table={signatureTable(block)} />;
}
