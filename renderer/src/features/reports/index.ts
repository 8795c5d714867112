export { ReportsPage } from './ReportsPage';
export { reportsSlice } from './reportsSlice';
