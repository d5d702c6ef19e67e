// The same real calls as calls.cjs, through `import`: see that file.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
process.argv[2] = 'import';
require('./calls.cjs');
