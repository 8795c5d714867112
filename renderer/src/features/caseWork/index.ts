export { AssessmentTab } from './AssessmentTab';
export { MonitoringTab } from './MonitoringTab';
export { PlacementsPanel } from './PlacementsPanel';
export { PlanTab } from './PlanTab';
