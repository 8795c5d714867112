export { AssessmentTab } from './AssessmentTab';
export { MonitoringTab } from './MonitoringTab';
