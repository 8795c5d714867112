export { OfficeForm, EMPTY_OFFICE_DRAFT } from './OfficeForm';
