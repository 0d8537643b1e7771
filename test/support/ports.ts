import { anyFreePort, portIsFree } from '../../src/util/index.js';

export { anyFreePort, portIsFree };

/**
 * `preferred` when it is free, else any free port: two test runs on one machine (two engineers, or
 * CI next to a dev server) must not fight over the test ports.
 */
export async function testPort(preferred: number): Promise<number> {
  return (await portIsFree(preferred)) ? preferred : anyFreePort();
}
