/** What other parts of the app may use from the feedback feature (the home page's card). */
export { WhatNeedsYou } from './components/WhatNeedsYou';
