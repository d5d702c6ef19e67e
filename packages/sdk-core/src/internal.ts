// @signet/sdk-core/internal — building blocks that signet's own packages share (the
// testing kit's Python-exact serializers). Not part of the public API: names here may
// change in any release. Every name, explicitly.

export { concatBytes } from './crypto/encoding.js';
export { CallCredentials } from './http/credentials.js';
export { MIN_SECRET_LENGTH, Redactor, secretForms } from './http/redact.js';
export { sortByCodePoint, sortEntries } from './json/codepoint.js';
export { exceedsJsonDepth, MAX_JSON_DEPTH } from './json/limits.js';
export { losslessObjectPrototype } from './json/lossless-number.js';
export { isWellFormed, quoteJsonString } from './json/quote.js';
