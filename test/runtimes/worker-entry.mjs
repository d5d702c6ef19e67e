// Entry for workerd (Cloudflare Workers): bundled by the runner with the BUILT sdk-core
// ESM bundle into one module. The runner POSTs the input; the answer is the report.
import * as signer from '../../packages/sdk-browser/dist/signer.js';
import * as sdk from '../../packages/sdk-core/dist/index.js';
import { runSmoke } from './smoke.mjs';

export default {
  async fetch(request) {
    const input = await request.json();
    return Response.json(await runSmoke(sdk, signer, input));
  },
};
