import { ResponseError, type Connection } from 'vscode-languageserver';

/** Registrations whose handlers are part of the protocol's life cycle: their failures must surface as they are. */
const LIFECYCLE = new Set(['onInitialize', 'onInitialized', 'onShutdown', 'onExit']);

/**
 * The connection, with every handler registered through it guarded: a feature that throws on one document is
 * logged with the request and the document, and answered with `null` (an empty answer in every LSP request), so
 * the editor shows no error popup and the server keeps serving. A `ResponseError` a handler throws on purpose
 * (a refused rename) still reaches the editor.
 */
export function guardedConnection(connection: Connection): Connection {
  const log = (what: string, params: unknown, error: unknown) => {
    connection.console.error(`Blogwright: ${what} failed on ${documentOf(params)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return null;
  };
  const guard = (what: string, handler: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]): unknown {
      try {
        const result = handler.apply(this, args);
        return result instanceof Promise ? result.catch((error: unknown) => rethrowOr(error, () => log(what, args[0], error))) : result;
      } catch (error) {
        return rethrowOr(error, () => log(what, args[0], error));
      }
    };
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !/^on[A-Z]/.test(property) || LIFECYCLE.has(property) || typeof value !== 'function') {
        return value;
      }
      return (...args: unknown[]) => {
        const last = args.length - 1;
        const handler = args[last];
        if (typeof handler === 'function') {
          const method = typeof args[0] === 'string' ? args[0] : (args[0] as { method?: string } | undefined)?.method;
          args[last] = guard(method && last > 0 ? method : property.slice(2), handler as (...a: unknown[]) => unknown);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

function rethrowOr(error: unknown, fallback: () => null): null {
  if (error instanceof ResponseError) {
    throw error;
  }
  return fallback();
}

function documentOf(params: unknown): string {
  const p = params as { textDocument?: { uri?: unknown }; uri?: unknown } | undefined;
  const uri = p?.textDocument?.uri ?? p?.uri;
  return typeof uri === 'string' ? uri : 'the blog';
}
