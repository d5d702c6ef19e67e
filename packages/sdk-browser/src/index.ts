export { VERSION } from '@signet/sdk-core';
