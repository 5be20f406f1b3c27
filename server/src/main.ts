import { limitHeapGrowth } from './heap';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { guardedConnection } from './guardedConnection';
import { startServer } from './server';

// Edits make short-lived garbage; a growth of half what survived keeps the server near its live size.
limitHeapGrowth(50);

// `createConnection` picks the transport from the command line: --stdio, --node-ipc or --socket=N.
const connection = createConnection(ProposedFeatures.all);
// A background update that fails is logged, not fatal: the next edit or save brings the model back.
process.on('unhandledRejection', (error) => connection.console.error(`Blogwright: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
startServer(guardedConnection(connection));
