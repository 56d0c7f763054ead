// @ts-check
/**
 * Entry point: `node services/orders/server.mjs`. Reads the environment once, starts the service
 * and stops it cleanly on SIGTERM or SIGINT. See the README section "A resource service that
 * trusts the JWKS alone" for the variables.
 */
import { readOrdersConfig } from './config.mjs';
import { createOrdersService } from './service.mjs';

/** Open keep-alive connections get this long to finish before they are cut. */
const STOP_GRACE_MS = 3_000;

/** @type {import('./config.mjs').OrdersConfig} */
let config;
try {
  config = readOrdersConfig(process.env);
} catch (error) {
  console.error(`orders service: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { server } = createOrdersService(config);

server.on('error', (error) => {
  console.error(`orders service: cannot listen on ${config.host}:${config.port}: ${error.message}`);
  process.exit(1);
});

server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  process.stdout.write(`orders service listening on http://${host}:${port}\n`);
});

/** @param {NodeJS.Signals} signal */
function stop(signal) {
  process.stdout.write(`orders service: ${signal}, stopping\n`);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, STOP_GRACE_MS).unref();
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
