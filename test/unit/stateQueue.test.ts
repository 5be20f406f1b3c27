import * as assert from 'node:assert';
import { StateQueue } from '../../server/src/session/stateQueue';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

suite('state queue pauses', () => {
  test('a pause lasts until a message read during it is handled: the connection reads in one turn and dispatches in a later one', async () => {
    let activity = 0;
    let handled = false;
    const queue = new StateQueue(
      (error) => assert.fail(String(error)),
      () => activity,
    );
    const pausing = queue.pause();
    // As vscode-jsonrpc does: input read (counted), decoded in an immediate, dispatched in the next one.
    setImmediate(() => {
      activity++;
      setImmediate(() =>
        setImmediate(() => {
          activity++;
          handled = true;
        }),
      );
    });
    await pausing;
    assert.ok(handled, 'the message was handled before the pause ended');
  });

  test('a pause with nothing to handle ends after two turns', async () => {
    const queue = new StateQueue((error) => assert.fail(String(error)), () => 0);
    let turns = 0;
    let counting = true;
    const count = async () => {
      while (counting) {
        await turn();
        turns++;
      }
    };
    void count();
    await queue.pause();
    counting = false;
    assert.ok(turns <= 3, `${turns} turns`);
  });

  test('an edit that comes while background work pauses is applied before the request that came after it', async () => {
    let activity = 0;
    const order: string[] = [];
    const queue = new StateQueue((error) => assert.fail(String(error)), () => activity);
    let slices = 3;
    queue.addBackground({ hasWork: () => slices > 0, runSlice: () => void slices-- });
    queue.wake();
    // The connection during the first slice's pause: an edit (a change) is handled, then a request is read and dispatched.
    setImmediate(() => {
      activity++;
      void queue.enqueue(() => void order.push('edit'));
      setImmediate(() =>
        setImmediate(() => {
          activity++;
          order.push('request');
        }),
      );
    });
    await queue.whenIdle();
    assert.deepStrictEqual(order, ['edit', 'request']);
  });
});
