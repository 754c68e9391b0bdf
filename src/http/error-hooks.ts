import type { Response } from 'express';

/**
 * Work that must be done before an error response is sent, such as counting a failed look-up for a rate
 * limit (so that the client's next request already sees the count). The one error handler waits for it.
 */
type Hook = (status: number) => Promise<void> | undefined;
const HOOKS = Symbol('error hooks');
type WithHooks = Response & { [HOOKS]?: Hook[] };

export function onErrorResponse(res: Response, hook: Hook): void {
  const r = res as WithHooks;
  (r[HOOKS] ??= []).push(hook);
}

/** Runs the hooks for a status; resolves when they are done (hooks swallow their own failures). */
export async function beforeErrorResponse(res: Response, status: number): Promise<void> {
  const hooks = (res as WithHooks)[HOOKS] ?? [];
  for (const h of hooks) await h(status);
}
