import { limitHeapGrowth } from './heap';
import { createConnection, Message, ProposedFeatures } from 'vscode-languageserver/node';
import { guardedConnection } from './guardedConnection';
import { startServer } from './server';
import { cancelled } from './languageFeatures';

// Edits make short-lived garbage; a growth of half what survived keeps the server near its live size.
limitHeapGrowth(50);

// Input read and messages handled so far: background work pauses until a turn of the event loop passes with neither.
let activity = 0;
// `createConnection` picks the transport from the command line: --stdio, --node-ipc or --socket=N.
// A request cancelled before it is dispatched is answered RequestCancelled from the queue, never computed.
const connection = createConnection(ProposedFeatures.all, {
  connectionStrategy: {
    cancelUndispatched: (message) => (Message.isRequest(message) ? { jsonrpc: message.jsonrpc, id: message.id, error: cancelled().toJson() } : undefined),
  },
  messageStrategy: {
    handleMessage: (message, handle) => {
      activity++;
      return handle(message);
    },
  },
});
// A background update that fails is logged, not fatal: the next edit or save brings the model back.
process.on('unhandledRejection', (error) => connection.console.error(`Blogwright: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
// A message is read in one turn and dispatched in a later one: its arrival counts too, or a pause could end in
// between and leave it waiting behind the next slice of work. (Over a socket or pipe only its handling counts.)
if (process.argv.includes('--stdio')) {
  process.stdin.on('data', () => activity++);
} else if (process.argv.includes('--node-ipc')) {
  process.on('message', () => activity++);
}
startServer(guardedConnection(connection), { activity: () => activity });
