import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import ripple from './architecture.cjs';

// The layering rule on small samples, with the real layers: each boundary must be able to fail.
const root = join(__dirname, '..', '..');
const file = (rel: string): string => join(root, rel);
const options = [{ root }];
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' } });

tester.run('ripple/architecture', ripple.rules.architecture, {
  valid: [
    // (b) downwards through the index
    { filename: file('libs/reports/src/reports.service.ts'), code: "import { CyclesService } from '@lib/cycles';", options },
    { filename: file('libs/cycles/src/cycles.service.ts'), code: "import { AppException } from '@lib/common';", options },
    { filename: file('libs/demo/src/demo.service.ts'), code: "import { ReportsService } from '@lib/reports';", options },
    // inside a library: relative paths
    { filename: file('libs/reports/src/access/report-access.ts'), code: "import { x } from '../domain/anonymity';", options },
    // the migrator runs the migrations' list
    { filename: file('libs/database/src/data-source-options.ts'), code: "import { MIGRATIONS } from '../../../migrations';", options },
    // the composition root may use every library
    { filename: file('apps/api/src/app.module.ts'), code: "import { DemoModule } from '@lib/demo';", options },
    // (c) features use shared code and their own files; app/ composes features
    {
      filename: file('apps/web/src/features/cycles/routes/CyclesPage.tsx'),
      code: "import { Card } from '@/components/ui';\nimport { x } from '../api/get-cycle';",
      options,
    },
    { filename: file('apps/web/src/app/home/HomePage.tsx'), code: "import { WhatNeedsYou } from '@/features/feedback';", options },
    // tests may import anything
    { filename: file('tests/e2e/reports-exports.e2e-spec.ts'), code: "import { pdfTextRuns } from '../../libs/reports/src/export/testing/pdf-text';", options },
    { filename: file('tests/e2e/x.e2e-spec.ts'), code: "import { x } from '@lib/reports';", options },
    // packages are not the rule's business
    { filename: file('libs/cycles/src/cycles.service.ts'), code: "import { Injectable } from '@nestjs/common';", options },
  ],
  invalid: [
    // (a) never a path into a library from outside it
    {
      filename: file('libs/reports/src/reports.service.ts'),
      code: "import { CyclesService } from '../../cycles/src/cycles.service';",
      options,
      errors: [{ messageId: 'libraryByPath' }],
    },
    {
      filename: file('apps/api/src/app.module.ts'),
      code: "import { x } from '../../../libs/common/src/config/app-config';",
      options,
      errors: [{ messageId: 'libraryByPath' }],
    },
    {
      filename: file('migrations/data-source.ts'),
      code: "import { x } from '../libs/database/src/data-source-options';",
      options,
      errors: [{ messageId: 'libraryByPath' }],
    },
    {
      filename: file('apps/api/src/app.module.ts'),
      code: "import { x } from '@lib/cycles/domain/cycle-state';",
      options,
      errors: [{ messageId: 'deepAlias' }],
    },
    {
      filename: file('libs/cycles/src/cycles.service.ts'),
      code: "export { x } from '@lib/common/errors/app.exception';",
      options,
      errors: [{ messageId: 'deepAlias' }],
    },
    // (b) never upwards, nor sideways within a layer, nor through its own index
    { filename: file('libs/cycles/src/cycles.service.ts'), code: "import { ReportsService } from '@lib/reports';", options, errors: [{ messageId: 'upward' }] },
    { filename: file('libs/common/src/index.ts'), code: "export * from '@lib/identity';", options, errors: [{ messageId: 'upward' }] },
    { filename: file('libs/audit/src/audit.service.ts'), code: "import { JobsService } from '@lib/jobs';", options, errors: [{ messageId: 'upward' }] },
    { filename: file('libs/identity/src/people/people.service.ts'), code: "const m = import('@lib/demo');", options, errors: [{ messageId: 'upward' }] },
    { filename: file('libs/cycles/src/cycles.service.ts'), code: "import { x } from '@lib/cycles';", options, errors: [{ messageId: 'selfAlias' }] },
    { filename: file('libs/brand-new/src/x.service.ts'), code: "import { x } from '@lib/common';", options, errors: [{ messageId: 'unknownLibrary' }] },
    // ... and a library does not reach outside libs/
    {
      filename: file('libs/cycles/src/cycles.service.ts'),
      code: "import { x } from '../../../apps/api/src/bootstrap';",
      options,
      errors: [{ messageId: 'outsideLibrary' }],
    },
    {
      filename: file('libs/reports/src/reports.service.ts'),
      code: "import { x } from '../../../migrations';",
      options,
      errors: [{ messageId: 'outsideLibrary' }],
    },
    // (c) features do not import each other; shared web code imports no feature
    {
      filename: file('apps/web/src/features/home/routes/HomePage.tsx'),
      code: "import { WhatNeedsYou } from '@/features/feedback';",
      options,
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: file('apps/web/src/features/reports/components/X.tsx'),
      code: "import { y } from '../../cycles/components/cycle-format';",
      options,
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: file('apps/web/src/components/ui/Card.tsx'),
      code: "import { x } from '@/features/reports/utils/words';",
      options,
      errors: [{ messageId: 'sharedImportsFeature' }],
    },
    { filename: file('apps/web/src/lib/auth.ts'), code: "import { routes } from '../app/routes';", options, errors: [{ messageId: 'sharedImportsFeature' }] },
  ],
});

describe('the library layers', () => {
  it('name every library under libs/ exactly once', () => {
    const names = ripple.LIBRARY_LAYERS.flat();
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(readdirSync(join(root, 'libs')).sort());
  });
});
