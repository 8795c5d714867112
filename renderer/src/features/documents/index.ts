export { DocumentsPage } from './DocumentsPage';
export { AgreementTab } from './AgreementTab';
export { RegisterTable } from './RegisterTable';
export { PrintDocumentButton } from './PrintDocumentButton';
export { CaseWorkDocumentDialog, type CaseWorkDocumentKind, type CaseWorkDocumentTarget } from './CaseWorkDocumentDialog';
export { TriangleRadar, TRIANGLE_CHART, type TriangleSeries } from './TriangleRadar';
export { chartPng, trianglePng, type LegendItem } from './chartPng';
export { GenerateDialog, documentLanguageFor } from './GenerateDialog';
export { generateDocument } from './generate';
