/**
 * The deepest nesting of arrays and objects signet writes or reads: about Python's own
 * recursion limit (its `json` stops near 996), and far below what would overflow a JS
 * stack. One number for every writer and the lossless reader, so a value signet accepts
 * to send is one it would accept to read back.
 */
export const MAX_JSON_DEPTH = 1000;
