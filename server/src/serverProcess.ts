/**
 * Node flags the editor starts the language server with. Only what must be given at launch is here; the heap's
 * growth factor is set by the server itself (heap.ts), so any editor running `node dist/server.js` gets it.
 *
 * `--max-semi-space-size=4`: V8's young generation grows to 3 x 16 MB while a large blog is read, and that memory
 * stays resident afterwards; at 4 MB the server indexing 10,000 posts stays about 30 MB smaller (248 -> 218 MB in
 * process), for the same indexing time. It cannot be changed once the process runs.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
