export { DocumentsPage } from './DocumentsPage';
export { AgreementTab } from './AgreementTab';
export { RegisterTable } from './RegisterTable';
