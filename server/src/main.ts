import { limitHeapGrowth } from './heap';
import { createConnection, Message, ProposedFeatures } from 'vscode-languageserver/node';
import { guardedConnection } from './guardedConnection';
import { startServer } from './server';
import { cancelled } from './languageFeatures';

// Edits make short-lived garbage; a growth of half what survived keeps the server near its live size.
limitHeapGrowth(50);

// Messages handled so far: background work pauses until every message that has arrived is handled.
let handledMessages = 0;
// `createConnection` picks the transport from the command line: --stdio, --node-ipc or --socket=N.
// A request cancelled before it is dispatched is answered RequestCancelled from the queue, never computed.
const connection = createConnection(ProposedFeatures.all, {
  connectionStrategy: {
    cancelUndispatched: (message) => (Message.isRequest(message) ? { jsonrpc: message.jsonrpc, id: message.id, error: cancelled().toJson() } : undefined),
  },
  messageStrategy: {
    handleMessage: (message, handle) => {
      handledMessages++;
      return handle(message);
    },
  },
});
// A background update that fails is logged, not fatal: the next edit or save brings the model back.
process.on('unhandledRejection', (error) => connection.console.error(`Blogwright: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
startServer(guardedConnection(connection), { handledMessages: () => handledMessages });
