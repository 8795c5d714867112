export { ConferencesPage } from './ConferencesPage';
export { CaseConferences } from './CaseConferences';
