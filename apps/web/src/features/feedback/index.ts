/** What other parts of the app may use from the feedback feature (the home page's card). */
export { useInAnyCycle, WhatNeedsYou } from './components/WhatNeedsYou';
