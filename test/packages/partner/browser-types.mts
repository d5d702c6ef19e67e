// Compiled under lib es2023 + dom without @types/node: what a browser app sees of the
// packed declarations of sdk-core and sdk-browser (and its signer entries).

import { createJitaiClient, remoteSigner } from '@signet/sdk-browser';
import { signDataFluxRequest } from '@signet/sdk-browser/signer/dataflux';
import { signHmacRequest } from '@signet/sdk-browser/signer/hmac';
import { signJitaiRequest } from '@signet/sdk-browser/signer/jitai';
import { createJitaiClient as coreClient, type FetchCredentials } from '@signet/sdk-core';

const credentials: FetchCredentials = 'same-origin';
export const web = createJitaiClient({
  baseUrl: 'https://host/api/org/app',
  accessKey: 'partner01',
  auth: remoteSigner({ endpoint: '/sign', credentials, headers: () => ({ 'X-CSRF': 't' }) }),
  credentials: 'omit',
});
export const signers = [signJitaiRequest, signDataFluxRequest, signHmacRequest, coreClient];
