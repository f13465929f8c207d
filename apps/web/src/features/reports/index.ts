/** What other parts of the app may use from the reports feature (the home page's card). */
export { ReportsReadyCard } from './components/ReportsReadyCard';
