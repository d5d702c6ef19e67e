import type { ServerDefaults } from '../auth/types.js';

/**
 * DataFlux Func as observed at 5.0.0 (PROTOCOLS §2), for strategies whose headers depend
 * on the server: its Digest parser reads only `key="value"` / `key=token` pairs (never RFC
 * 7616 `username*`) from header bytes decoded as Latin-1, so a user name passes only as a
 * quoted Latin-1 `username="zoë"`, what Python `requests` sends.
 */
export const DATAFLUX_SERVER_DEFAULTS: ServerDefaults = {
  server: 'DataFlux Func',
  latin1AuthParams:
    'DataFlux Func decodes Digest headers as Latin-1 and never reads RFC 7616 username*',
};
