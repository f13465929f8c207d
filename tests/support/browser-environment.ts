import type { Circus } from '@jest/types';
import SharedContextEnvironment from './shared-environment';

/** The test's full name, e.g. "Foundation in the browser signs in". */
function fullName(test: Circus.TestEntry): string {
  const names: string[] = [test.name];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) {
    names.unshift(block.name);
  }
  return names.join(' ');
}

/**
 * The browser tests' Jest environment: Node's, plus a picture of every open page when a test or
 * a hook fails (tests/support/browser.ts registers the camera), before any afterEach/afterAll can
 * close the pages. Screenshots of passing tests are written only with SCREENSHOTS=1.
 */
export default class BrowserTestEnvironment extends SharedContextEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const picture = (this.global as { __rippleOnTestFailure?: (testName: string) => Promise<void> }).__rippleOnTestFailure;
    if (typeof picture !== 'function') return;
    let name: string;
    if (event.name === 'test_fn_failure') name = fullName(event.test);
    else name = event.test ? fullName(event.test) : `${event.hook.type} hook${event.describeBlock ? ` in ${event.describeBlock.name}` : ''}`;
    await picture(name);
  }
}
