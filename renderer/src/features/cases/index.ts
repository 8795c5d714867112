export { CasesPage } from './CasesPage';
export { CaseCardPage } from './CaseCardPage';
export { CaseFormPage } from './CaseFormPage';
export { casesSlice, selectionShown } from './casesSlice';
export { describeValue, fieldLabel, type NameLookup } from './describeChange';
export { useGridLocaleText } from './useGridLocaleText';
export { StageChip } from './StageChip';
export { TransferredAlert } from './TransferredAlert';
export { useCaseOptions } from './useCaseOptions';
